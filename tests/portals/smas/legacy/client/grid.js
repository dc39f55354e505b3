/* global window, document, URLSearchParams */
// The student list's script, in the way of a Telerik RadGrid page: the filter row filters on
// Enter or change, the pager fetches a page and replaces the body table's rows and the pager (no
// page load), "Sửa" opens the profile in div.RadWindow#winHoSo > iframe#ifrHoSo, and closing the
// window re-reads the current page. A request answered by the login page (expired session) sends
// the whole window there (session-request.js).
(() => {
  'use strict';
  const grid = document.getElementById('gridHocSinh');
  if (!grid) return;
  const body = grid.querySelector('.rgDataDiv tbody');
  const pager = grid.querySelector('.rgPager');
  const win = document.getElementById('winHoSo');
  const frame = document.getElementById('ifrHoSo');
  const classSelect = document.getElementById('ddlLop');
  let loading = 0;

  function filters() {
    const params = new URLSearchParams();
    for (const input of grid.querySelectorAll('tr.rgFilterRow input[data-filter]')) {
      if (input.value.trim() !== '') params.set(input.dataset.filter, input.value.trim());
    }
    return params;
  }

  function load(page) {
    const params = filters();
    params.set('lopId', grid.dataset.lopId);
    params.set('page', String(page));
    const ticket = ++loading;
    grid.classList.add('rgLoading');
    return window.SessionRequest.json(`/HoSoHocSinh/DanhSachTrang?${params}`).then((answer) => {
      if (!answer || ticket !== loading) return;
      body.innerHTML = answer.rows;
      pager.innerHTML = answer.pager;
      grid.dataset.page = String(answer.page);
      grid.classList.remove('rgLoading');
    });
  }

  const current = () => Number(grid.dataset.page || '1');

  pager.addEventListener('click', (event) => {
    const target = event.target;
    if (target.matches('a.rgNumPage')) load(Number(target.dataset.page));
    else if (target.matches('input.rgPageNext') && !target.disabled) load(current() + 1);
    else if (target.matches('input.rgPagePrev') && !target.disabled) load(current() - 1);
  });

  for (const input of grid.querySelectorAll('tr.rgFilterRow input[data-filter]')) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        load(1);
      }
    });
    input.addEventListener('change', () => load(1));
  }

  body.addEventListener('click', (event) => {
    const edit = event.target.closest('a.rgEdit');
    if (!edit) return;
    event.preventDefault();
    win.style.display = 'block';
    frame.src = `/HoSoHocSinh/HoSo/${encodeURIComponent(edit.dataset.id)}`;
  });

  win.querySelector('a.rwCloseButton').addEventListener('click', (event) => {
    event.preventDefault();
    win.style.display = 'none';
    frame.src = 'about:blank';
    load(current());
  });

  if (classSelect) {
    classSelect.addEventListener('change', () => {
      window.location.href = `/HoSoHocSinh/DanhSach?lopId=${encodeURIComponent(classSelect.value)}`;
    });
  }
})();

/* global window, document, fetch, setTimeout, clearTimeout, requestAnimationFrame, HTMLInputElement, URLSearchParams */
// The grade page's own script, written the way framework-driven portal pages behave:
// - it keeps a MODEL of the grid and draws inputs from it; "Lưu" posts the model, not the DOM;
// - like React's value tracker, each input remembers the last value the script set through the
//   element's `value` property, and an input/change event whose value equals it is ignored. So a
//   value written with `el.value = x` (with or without events) never reaches the model, while a
//   real edit or the native HTMLInputElement.prototype setter followed by input/change does;
// - on blur the input shows the (normalised) model value again, undoing foreign writes;
// - a background poll can write stored values back over typed ones (the overwrite hazard);
// - a 401 from the server sends the whole window to the login page, dropping unsaved typing.
(() => {
  'use strict';
  const { el, messageBox, mask, combo } = window.ExtLite;
  const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
  const ROW_HEIGHT = 26;
  const VIRTUAL_BUFFER = 4;

  function toLogin(body) {
    const top = window.top.location;
    top.href = `${body.login}&next=${encodeURIComponent(top.pathname + top.search)}`;
  }

  function mount(panel) {
    if (panel.dataset.mounted) return;
    panel.dataset.mounted = '1';
    const config = JSON.parse(panel.dataset.config);
    const gridWrap = panel.querySelector('.grid-wrap');
    const pager = panel.querySelector('.x-paging');
    const saveButton = panel.querySelector('#btnLuu');
    const selection = { ...config.selected };
    let book = null;
    let model = {};
    let stored = {};
    let invalid = new Map();
    let generation = '';
    let page = 0;
    let pollTimer = 0;

    const prefix = () => (book.nhanXet ? 'nhanxet' : 'diem');
    const cellClass = () => (book.nhanXet ? 'input_nhan_xet' : 'input_diem');
    const nameOf = (code, key) => `${prefix()}[${code}][${key}]`;
    const modelValue = (code, key) => model[code]?.[key] ?? '';

    function normalise(value) {
      const trimmed = value.trim();
      return book.nhanXet ? trimmed.toUpperCase() : trimmed.replace(',', '.');
    }

    function markCell(td, code, key) {
      td.classList.toggle('x-grid3-dirty-cell', modelValue(code, key) !== (stored[code]?.[key] ?? ''));
      const problem = invalid.get(nameOf(code, key));
      td.classList.toggle('x-form-invalid', problem !== undefined);
      if (problem) td.title = problem;
      else td.removeAttribute('title');
    }

    function setModel(td, code, key, value) {
      model[code] ??= {};
      model[code][key] = value;
      invalid.delete(nameOf(code, key));
      markCell(td, code, key);
    }

    /** An input controlled by the model (see the top of this file). */
    function controlledInput(td, code, key) {
      const input = el('input', {
        type: 'text',
        class: cellClass(),
        name: nameOf(code, key),
        autocomplete: 'off',
        maxlength: '4',
      });
      let tracked = '';
      Object.defineProperty(input, 'value', {
        configurable: true,
        get() {
          return nativeValue.get.call(this);
        },
        set(value) {
          tracked = String(value);
          nativeValue.set.call(this, value);
        },
      });
      input.value = modelValue(code, key);
      const take = () => {
        const current = nativeValue.get.call(input);
        if (current === tracked) return;
        tracked = current;
        setModel(td, code, key, current);
      };
      input.addEventListener('input', take);
      input.addEventListener('change', take);
      input.addEventListener('blur', () => {
        setModel(td, code, key, normalise(modelValue(code, key)));
        input.value = modelValue(code, key);
      });
      return input;
    }

    /** Click-to-edit: a span that becomes a controlled input while it has focus. */
    function clickToEdit(td, code, key) {
      const span = el(
        'span',
        { class: cellClass(), 'data-name': nameOf(code, key), tabindex: '0' },
        modelValue(code, key),
      );
      const edit = () => {
        const input = controlledInput(td, code, key);
        span.replaceWith(input);
        input.focus();
        input.select();
        input.addEventListener('blur', () => input.replaceWith(clickToEdit(td, code, key)), { once: true });
      };
      span.addEventListener('click', edit);
      span.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') edit();
      });
      return span;
    }

    function renderRow(tbody, row) {
      const tr = tbody.insertRow();
      tr.dataset.maHs = row.maHs;
      for (const [className, text] of [
        ['stt', row.stt],
        ['ma-hs', row.maHs],
        ['ho-ten', row.hoTen],
      ]) {
        const td = tr.insertCell();
        td.className = className;
        td.textContent = String(text);
      }
      for (const column of book.columns) {
        const td = tr.insertCell();
        td.className = 'cell-entry';
        if (book.locked || book.lockedColumns.includes(column.key)) {
          td.classList.add('cell-locked');
          td.textContent = modelValue(row.maHs, column.key);
          continue;
        }
        td.append(
          config.edit === 'click'
            ? clickToEdit(td, row.maHs, column.key)
            : controlledInput(td, row.maHs, column.key),
        );
        markCell(td, row.maHs, column.key);
      }
      for (const column of book.computed) {
        const td = tr.insertCell();
        td.className = `cell-computed ${column.key}`;
        td.textContent = row.computed[column.key] ?? '';
      }
    }

    function renderHeader(table) {
      const thead = table.createTHead();
      const top = thead.insertRow();
      const bottom = thead.insertRow();
      const th = (row, text, span = {}) => {
        const cell = el('th', {}, text);
        if (span.rowspan) cell.rowSpan = span.rowspan;
        if (span.colspan) cell.colSpan = span.colspan;
        row.append(cell);
        return cell;
      };
      const locked = (cell, column) =>
        cell.classList.toggle('col-locked', book.lockedColumns.includes(column.key));
      for (const text of ['STT', 'Mã HS', 'Họ và tên']) th(top, text, { rowspan: 2 });
      const regular = book.columns.filter((column) => column.key.startsWith('tx'));
      th(top, 'ĐĐGtx', { colspan: regular.length });
      for (const column of regular) locked(th(bottom, column.header), column);
      for (const column of book.columns.filter((c) => !c.key.startsWith('tx'))) {
        locked(th(top, column.header, { rowspan: 2 }), column);
      }
      for (const column of book.computed) th(top, column.header, { rowspan: 2 });
    }

    function renderPager() {
      const pages = Math.max(1, Math.ceil(book.rows.length / config.pageSize));
      page = Math.min(page, pages - 1);
      const first = page * config.pageSize;
      const last = Math.min(book.rows.length, first + config.pageSize);
      pager.hidden = false;
      pager.textContent = '';
      const button = (className, text, target, disabled) => {
        const b = el('button', { type: 'button', class: `x-btn-text ${className}` }, text);
        b.disabled = disabled;
        b.addEventListener('click', () => {
          page = target;
          render();
        });
        return b;
      };
      pager.append(
        button('x-tbar-page-prev', 'Trang trước', page - 1, page === 0),
        el(
          'span',
          { class: 'x-paging-info' },
          `Trang ${page + 1}/${pages} — hiển thị ${first + 1}–${last} / ${book.rows.length} học sinh`,
        ),
        button('x-tbar-page-next', 'Trang sau', page + 1, page >= pages - 1),
      );
      return book.rows.slice(first, last);
    }

    /** Only the rows scrolled into view (plus a few) are in the DOM; spacers keep the scroll height. */
    function virtualRows(scroller, tbody) {
      const span = book.columns.length + book.computed.length + 3;
      let shown = '';
      const renderWindow = () => {
        const visible = Math.ceil(scroller.clientHeight / ROW_HEIGHT);
        const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - VIRTUAL_BUFFER);
        const last = Math.min(book.rows.length, first + visible + 2 * VIRTUAL_BUFFER);
        if (shown === `${first}-${last}`) return;
        shown = `${first}-${last}`;
        tbody.textContent = '';
        const spacer = (rows) => {
          const td = tbody.insertRow().insertCell();
          td.colSpan = span;
          td.className = 'x-grid3-spacer';
          td.style.height = `${rows * ROW_HEIGHT}px`;
          td.style.padding = '0';
          td.style.border = '0';
        };
        if (first > 0) spacer(first);
        for (const row of book.rows.slice(first, last)) renderRow(tbody, row);
        if (last < book.rows.length) spacer(book.rows.length - last);
      };
      scroller.addEventListener('scroll', () => requestAnimationFrame(renderWindow));
      renderWindow();
    }

    function render() {
      panel.querySelector('.nhapdiem-title').textContent = book.title;
      const notice = panel.querySelector('.lock-notice');
      notice.textContent = book.lockNotice;
      notice.classList.toggle('is-locked', book.locked);
      const table = el('table', { class: 'tablefix', id: 'tblNhapDiem' });
      renderHeader(table);
      const tbody = table.createTBody();
      gridWrap.textContent = '';
      if (config.paging === 'virtual') {
        const scroller = el('div', { class: 'x-grid3-scroller' });
        scroller.append(table);
        gridWrap.append(scroller);
        virtualRows(scroller, tbody);
        return;
      }
      const rows = config.paging === 'pages' ? renderPager() : book.rows;
      for (const row of rows) renderRow(tbody, row);
      gridWrap.append(table);
    }

    function apply(view, keepPage) {
      book = view;
      generation = view.generation;
      stored = Object.fromEntries(view.rows.map((row) => [row.maHs, { ...row.values }]));
      model = Object.fromEntries(view.rows.map((row) => [row.maHs, { ...row.values }]));
      invalid = new Map();
      if (!keepPage) page = 0;
      render();
    }

    async function load() {
      clearTimeout(pollTimer);
      const query = new URLSearchParams({ lop: selection.lop, mon: selection.mon, hk: selection.hk });
      let response;
      let body;
      try {
        response = await fetch(`${config.urls.data}?${query}`, { headers: XHR });
        body = await response.json();
      } catch {
        return messageBox({ title: 'Lỗi', text: 'Không tải được sổ điểm. Vui lòng thử lại.', kind: 'error' });
      }
      if (response.status === 401) return toLogin(body);
      if (!response.ok) {
        gridWrap.textContent = '';
        return messageBox({ title: 'Lỗi', text: body.message, kind: 'error' });
      }
      apply(body, false);
      schedulePoll();
    }

    async function save() {
      const unmask = mask(panel, 'Đang lưu dữ liệu...');
      saveButton.disabled = true;
      let response;
      let body;
      try {
        const url =
          config.delayMs === null ? config.urls.save : `${config.urls.save}?delay=${config.delayMs}`;
        response = await fetch(url, {
          method: 'POST',
          headers: { ...XHR, 'Content-Type': 'application/json', 'X-CSRF-Token': config.csrf },
          body: JSON.stringify({ lop: book.lop, mon: book.mon, hk: book.hk, diem: model }),
        });
        body = await response.json();
      } catch {
        body = { message: 'Không kết nối được máy chủ. Dữ liệu chưa được lưu.' };
      } finally {
        unmask();
        saveButton.disabled = false;
      }
      if (response?.status === 401) return toLogin(body);
      if (response?.ok) {
        apply(body.book, true);
        return messageBox({ title: 'Thông báo', text: body.message, kind: 'info' });
      }
      const errors = body.errors ?? [];
      invalid = new Map(errors.map((error) => [nameOf(error.maHs, error.cot), error.message]));
      render();
      return messageBox({
        title: 'Lỗi',
        text: body.message,
        kind: 'error',
        details: errors.map((e) => e.message),
      });
    }

    /** Writes stored values back over the model and the inputs, as the real page's refresh does. */
    function refill(cells) {
      for (const [code, values] of Object.entries(cells)) {
        if (!model[code]) continue;
        for (const [key, value] of Object.entries(values)) {
          stored[code][key] = value;
          model[code][key] = value;
          const name = nameOf(code, key);
          const target = panel.querySelector(`input[name="${name}"], span[data-name="${name}"]`);
          if (target instanceof HTMLInputElement) target.value = value;
          else if (target) target.textContent = value;
          if (target) markCell(target.closest('td'), code, key);
        }
      }
    }

    function schedulePoll() {
      clearTimeout(pollTimer);
      if (config.pollMs > 0) pollTimer = setTimeout(poll, config.pollMs);
    }

    async function poll() {
      if (!panel.isConnected) return;
      const polled = book;
      try {
        const query = new URLSearchParams({ lop: book.lop, mon: book.mon, hk: book.hk, gen: generation });
        const response = await fetch(`${config.urls.poll}?${query}`, { headers: XHR });
        // A dead session stops the poll silently: the teacher keeps typing and learns at "Lưu".
        if (response.status === 401) return;
        const body = await response.json();
        if (response.ok && polled === book) {
          generation = body.generation;
          if (body.cells) refill(body.cells);
        }
      } catch {
        // The next poll tries again.
      }
      schedulePoll();
    }

    const options = config.options;
    const combos = {};
    const select = (name) => (value) => {
      selection[name] = value;
      if (name === 'khoi') selection.lop = combos.lop.setOptions(options.lop[value] ?? [], '');
      load();
    };
    for (const item of panel.querySelectorAll('.x-combo')) {
      const name = item.dataset.combo;
      const list = name === 'lop' ? (options.lop[selection.khoi] ?? []) : options[name];
      combos[name] = combo(item, list, select(name));
    }
    saveButton.addEventListener('click', save);
    load();
  }

  window.GradeGrid = { mount };
  for (const panel of document.querySelectorAll('.nhapdiem-panel')) mount(panel);
})();

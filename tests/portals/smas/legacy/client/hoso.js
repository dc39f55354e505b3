/* global window, document, URLSearchParams */
// The profile form's script, written the way framework-driven pages behave:
// - the page keeps a MODEL of the record (from #hosoModel) and "Lưu" posts the model, not the
//   inputs;
// - the inputs are controlled (../../../common/client/controlled-input.js, React's value
//   tracker): `el.value = x` (with or without events) never reaches the model, while typing, or
//   the native HTMLInputElement.prototype setter followed by input/change, does; on blur a text
//   field shows the model's value again;
// - a Telerik-style combo takes its typed text on change/blur and resolves it to one of its items
//   (NFC, case-insensitive); unknown text is reverted with a field error;
// - the answer shows p.message-of-success / p.message-of-error, span.field-validation-error per
//   field, and a radalert-style pop-up; an expired session sends the whole window to the login
//   (session-request.js).
(() => {
  'use strict';
  const { control } = window.ControlledInput;
  const form = document.getElementById('frmHoSo');
  if (!form) return;
  const model = JSON.parse(document.getElementById('hosoModel').textContent);
  const names = JSON.parse(document.getElementById('hosoNames').textContent);
  const locked = form.hasAttribute('data-locked');
  const saveButton = document.getElementById('btnLuu');
  const busy = document.getElementById('divDangLuu');
  const notice = document.getElementById('divThongBao');
  let saving = false;

  const fold = (text) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

  function errorSpan(name) {
    return form.querySelector(`[data-valmsg-for="${name}"]`);
  }

  function showFieldError(name, text) {
    const span = errorSpan(name);
    if (!span) return;
    span.className = text ? 'field-validation-error' : 'field-validation-valid';
    span.textContent = text || '';
  }

  for (const input of form.querySelectorAll('input[data-field]')) {
    const field = input.dataset.field;
    control(input, (value) => {
      model[field] = value;
      showFieldError(names[field], '');
    });
    input.addEventListener('blur', () => {
      input.value = model[field];
    });
  }

  for (const box of form.querySelectorAll('div.RadComboBox[data-field]')) {
    const field = box.dataset.field;
    const text = box.querySelector('input.rcbInput');
    const hidden = box.querySelector('input[type=hidden]');
    const slide = box.querySelector('div.rcbSlide');
    const items = [...box.querySelectorAll('li.rcbItem')].map((li) => li.textContent);
    let typed = model[field];
    const choose = (item) => {
      model[field] = item;
      hidden.value = item;
      text.value = item;
      typed = item;
      showFieldError(names[field], '');
    };
    const resolve = () => {
      if (typed === model[field]) {
        text.value = model[field];
        return;
      }
      const item = typed.trim() === '' ? '' : items.find((candidate) => fold(candidate) === fold(typed));
      if (item !== undefined) {
        choose(item);
        return;
      }
      showFieldError(names[field], `Giá trị "${typed}" không có trong danh sách.`);
      typed = model[field];
      text.value = model[field];
    };
    control(text, (value) => {
      typed = value;
    });
    text.addEventListener('change', resolve);
    text.addEventListener('blur', () => {
      resolve();
      slide.style.display = 'none';
    });
    const toggle = (event) => {
      event.preventDefault();
      if (!locked) slide.style.display = slide.style.display === 'none' ? 'block' : 'none';
    };
    box.querySelector('a.rcbArrow').addEventListener('mousedown', toggle);
    slide.addEventListener('mousedown', (event) => {
      const li = event.target.closest('li.rcbItem');
      if (!li) return;
      event.preventDefault();
      choose(li.textContent);
      slide.style.display = 'none';
    });
  }

  function radalert(message, title) {
    const alert = document.createElement('div');
    alert.className = 'RadWindow RadWindow_Default rwAlert';
    alert.setAttribute('role', 'alertdialog');
    alert.innerHTML =
      '<div class="rwTitlebar"><em class="rwTitle"></em></div><div class="rwDialogPopup"><div class="rwDialogText"></div><a class="rwPopupButton" href="javascript:void(0)"><span class="rwInnerSpan">OK</span></a></div>';
    alert.querySelector('.rwTitle').textContent = title;
    alert.querySelector('.rwDialogText').textContent = message;
    alert.querySelector('a.rwPopupButton').addEventListener('click', (event) => {
      event.preventDefault();
      alert.remove();
    });
    document.body.appendChild(alert);
  }

  function showAnswer(answer) {
    for (const span of form.querySelectorAll('.field-validation-error'))
      showFieldError(span.dataset.valmsgFor, '');
    const p = document.createElement('p');
    p.className = answer.Type === 'success' ? 'message-of-success' : 'message-of-error';
    p.textContent = answer.Message;
    notice.replaceChildren(p);
    for (const [name, text] of Object.entries(answer.Errors || {})) showFieldError(name, text);
    radalert(answer.Message, 'Thông báo');
  }

  function save() {
    if (locked || saving) return;
    saving = true;
    saveButton.disabled = true;
    busy.style.display = '';
    const params = new URLSearchParams();
    params.set(
      '__RequestVerificationToken',
      form.querySelector('input[name=__RequestVerificationToken]').value,
    );
    params.set('StudentID', document.getElementById('StudentID').value);
    for (const [field, name] of Object.entries(names)) params.set(name, model[field]);
    window.SessionRequest.json('/HoSoHocSinh/Luu', { method: 'POST', body: params })
      .then((answer) => {
        if (answer) showAnswer(answer);
      })
      .catch(() =>
        showAnswer({
          Type: 'error',
          Message: 'Không kết nối được máy chủ. Thầy/cô hãy thử lại.',
          Errors: {},
        }),
      )
      .finally(() => {
        saving = false;
        saveButton.disabled = false;
        busy.style.display = 'none';
      });
  }

  saveButton.addEventListener('click', save);
})();

/* global window, document */
// ExtJS-3-like widgets, just enough to reproduce vnEdu's DOM: floating windows (.x-window, the
// front one .x-window-active), modal message boxes (.x-window-dlg), combos and load masks.
(() => {
  'use strict';
  let zIndex = 9000;

  function el(tag, attributes = {}, text) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function activate(win) {
    for (const other of document.querySelectorAll('.x-window-active'))
      other.classList.remove('x-window-active');
    win.classList.add('x-window-active');
    zIndex += 1;
    win.style.zIndex = String(zIndex);
  }

  function createWindow({ id, title, width, height, left, top, onClose }) {
    const win = el('div', { class: 'x-window', id });
    Object.assign(win.style, {
      width: `${width}px`,
      height: `${height}px`,
      left: `${left}px`,
      top: `${top}px`,
    });
    const header = el('div', { class: 'x-window-header' });
    const close = el('button', { type: 'button', class: 'x-tool x-tool-close', title: 'Đóng' }, '×');
    header.append(el('span', { class: 'x-window-header-text' }, title), close);
    const body = el('div', { class: 'x-window-body' });
    win.append(header, body);
    win.addEventListener('mousedown', () => activate(win));
    close.addEventListener('click', () => {
      win.remove();
      onClose?.();
    });
    document.body.append(win);
    activate(win);
    return { win, body };
  }

  /** A modal box that takes the active mark until OK, like Ext.Msg.alert. */
  function messageBox({ title, text, kind, details = [] }) {
    return new Promise((resolve) => {
      const previous = document.querySelector('.x-window-active');
      const mask = el('div', { class: 'ext-el-mask' });
      const box = el('div', { class: 'x-window x-window-dlg', role: 'alertdialog' });
      const header = el('div', { class: 'x-window-header' });
      header.append(el('span', { class: 'x-window-header-text' }, title));
      const body = el('div', { class: 'x-window-body' });
      const content = el('div');
      content.append(el('span', { class: 'ext-mb-text' }, text));
      if (details.length > 0) {
        const list = el('ul', { class: 'ext-mb-details' });
        for (const detail of details) list.append(el('li', {}, detail));
        content.append(list);
      }
      body.append(el('div', { class: `ext-mb-icon ext-mb-${kind}` }), content);
      const footer = el('div', { class: 'x-window-footer' });
      const ok = el('button', { type: 'button', class: 'x-btn-text' }, 'OK');
      footer.append(ok);
      box.append(header, body, footer);
      document.body.append(mask, box);
      zIndex += 1;
      mask.style.zIndex = String(zIndex);
      activate(box);
      ok.focus();
      ok.addEventListener('click', () => {
        mask.remove();
        box.remove();
        if (previous?.isConnected) activate(previous);
        resolve();
      });
    });
  }

  /** Ext's element mask with a message; returns the function that removes it. */
  function mask(target, text) {
    target.classList.add('x-masked');
    const cover = el('div', { class: 'ext-el-mask' });
    const message = el('div', { class: 'ext-el-mask-msg x-mask-loading' });
    message.append(el('div', {}, text));
    target.append(cover, message);
    return () => {
      cover.remove();
      message.remove();
      target.classList.remove('x-masked');
    };
  }

  /**
   * Binds a server-rendered combo (.x-combo: label, read-only text input, hidden value input,
   * trigger). The list opens under the field as .x-combo-list with .x-combo-list-item rows.
   */
  function combo(item, initialOptions, onSelect) {
    const text = item.querySelector('.x-form-text');
    const hidden = item.querySelector('input[type=hidden]');
    let options = initialOptions;
    let list = null;

    const closeList = () => {
      list?.remove();
      list = null;
      document.removeEventListener('mousedown', outside, true);
    };
    function outside(event) {
      if (!list?.contains(event.target) && !item.contains(event.target)) closeList();
    }
    const set = (option) => {
      text.value = option ? option.text : '';
      hidden.value = option ? option.value : '';
    };
    const openList = () => {
      if (list) return closeList();
      const rect = text.getBoundingClientRect();
      list = el('div', { class: 'x-layer x-combo-list', role: 'listbox' });
      Object.assign(list.style, {
        left: `${rect.left + window.scrollX}px`,
        top: `${rect.bottom + window.scrollY}px`,
        minWidth: `${rect.width + 17}px`,
      });
      for (const option of options) {
        const selected = option.value === hidden.value;
        const row = el(
          'div',
          { class: `x-combo-list-item${selected ? ' x-combo-selected' : ''}`, role: 'option' },
          option.text,
        );
        row.dataset.value = option.value;
        row.addEventListener('click', () => {
          closeList();
          if (option.value === hidden.value) return;
          set(option);
          onSelect(option.value);
        });
        list.append(row);
      }
      document.body.append(list);
      document.addEventListener('mousedown', outside, true);
    };
    text.addEventListener('click', openList);
    item.querySelector('.x-form-trigger').addEventListener('click', openList);

    return {
      /** New choices (another grade's classes); selects `value` or the first one. */
      setOptions(next, value) {
        options = next;
        set(next.find((option) => option.value === value) ?? next[0]);
        return hidden.value;
      },
    };
  }

  window.ExtLite = { el, activate, createWindow, messageBox, mask, combo };
})();

/* global window, document */
// ExtJS-4-like widgets, just enough to reproduce vnEdu's DOM: desktop windows (.x-window; the one
// in front carries ux-desktop-active-win and the highest z-index), message boxes (.x-window.x-message-box,
// never a desktop window: they float above without taking ux-desktop-active-win), combo boxes
// with their bound list (.x-boundlist .x-boundlist-item), checkboxes and load masks (.x-mask).
(() => {
  'use strict';
  const ACTIVE = 'ux-desktop-active-win';

  function el(tag, attributes = {}, text) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /** The highest z-index of the desktop's windows (message boxes included). */
  function topZ(doc = document) {
    let top = 19000;
    for (const win of doc.querySelectorAll('.x-window')) top = Math.max(top, Number(win.style.zIndex) || 0);
    return top;
  }

  /** Brings a desktop window to the front: the class moves to it, it gets the highest z-index. */
  function activate(win) {
    if (win.classList.contains(ACTIVE) && Number(win.style.zIndex) >= topZ(win.ownerDocument)) return;
    for (const other of win.ownerDocument.querySelectorAll(`.${ACTIVE}`)) other.classList.remove(ACTIVE);
    win.classList.add(ACTIVE);
    win.style.zIndex = String(topZ(win.ownerDocument) + 10);
  }

  /** A modal box like Ext.Msg.alert: .x-window.x-message-box with an info or error icon. */
  function messageBox({ title, text, kind, details = [] }) {
    return new Promise((resolve) => {
      const z = topZ() + 10;
      const mask = el('div', { class: 'x-mask x-mask-msgbox' });
      mask.style.zIndex = String(z - 1);
      const box = el('div', {
        class: 'x-window x-message-box x-layer x-window-default x-border-box',
        role: 'alertdialog',
      });
      box.style.zIndex = String(z);
      const header = el('div', { class: 'x-window-header x-header x-window-header-default' });
      header.append(el('span', { class: 'x-header-text x-window-header-text' }, title));
      const body = el('div', { class: 'x-window-body x-window-body-default' });
      const content = el('div', { class: 'x-message-box-content' });
      content.append(el('div', { class: 'x-window-text' }, text));
      if (details.length > 0) {
        const list = el('ul', { class: 'x-message-box-details' });
        for (const detail of details) list.append(el('li', {}, detail));
        content.append(list);
      }
      body.append(el('div', { class: `x-message-box-icon x-message-box-${kind}` }), content);
      const footer = el('div', { class: 'x-toolbar x-docked-bottom x-toolbar-footer' });
      const ok = el('button', { type: 'button', class: 'x-btn-center' });
      ok.append(el('span', { class: 'x-btn-inner' }, 'OK'));
      const wrap = el('div', { class: 'x-btn x-btn-default-small' });
      wrap.append(ok);
      footer.append(wrap);
      box.append(header, body, footer);
      document.body.append(mask, box);
      ok.focus();
      ok.addEventListener('click', () => {
        mask.remove();
        box.remove();
        resolve();
      });
    });
  }

  /** Ext's element mask with a message; returns the function that removes it. */
  function mask(target, text) {
    target.classList.add('x-masked');
    const cover = el('div', { class: 'x-mask' });
    const message = el('div', { class: 'x-mask-msg' });
    message.append(el('div', { class: 'x-mask-msg-text' }, text));
    target.append(cover, message);
    return () => {
      cover.remove();
      message.remove();
      target.classList.remove('x-masked');
    };
  }

  /**
   * Binds a server-rendered combo (table.x-combo: label, read-only text input, trigger; the value
   * in data-value). The list opens under the field as .x-boundlist with li.x-boundlist-item rows.
   */
  function combo(item, initialOptions, onSelect) {
    const text = item.querySelector('input.x-form-text');
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
      item.dataset.value = option ? option.value : '';
    };
    const openList = () => {
      if (list) return closeList();
      const rect = text.getBoundingClientRect();
      list = el('div', { class: 'x-boundlist x-layer x-boundlist-default', role: 'listbox' });
      Object.assign(list.style, {
        left: `${rect.left + window.scrollX}px`,
        top: `${rect.bottom + window.scrollY}px`,
        minWidth: `${rect.width + 17}px`,
        zIndex: String(topZ() + 20),
      });
      const ul = el('ul', { class: 'x-list-plain' });
      for (const option of options) {
        const selected = option.value === item.dataset.value;
        const row = el(
          'li',
          { class: `x-boundlist-item${selected ? ' x-boundlist-selected' : ''}`, role: 'option' },
          option.text,
        );
        row.dataset.value = option.value;
        row.addEventListener('click', () => {
          closeList();
          if (option.value === item.dataset.value) return;
          set(option);
          onSelect(option.value);
        });
        ul.append(row);
      }
      list.append(ul);
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
        return item.dataset.value;
      },
    };
  }

  /** An ExtJS 4 checkbox (table.x-form-cb-wrap): a click toggles x-form-cb-checked. */
  function checkbox(item, onChange) {
    const input = item.querySelector('input.x-form-checkbox');
    const toggle = () => {
      const checked = !item.classList.contains('x-form-cb-checked');
      item.classList.toggle('x-form-cb-checked', checked);
      input.setAttribute('aria-checked', String(checked));
      onChange?.(checked);
    };
    input.addEventListener('click', toggle);
    item.querySelector('label')?.addEventListener('click', (event) => {
      event.preventDefault();
      toggle();
    });
  }

  window.ExtLite = { el, activate, messageBox, mask, combo, checkbox, topZ, ACTIVE };
})();

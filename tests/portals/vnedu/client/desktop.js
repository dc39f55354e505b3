/* global window, document */
// The vnEdu desktop: windows rendered by the server (or cloned from <template id="tpl-APP"> when
// a shortcut is clicked) are brought to the front by a click anywhere in them, which moves
// ux-desktop-active-win; the taskbar has one button per open window.
(() => {
  'use strict';
  const { el, activate, ACTIVE } = window.ExtLite;
  const taskbar = document.getElementById('ux-taskbuttons');
  const config = JSON.parse(document.getElementById('desktop-config').textContent);
  const desktop = document.getElementById('ux-desktop');

  const bookWindows = () => [...document.querySelectorAll('.x-window:not(.x-message-box)')];

  function markTaskbar() {
    for (const button of taskbar.children) {
      button.classList.toggle(
        'active',
        document.getElementById(button.dataset.window)?.classList.contains(ACTIVE),
      );
    }
  }

  function bind(win) {
    if (win.dataset.bound) return;
    win.dataset.bound = '1';
    const title = win.querySelector('.x-window-header-text')?.textContent ?? '';
    const button = el('button', { type: 'button', class: 'ux-taskbutton' }, title);
    button.dataset.window = win.id;
    button.addEventListener('click', () => {
      activate(win);
      markTaskbar();
    });
    taskbar.append(button);
    win.addEventListener('mousedown', () => {
      activate(win);
      markTaskbar();
    });
    win.querySelector('.x-tool-close')?.addEventListener('click', (event) => {
      event.stopPropagation();
      const wasActive = win.classList.contains(ACTIVE);
      win.remove();
      button.remove();
      const rest = bookWindows().sort((a, b) => Number(b.style.zIndex) - Number(a.style.zIndex));
      if (wasActive && rest[0]) activate(rest[0]);
      markTaskbar();
    });
    const root = win.querySelector('.so-diem');
    if (root) window.GradeGrid.mount(root);
  }

  function open(app) {
    const id = config.windows[app];
    const existing = document.getElementById(id);
    if (existing) {
      activate(existing);
      markTaskbar();
      return;
    }
    const template = document.getElementById(`tpl-${app}`);
    if (!template) return;
    const win = template.content.firstElementChild.cloneNode(true);
    desktop.insertBefore(win, document.getElementById('ux-taskbar'));
    bind(win);
    activate(win);
    markTaskbar();
  }

  for (const shortcut of document.querySelectorAll('.x-shortcut')) {
    shortcut.addEventListener('click', () => open(shortcut.dataset.app));
  }
  for (const win of bookWindows()) bind(win);
  markTaskbar();
})();

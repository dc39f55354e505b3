/* global window, document, setTimeout */
// The vnEdu desktop: shortcuts open floating windows filled from <template id="tpl-APP">; the
// taskbar has one button per open window. ?open=APP opens a window on load.
(() => {
  'use strict';
  const { el, activate, createWindow } = window.ExtLite;
  const taskbar = document.getElementById('ux-taskbuttons');
  let opened = 0;

  function markTaskbar() {
    for (const button of taskbar.children) {
      button.classList.toggle(
        'active',
        document.getElementById(button.dataset.window)?.classList.contains('x-window-active'),
      );
    }
  }

  function open(shortcut) {
    const app = shortcut.dataset.app;
    const existing = document.getElementById(`win-${app}`);
    if (existing) {
      activate(existing);
      markTaskbar();
      return;
    }
    const [width, height] = shortcut.dataset.size.split('x').map(Number);
    const button = el('button', { type: 'button', class: 'ux-taskbutton' }, shortcut.dataset.title);
    const { win, body } = createWindow({
      id: `win-${app}`,
      title: shortcut.dataset.title,
      width: Math.min(width, window.innerWidth - 130),
      height: Math.min(height, window.innerHeight - 80),
      left: 120 + opened * 24,
      top: 40 + opened * 24,
      onClose: () => button.remove(),
    });
    opened += 1;
    body.append(document.getElementById(`tpl-${app}`).content.cloneNode(true));
    const panel = body.querySelector('.nhapdiem-panel');
    if (panel) window.GradeGrid.mount(panel);
    button.dataset.window = win.id;
    button.addEventListener('click', () => {
      activate(win);
      markTaskbar();
    });
    taskbar.append(button);
    markTaskbar();
  }

  for (const shortcut of document.querySelectorAll('.x-shortcut')) {
    shortcut.addEventListener('click', () => open(shortcut));
  }
  document.addEventListener('mousedown', () => setTimeout(markTaskbar));

  const config = JSON.parse(document.getElementById('desktop-config').textContent);
  const initial = config.open && document.querySelector(`.x-shortcut[data-app="${config.open}"]`);
  if (initial) open(initial);
})();

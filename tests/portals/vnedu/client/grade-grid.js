/* global window, document, fetch, setTimeout, clearTimeout, requestAnimationFrame, URLSearchParams */
// The grade window's own script, written the way framework-driven portal pages behave:
// - the grid is an HTML fragment the server renders (POST /v5/?load=edu.so_diem.nhap with the
//   book's hidden fields); a class, subject, term or period change loads a new one into the panel;
// - the script keeps a MODEL of every cell (value, value0 = last saved, title) and draws the rows
//   from it; "Lưu" posts `name=value` for the cells whose model value differs from value0;
// - the fields are controlled (../../common/client/controlled-input.js, React's value tracker): a
//   value written with `el.value = x` (with or without events) never reaches the model, while a
//   real edit or the native HTMLInputElement/HTMLTextAreaElement.prototype setter followed by
//   input/change does; on blur the field shows the (normalised) model value again;
// - a background poll can write stored values back over typed ones (the overwrite hazard);
// - a 401 from the server sends the whole window to the login page, dropping unsaved typing.
(() => {
  'use strict';
  const { el, messageBox, mask, combo, checkbox } = window.ExtLite;
  const controlled = window.ControlledInput;
  const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
  const FORM = { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' };
  const ROW_HEIGHT = 26;
  const VIRTUAL_BUFFER = 4;
  /** Entry fields of a row: inputs and comment textareas, never the hidden textarea.temp or a computed input. */
  const FIELDS =
    'td.allowedit > input, td.allowedit > textarea:not(.temp), td.allowedit1 > input, td.allowedit1 > textarea:not(.temp)';
  const mounted = new WeakSet();

  function toLogin(body) {
    const top = window.top.location;
    top.href = `${body.login}&next=${encodeURIComponent(top.pathname + top.search)}`;
  }

  function mount(root) {
    if (mounted.has(root)) return;
    mounted.add(root);
    const config = JSON.parse(root.querySelector('script.book-config').textContent);
    const windowId = config.windowId;
    const panel = root.querySelector('.book-panel');
    const pager = root.querySelector('.x-paging');
    const saveButton = root.querySelector(`[id="${windowId}btLuu"] button`);
    const selection = { ...config.selected };
    /** name → { value, value0, title, locked, error } */
    let cells = new Map();
    /** { code, template } in class-list order */
    let rows = [];
    /** code → { tbhk, tbcn } */
    let computed = new Map();
    let tbody = null;
    let generation = '';
    let page = 0;
    let pollTimer = 0;
    let loading = 0;

    const hiddenFields = () => {
      const form = panel.querySelector(`form[id="${windowId}_frm"]`);
      return form
        ? [...form.querySelectorAll('input[type=hidden]')].map((input) => [input.name, input.value])
        : [];
    };

    function normalise(field, value) {
      if (field.tagName === 'TEXTAREA') return value;
      const trimmed = value.trim();
      if (/\b(xl\w*|danhgia)\b/.test(field.className)) return trimmed.toUpperCase();
      return trimmed.replace(',', '.');
    }

    function markCell(td, name) {
      const cell = cells.get(name);
      if (!td || !cell) return;
      td.classList.toggle('x-grid-dirty-cell', cell.value !== cell.value0);
      const field = td.querySelector('input, textarea:not(.temp), span[data-name]');
      if (!field) return;
      field.classList.toggle('x-form-invalid-field', cell.error !== undefined);
      if (cell.error) field.setAttribute('data-errorqtip', cell.error);
      else field.removeAttribute('data-errorqtip');
    }

    function setModel(td, name, value) {
      const cell = cells.get(name);
      cell.value = value;
      cell.error = undefined;
      markCell(td, name);
    }

    /** A field controlled by the model (see the top of this file). */
    function control(field) {
      const name = field.name;
      const td = field.parentElement;
      controlled.control(field, (current) => {
        setModel(td, name, current);
        const temp = field.nextElementSibling;
        if (temp?.classList.contains('temp')) controlled.write(temp, current);
      });
      const cell = cells.get(name);
      field.setAttribute('value0', cell.value0);
      field.setAttribute('title', cell.title);
      field.value = cell.value;
      field.addEventListener('blur', () => {
        setModel(td, name, normalise(field, cells.get(name).value));
        field.value = cells.get(name).value;
      });
      markCell(td, name);
      return field;
    }

    /** Click-to-edit: a span that becomes the field while it has focus. */
    function clickToEdit(field) {
      const name = field.name;
      const comment = field.tagName === 'TEXTAREA' || field.classList.contains('input_nhan_xet');
      const span = el(
        'span',
        { class: comment ? 'input_nhan_xet' : 'input_diem', 'data-name': name, tabindex: '0' },
        cells.get(name).value,
      );
      const edit = () => {
        const live = control(field.cloneNode(true));
        span.replaceWith(live);
        live.focus();
        live.select?.();
        live.addEventListener('blur', () => live.replaceWith(clickToEdit(field)), { once: true });
      };
      span.addEventListener('click', edit);
      span.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') edit();
      });
      return span;
    }

    function drawRow(row) {
      const tr = row.template.cloneNode(true);
      for (const field of tr.querySelectorAll(FIELDS)) {
        const td = field.parentElement;
        if (config.edit === 'click' && td.classList.contains('allowedit')) {
          const template = field.cloneNode(true);
          field.replaceWith(clickToEdit(template));
          markCell(td, template.name);
        } else {
          control(field);
        }
      }
      const values = computed.get(row.code) ?? {};
      const semester = tr.querySelector('td.tbhk_tt');
      if (semester) semester.textContent = values.tbhk ?? '';
      const year = tr.querySelector('td.tbcn_tt input');
      if (year) year.value = values.tbcn ?? '';
      return tr;
    }

    function renderPager() {
      const pages = Math.max(1, Math.ceil(rows.length / config.pageSize));
      page = Math.min(page, pages - 1);
      const first = page * config.pageSize;
      const last = Math.min(rows.length, first + config.pageSize);
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
          `Trang ${page + 1}/${pages} — hiển thị ${first + 1}–${last} / ${rows.length} học sinh`,
        ),
        button('x-tbar-page-next', 'Trang sau', page + 1, page >= pages - 1),
      );
      return rows.slice(first, last);
    }

    /** Only the rows scrolled into view (plus a few) are in the DOM; spacers keep the scroll height. */
    function virtualRows(scroller) {
      const span = rows[0]?.template.cells.length ?? 1;
      let shown = '';
      const renderWindow = () => {
        const visible = Math.ceil(scroller.clientHeight / ROW_HEIGHT);
        const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - VIRTUAL_BUFFER);
        const last = Math.min(rows.length, first + visible + 2 * VIRTUAL_BUFFER);
        if (shown === `${first}-${last}`) return;
        shown = `${first}-${last}`;
        tbody.textContent = '';
        const spacer = (count) => {
          const td = tbody.insertRow().insertCell();
          td.colSpan = span;
          td.className = 'x-grid-spacer';
          td.style.height = `${count * ROW_HEIGHT}px`;
          td.style.padding = '0';
          td.style.border = '0';
        };
        if (first > 0) spacer(first);
        for (const row of rows.slice(first, last)) tbody.append(drawRow(row));
        if (last < rows.length) spacer(rows.length - last);
      };
      scroller.addEventListener('scroll', () => requestAnimationFrame(renderWindow));
      renderWindow();
    }

    /** The table as loaded, with an empty body: every full redraw starts from a fresh copy of it. */
    let tableTemplate = null;

    /**
     * Draws the grid again from the model as a NEW table (a new scroller too when virtual), as the
     * portal does after a page turn, a save or a refused save; scrolling only redraws rows.
     */
    function render() {
      if (!tableTemplate) return;
      const current = panel.querySelector('table.tablefix');
      const holder = current?.closest('.x-scroller') ?? current;
      const table = tableTemplate.cloneNode(true);
      tbody = table.tBodies[0];
      if (config.paging === 'virtual') {
        const scroller = el('div', { class: 'x-grid-view x-scroller' });
        scroller.append(table);
        const top = holder?.scrollTop ?? 0;
        if (holder) holder.replaceWith(scroller);
        else panel.querySelector('form').append(scroller);
        scroller.scrollTop = top;
        virtualRows(scroller);
        return;
      }
      const visible = config.paging === 'pages' ? renderPager() : rows;
      for (const row of visible) tbody.append(drawRow(row));
      if (holder) holder.replaceWith(table);
      else panel.querySelector('form').append(table);
    }

    function hydrate(html) {
      panel.innerHTML = html;
      const table = panel.querySelector('table.tablefix');
      const body = table.tBodies[0];
      rows = [...body.rows].map((tr) => ({ code: tr.id, template: tr.cloneNode(true) }));
      cells = new Map();
      computed = new Map();
      for (const row of rows) {
        for (const field of row.template.querySelectorAll(FIELDS)) {
          const value0 = field.getAttribute('value0') ?? '';
          cells.set(field.name, {
            value: value0,
            value0,
            title: field.getAttribute('title') ?? '',
            error: undefined,
          });
        }
        computed.set(row.code, {
          tbhk: row.template.querySelector('td.tbhk_tt')?.textContent ?? '',
          tbcn: row.template.querySelector('td.tbcn_tt input')?.getAttribute('value') ?? '',
        });
      }
      tableTemplate = table.cloneNode(false);
      for (const part of table.children) {
        if (part.tagName !== 'TBODY') tableTemplate.append(part.cloneNode(true));
      }
      tableTemplate.append(document.createElement('tbody'));
      render();
    }

    function loadBody() {
      const body = new URLSearchParams({
        windowId,
        iNamHoc: String(config.schoolYear),
        iKhoi: selection.khoi,
        iLopId: selection.lop,
        iMonHocId: selection.mon,
        iHocKy: String(selection.hk),
        muc: selection.muc,
        lockstyle: config.lockStyle,
      });
      return body;
    }

    async function load() {
      clearTimeout(pollTimer);
      const ticket = ++loading;
      const unmask = mask(root, 'Đang tải dữ liệu...');
      let response;
      let text;
      try {
        response = await fetch(config.urls.load, {
          method: 'POST',
          headers: { ...XHR, ...FORM },
          body: loadBody(),
        });
        text = await response.text();
      } catch {
        unmask();
        return messageBox({ title: 'Lỗi', text: 'Không tải được sổ điểm. Vui lòng thử lại.', kind: 'error' });
      }
      unmask();
      if (ticket !== loading) return;
      if (response.status === 401) return toLogin(JSON.parse(text));
      if (!response.ok) {
        panel.textContent = '';
        tbody = null;
        tableTemplate = null;
        let message = text;
        try {
          message = JSON.parse(text).message;
        } catch {
          // plain text answer
        }
        return messageBox({ title: 'Lỗi', text: message, kind: 'error' });
      }
      generation = response.headers.get('X-Vnedu-Generation') ?? '';
      page = 0;
      hydrate(text);
      schedulePoll();
    }

    async function save() {
      if (!tbody) return;
      const unmask = mask(root, 'Đang lưu dữ liệu...');
      saveButton.disabled = true;
      const changed = [...cells].filter(([, cell]) => cell.value !== cell.value0);
      const body = new URLSearchParams(hiddenFields());
      body.set('windowId', windowId);
      for (const [name, cell] of changed) body.append(name, cell.value);
      let response;
      let answer;
      try {
        const url =
          config.delayMs === null ? config.urls.save : `${config.urls.save}&delay=${config.delayMs}`;
        response = await fetch(url, {
          method: 'POST',
          headers: { ...XHR, ...FORM, 'X-CSRF-Token': config.csrf },
          body,
        });
        answer = await response.json();
      } catch {
        answer = { message: 'Không kết nối được máy chủ. Dữ liệu chưa được lưu.' };
      } finally {
        unmask();
        saveButton.disabled = false;
      }
      if (response?.status === 401) return toLogin(answer);
      if (response?.ok && answer.success) {
        for (const [name, cell] of changed) {
          const saved = answer.cells[name];
          cell.value0 = saved ? saved.value0 : cell.value;
          cell.value = cell.value0;
          if (saved) cell.title = saved.title;
        }
        for (const cell of cells.values()) cell.error = undefined;
        for (const [code, values] of Object.entries(answer.computed ?? {})) computed.set(code, values);
        render();
        return messageBox({ title: 'Thông báo', text: answer.message, kind: 'info' });
      }
      const errors = answer.errors ?? [];
      for (const error of errors) {
        const cell = cells.get(error.name);
        if (cell) cell.error = error.message;
      }
      render();
      return messageBox({
        title: 'Lỗi',
        text: answer.message,
        kind: 'error',
        details: errors.map((e) => e.message),
      });
    }

    /** Writes stored values back over the model and the fields, as the real page's refresh does. */
    function refill(stored) {
      for (const [name, { value, title }] of Object.entries(stored)) {
        const cell = cells.get(name);
        if (!cell) continue;
        cell.value = value;
        cell.value0 = value;
        cell.title = title;
        cell.error = undefined;
        for (const target of tbody.querySelectorAll(`[name="${name}"], span[data-name="${name}"]`)) {
          if (target.tagName === 'SPAN') target.textContent = value;
          else {
            target.value = value;
            target.setAttribute('value0', value);
            target.setAttribute('title', title);
          }
          markCell(target.closest('td'), name);
        }
      }
    }

    function schedulePoll() {
      clearTimeout(pollTimer);
      if (config.pollMs > 0) pollTimer = setTimeout(poll, config.pollMs);
    }

    async function poll() {
      if (!root.isConnected || !tbody) return;
      const polled = tbody;
      try {
        const body = new URLSearchParams(hiddenFields());
        body.set('gen', generation);
        const response = await fetch(config.urls.poll, {
          method: 'POST',
          headers: { ...XHR, ...FORM },
          body,
        });
        // A dead session stops the poll silently: the teacher keeps typing and learns at "Lưu".
        if (response.status === 401) return;
        const answer = await response.json();
        if (response.ok && polled === tbody) {
          generation = answer.generation;
          if (answer.cells) refill(answer.cells);
        }
      } catch {
        // The next poll tries again.
      }
      schedulePoll();
    }

    const options = config.options;
    const combos = {};
    const periodOf = (hk) => `${String(selection.muc).startsWith('gk') ? 'gk' : 'ck'}${hk}`;
    const select = (name) => (value) => {
      selection[name] = value;
      if (name === 'khoi') {
        selection.lop = combos.lop.setOptions(options.lop[value] ?? [], '');
        selection.mon = combos.mon.setOptions(options.mon[value] ?? [], selection.mon);
      }
      if (name === 'hk') {
        selection.hk = Number(value);
        if (combos.muc) selection.muc = combos.muc.setOptions(options.muc[value] ?? [], periodOf(value));
        else selection.muc = `hk${value}`;
      }
      load();
    };
    for (const item of root.querySelectorAll('table.x-combo')) {
      const name = item.dataset.combo;
      const list =
        name === 'lop' || name === 'mon'
          ? (options[name][selection.khoi] ?? [])
          : name === 'muc'
            ? (options.muc?.[String(selection.hk)] ?? [])
            : name === 'danhmuc'
              ? options.danhMuc
              : options[name];
      combos[name] = combo(item, list, name === 'danhmuc' ? () => undefined : select(name));
    }
    for (const item of root.querySelectorAll('table.x-form-cb-wrap')) checkbox(item);
    saveButton.addEventListener('click', save);
    load();
  }

  window.GradeGrid = { mount };
  for (const root of document.querySelectorAll('.so-diem')) {
    // Windows of the desktop are mounted by desktop.js; the grade page on its own mounts here.
    if (!root.closest('.x-window')) mount(root);
  }
})();

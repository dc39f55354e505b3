/* global document, location, history, sessionStorage, fetch, setTimeout, setInterval, queueMicrotask, URLSearchParams, window */
// The simulated SMAS score book app (current generation): sign-in through the SSO, every API
// call with a Bearer token and the SchoolYear header (one refresh and retry on 401), the grid
// built from the mark template, and a small keyed renderer with controlled inputs as a React
// app has them. Plain JavaScript, no framework.
(function () {
  'use strict';

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  const config = {
    sso: meta('smas-sso'),
    clientId: meta('smas-client-id'),
    schoolYear: meta('smas-school-year'),
    refreshMs: Number(meta('smas-refresh-ms')) || 0,
  };
  const redirectUri = `${location.origin}/`;
  const TOKENS_KEY = 'smas.tokens';
  const OAUTH_STATE_KEY = 'smas.oauth-state';
  const TOAST_MS = 8000;
  const SEMESTERS = [1, 2];

  // ---- Tokens and sign-in -----------------------------------------------------------------

  function readTokens() {
    try {
      return JSON.parse(sessionStorage.getItem(TOKENS_KEY) ?? 'null');
    } catch {
      return null;
    }
  }

  function storeTokens(pair) {
    sessionStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ access: pair.access_token, refresh: pair.refresh_token }),
    );
  }

  function signIn() {
    const stateValue = Math.random().toString(36).slice(2);
    sessionStorage.setItem(OAUTH_STATE_KEY, stateValue);
    const query = new URLSearchParams({
      client_id: config.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      state: stateValue,
    });
    sessionStorage.setItem('smas.after-login', location.search);
    location.assign(`${config.sso}/connect/authorize?${query}`);
  }

  async function tokenRequest(params) {
    const response = await fetch(`${config.sso}/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: config.clientId, ...params }),
    });
    return response.ok ? response.json() : null;
  }

  /** The code the SSO sent back, exchanged once for tokens; false when there was none. */
  async function takeCode() {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    if (!code) return false;
    const expected = sessionStorage.getItem(OAUTH_STATE_KEY);
    sessionStorage.removeItem(OAUTH_STATE_KEY);
    const after = sessionStorage.getItem('smas.after-login') ?? '';
    sessionStorage.removeItem('smas.after-login');
    history.replaceState(null, '', `/${after}`);
    if (expected !== params.get('state')) return false;
    const pair = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    if (pair) storeTokens(pair);
    return pair !== null;
  }

  let refreshing = null;
  /** One refresh at a time, whoever asks; true when new tokens are stored. */
  function refreshTokens() {
    if (!refreshing) {
      refreshing = (async () => {
        const tokens = readTokens();
        const pair =
          tokens && (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh }));
        if (pair) storeTokens(pair);
        return Boolean(pair);
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  class SignInNeeded extends Error {}

  /** { status, ok, data } of an API call; a 401 refreshes the tokens once and sends it again. */
  async function api(method, path, body) {
    for (let attempt = 0; ; attempt++) {
      const tokens = readTokens();
      const headers = { Authorization: `Bearer ${tokens?.access ?? ''}`, SchoolYear: config.schoolYear };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(path, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (response.status === 401 && attempt === 0) {
        // Another call may have refreshed meanwhile: then only send this one again.
        if (readTokens()?.access !== tokens?.access || (await refreshTokens())) continue;
      }
      if (response.status === 401) {
        signIn();
        throw new SignInNeeded();
      }
      if (response.status === 204) return { status: 204, ok: true, data: [] };
      const data = await response.json().catch(() => ({}));
      return { status: response.status, ok: response.ok, data };
    }
  }

  // ---- State ------------------------------------------------------------------------------

  const state = {
    me: null,
    classes: [],
    subjects: [],
    semesters: [],
    template: null,
    students: [],
    /** studentId → { marks, history } as last loaded. */
    loaded: new Map(),
    classId: null,
    subjectId: null,
    semester: 1,
    /** "<classId>|<subjectId>|<semester>|<studentId>|<pointKey>" → typed value, kept across reloads until saved. */
    edits: new Map(),
    /** Bumped by every load: the renderer rebuilds the rows when it changes. */
    generation: 0,
    saving: false,
    toasts: [],
    message: '',
  };

  const bookKey = () => `${state.classId}|${state.subjectId}|${state.semester}`;
  const editKey = (studentId, pointKey) => `${bookKey()}|${studentId}|${pointKey}`;
  const currentClass = () => state.classes.find((c) => c.classId === state.classId);
  const currentSubject = () => state.subjects.find((s) => s.subjectId === state.subjectId);
  const currentLock = () => state.semesters.find((s) => s.semester === state.semester);

  /** The book's columns: the subject's txCount TX points, then the others, with their group. */
  function bookColumns() {
    const subject = currentSubject();
    if (!state.template || !subject) return [];
    return state.template.groups.flatMap((group) => {
      const points = group.points.filter(
        (point) => point.batch !== 'TX' || Number(point.pointKey.replace(/\D/g, '')) <= subject.txCount,
      );
      return points.map((point) => ({ group, point, groupSize: points.length }));
    });
  }

  const savedValue = (studentId, pointKey) => state.loaded.get(studentId)?.marks[pointKey] ?? '';
  const shownValue = (studentId, pointKey) => {
    const key = editKey(studentId, pointKey);
    return state.edits.has(key) ? state.edits.get(key) : savedValue(studentId, pointKey);
  };

  function setEdit(studentId, pointKey, value) {
    const key = editKey(studentId, pointKey);
    if (value === savedValue(studentId, pointKey)) state.edits.delete(key);
    else state.edits.set(key, value);
    scheduleRender();
  }

  /** Only the changed cells, per student, of the open book. */
  function changedCells() {
    const prefix = `${bookKey()}|`;
    const byStudent = new Map();
    for (const [key, value] of state.edits) {
      if (!key.startsWith(prefix)) continue;
      const [studentId, pointKey] = key.slice(prefix.length).split('|');
      const id = Number(studentId);
      if (value === savedValue(id, pointKey)) continue;
      if (!byStudent.has(id)) byStudent.set(id, {});
      byStudent.get(id)[pointKey] = value;
    }
    return [...byStudent].map(([studentId, marks]) => ({ studentId, marks }));
  }

  function toast(kind, text) {
    const item = { kind, text, id: Math.random() };
    state.toasts.push(item);
    setTimeout(() => {
      state.toasts = state.toasts.filter((t) => t !== item);
      scheduleRender();
    }, TOAST_MS);
    scheduleRender();
  }

  // ---- Loading ----------------------------------------------------------------------------

  function selectionFromUrl() {
    const params = new URLSearchParams(location.search);
    const number = (name) => (params.has(name) ? Number(params.get(name)) : null);
    return { classId: number('classId'), subjectId: number('subjectId'), semester: number('semester') };
  }

  function selectionToUrl() {
    const query = new URLSearchParams({
      classId: String(state.classId),
      subjectId: String(state.subjectId),
      semester: String(state.semester),
    });
    history.replaceState(null, '', `/?${query}`);
  }

  async function start() {
    if (!(await takeCode()) && !readTokens()) return signIn();
    const [me, classes, semesters] = await Promise.all([
      api('GET', '/api/me'),
      api('GET', '/api/classes'),
      api('GET', '/api/semesters'),
    ]);
    state.me = me.data;
    state.classes = classes.data;
    state.semesters = semesters.data;
    const wanted = selectionFromUrl();
    state.classId = state.classes.some((c) => c.classId === wanted.classId)
      ? wanted.classId
      : (state.classes[0]?.classId ?? null);
    state.semester = SEMESTERS.includes(wanted.semester) ? wanted.semester : 1;
    if (state.classId === null) {
      state.message = 'Chưa có lớp nào.';
      state.generation++;
      return scheduleRender();
    }
    await loadClass(wanted.subjectId);
    if (config.refreshMs > 0) setInterval(() => run(loadMarks), config.refreshMs);
  }

  async function loadClass(wantedSubjectId) {
    const schoolClass = currentClass();
    const [subjects, template] = await Promise.all([
      api('GET', `/api/classes/${schoolClass.classId}/subjects`),
      api('GET', `/api/mark-templates?grade=${schoolClass.grade}`),
    ]);
    state.subjects = subjects.data;
    state.template = template.ok ? template.data : null;
    state.subjectId = state.subjects.some((s) => s.subjectId === wantedSubjectId)
      ? wantedSubjectId
      : (state.subjects[0]?.subjectId ?? null);
    await loadMarks();
  }

  /** Students, lock state and marks of the open book; the rows are rebuilt. */
  async function loadMarks() {
    if (state.subjectId === null) return;
    selectionToUrl();
    const query = new URLSearchParams({
      classId: String(state.classId),
      subjectId: String(state.subjectId),
      semester: String(state.semester),
    });
    const [students, semesters, marks] = await Promise.all([
      api('GET', `/api/classes/${state.classId}/students`),
      api('GET', '/api/semesters'),
      api('GET', `/api/marks?${query}`),
    ]);
    state.students = students.ok ? students.data : [];
    if (semesters.ok) state.semesters = semesters.data;
    const rows = marks.ok ? marks.data : [];
    state.loaded = new Map(rows.map((row) => [row.studentId, { marks: row.marks, history: row.history }]));
    state.message = marks.ok ? '' : (marks.data.message ?? 'Không tải được sổ điểm.');
    state.generation++;
    scheduleRender();
  }

  async function save() {
    const students = changedCells();
    if (students.length === 0) return toast('info', 'Không có thay đổi để lưu.');
    state.saving = true;
    scheduleRender();
    try {
      const result = await api('POST', '/api/marks', {
        classId: state.classId,
        subjectId: state.subjectId,
        semester: state.semester,
        students,
      });
      if (!result.ok) return toast('error', result.data.message ?? 'Lưu không thành công.');
      for (const { studentId, marks } of students)
        for (const pointKey of Object.keys(marks)) state.edits.delete(editKey(studentId, pointKey));
      toast('success', result.data.message ?? 'Lưu thành công.');
      await loadMarks();
    } finally {
      state.saving = false;
      scheduleRender();
    }
  }

  /** Runs a step; a failed call shows its reason, a sign-in on its way stops quietly. */
  function run(step, ...args) {
    step(...args).catch((error) => {
      if (error instanceof SignInNeeded) return;
      toast('error', `Lỗi kết nối: ${error.message}`);
    });
  }

  // ---- Controlled inputs --------------------------------------------------------------------
  // As React does (../../../common/client/controlled-input.js): a value written through the
  // input's own `value` property is remembered and an `input` event that finds it is no change;
  // only a value written past it (the prototype's setter, or real typing) reaches the app's
  // state. Every render writes the state's value back, so a stray `.value = …` is undone at the
  // next render.

  const { control, read, tracked } = window.ControlledInput;

  // ---- Rendering ----------------------------------------------------------------------------

  function h(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === false || value === null) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  const pad = (n) => String(n).padStart(2, '0');
  /** "hanhnt.lp - 14:05:09 20/11/2025", Vietnam time. */
  function historyTitle(entries) {
    const last = entries?.[entries.length - 1];
    if (!last) return '';
    const d = new Date(Date.parse(last.at) + 7 * 3600_000);
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    return `${last.by} - ${time} ${date}`;
  }

  const root = document.getElementById('root');
  const view = {
    shell: null,
    generation: 0,
    selects: {},
    saveButton: null,
    banner: null,
    book: null,
    toasts: null,
  };
  let renderQueued = false;

  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      render();
    });
  }

  function buildShell() {
    const select = (label, name, onChange) => {
      const node = h('select', { name, onchange: onChange });
      return [h('label', {}, [label, node]), node];
    };
    const [classLabel, classSelect] = select('Lớp', 'classId', (e) => {
      state.classId = Number(e.target.value);
      run(loadClass, state.subjectId);
    });
    const [subjectLabel, subjectSelect] = select('Môn học', 'subjectId', (e) => {
      state.subjectId = Number(e.target.value);
      run(loadMarks);
    });
    const [semesterLabel, semesterSelect] = select('Học kỳ', 'semester', (e) => {
      state.semester = Number(e.target.value);
      run(loadMarks);
    });
    view.selects = { classSelect, subjectSelect, semesterSelect };
    view.saveButton = h('button', {
      type: 'button',
      class: 'btn-save',
      text: 'Lưu',
      onclick: () => run(save),
    });
    view.heading = h('h1', { text: `Sổ điểm - Năm học ${config.schoolYear}` });
    view.user = h('span', { class: 'user' });
    view.banner = h('div', { class: 'lock-banner', hidden: true });
    view.book = h('div', { class: 'mark-book' });
    view.toasts = h('div', { class: 'toasts' });
    view.shell = h('div', { class: 'app' }, [
      h('header', { class: 'app-header' }, [view.heading, view.user]),
      h('div', { class: 'toolbar' }, [classLabel, subjectLabel, semesterLabel, view.saveButton]),
      view.banner,
      view.book,
      view.toasts,
    ]);
    root.replaceChildren(view.shell);
  }

  /** The options each select was last drawn with, so a render redraws them only when they change. */
  const drawnOptions = new WeakMap();

  function syncOptions(select, items, value) {
    const wanted = JSON.stringify(items);
    if (drawnOptions.get(select) !== wanted) {
      select.replaceChildren(...items.map((item) => h('option', { value: item.value, text: item.label })));
      drawnOptions.set(select, wanted);
    }
    if (value !== null) select.value = String(value);
  }

  function buildTable(columns) {
    const headTop = [
      h('th', { rowspan: 2, text: 'STT' }),
      h('th', { rowspan: 2, text: 'Mã học sinh' }),
      h('th', { rowspan: 2, text: 'Họ và tên' }),
      h('th', { rowspan: 2, text: 'Ngày sinh' }),
    ];
    const headBottom = [];
    for (const [index, { group, point, groupSize }] of columns.entries()) {
      const first = index === 0 || columns[index - 1].group !== group;
      const single = groupSize === 1 && point.pointName === group.groupName;
      if (first)
        headTop.push(
          h('th', {
            colspan: single ? undefined : groupSize,
            rowspan: single ? 2 : undefined,
            text: group.groupName,
          }),
        );
      if (!single) headBottom.push(h('th', { text: point.pointName }));
    }
    const body = h('tbody');
    state.students.forEach((student, index) => body.append(buildRow(student, index, columns)));
    return h('table', { class: 'mark-table' }, [
      h('thead', {}, [h('tr', {}, headTop), h('tr', {}, headBottom)]),
      body,
    ]);
  }

  function buildRow(student, index, columns) {
    const cells = [
      h('td', { class: 'stt', text: String(index + 1) }),
      h('td', { class: 'student-code', text: student.studentCode }),
      h('td', { class: 'student-name', text: student.studentName }),
      h('td', { class: 'birth-date', text: student.birthDate }),
    ];
    for (const { point } of columns) {
      if (point.type === 'average') {
        cells.push(h('td', { class: 'mark-average' }));
        continue;
      }
      const input = h('input', {
        type: 'text',
        class: point.type === 'comment' ? 'mark-input comment' : 'mark-input',
        'data-key': point.pointKey,
        maxlength: point.maxLength ?? 4,
        autocomplete: 'off',
      });
      control(input, (value) => {
        const row = input.closest('tr[data-student-id]');
        setEdit(Number(row.dataset.studentId), input.dataset.key, value);
      });
      cells.push(h('td', { class: 'mark-cell' }, [input]));
    }
    return h('tr', { 'data-student-id': student.studentId }, cells);
  }

  /** Writes the state into the row's cells, in place: values, dirty marks, titles, averages, lock. */
  function patchRow(row, columns, locked) {
    const studentId = Number(row.dataset.studentId);
    const loaded = state.loaded.get(studentId);
    const cells = row.children;
    columns.forEach(({ point }, i) => {
      const cell = cells[i + 4];
      const title = historyTitle(loaded?.history[point.pointKey]);
      if (cell.title !== title) cell.title = title;
      if (point.type === 'average') {
        const text = loaded?.marks[point.pointKey] ?? '';
        if (cell.textContent !== text) cell.textContent = text;
        return;
      }
      const input = cell.firstElementChild;
      const value = shownValue(studentId, point.pointKey);
      if (read(input) !== value || tracked(input) !== value) input.value = value;
      input.disabled = locked;
      cell.classList.toggle('dirty', value !== savedValue(studentId, point.pointKey));
    });
  }

  function render() {
    if (!view.shell) buildShell();
    const { classSelect, subjectSelect, semesterSelect } = view.selects;
    view.user.textContent = state.me ? `${state.me.fullName} (${state.me.username})` : '';
    syncOptions(
      classSelect,
      state.classes.map((c) => ({ value: c.classId, label: c.className })),
      state.classId,
    );
    syncOptions(
      subjectSelect,
      state.subjects.map((s) => ({ value: s.subjectId, label: s.subjectName })),
      state.subjectId,
    );
    syncOptions(
      semesterSelect,
      SEMESTERS.map((s) => ({ value: s, label: s === 1 ? 'Học kỳ I' : 'Học kỳ II' })),
      state.semester,
    );
    const lock = currentLock();
    const locked = Boolean(lock?.locked);
    view.banner.hidden = !locked;
    view.banner.textContent = locked ? (lock.lockMessage ?? 'Học kỳ đã khóa sổ.') : '';
    view.saveButton.disabled = locked || state.saving;

    const columns = bookColumns();
    if (view.generation !== state.generation) {
      view.generation = state.generation;
      if (state.message) view.book.replaceChildren(h('div', { class: 'empty', text: state.message }));
      else if (state.students.length === 0)
        view.book.replaceChildren(h('div', { class: 'empty', text: 'Lớp chưa có học sinh.' }));
      else view.book.replaceChildren(buildTable(columns));
    }
    for (const row of view.book.querySelectorAll('tbody > tr[data-student-id]'))
      patchRow(row, columns, locked);

    const shown = view.toasts.children;
    if (
      shown.length !== state.toasts.length ||
      [...shown].some((node, i) => node.dataset.id !== String(state.toasts[i].id))
    ) {
      view.toasts.replaceChildren(
        ...state.toasts.map((t) =>
          h('div', { class: `toast-${t.kind}`, role: 'status', 'data-id': t.id, text: t.text }),
        ),
      );
    }
  }

  scheduleRender();
  run(start);
})();

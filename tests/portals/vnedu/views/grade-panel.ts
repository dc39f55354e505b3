import type { Account } from '../accounts';
import type { GridFlags } from '../grid-flags';
import type { Session } from '../sessions';
import type { Settings } from '../state';
import { findSubject, type Term, termName } from '../subjects';
import { escapeHtml } from './html';

// The "Nhập điểm" panel: ExtJS-like combos (Khối, Lớp, Môn, Học kỳ), the "Lưu" button, and an
// empty grid area that the page script fills from JSON (client/grade-grid.js).

interface Option {
  value: string;
  text: string;
}

interface Selection {
  khoi: string;
  lop: string;
  mon: string;
  hk: Term;
}

function combo(name: string, label: string, selected: Option | undefined): string {
  const id = `cbo-${name}`;
  return `<div class="x-form-item x-combo" data-combo="${name}">
  <label class="x-form-item-label" for="${id}">${escapeHtml(label)}:</label>
  <div class="x-form-field-wrap"><input type="text" id="${id}" class="x-form-text x-form-field" readonly autocomplete="off" value="${escapeHtml(selected?.text ?? '')}"><input type="hidden" name="${name}" value="${escapeHtml(selected?.value ?? '')}"><span class="x-form-trigger x-form-arrow-trigger" aria-hidden="true">▼</span></div>
</div>`;
}

/** What the account may open, and what the flags select (falling back to the first choices). */
function choices(account: Account, flags: GridFlags) {
  const classes = account.school.classes;
  const schoolClass = classes.find((c) => c.name === flags.lop) ?? classes[0];
  if (!schoolClass) throw new Error(`${account.school.name} has no classes`);
  const subjectOptions = account.subjects.map((code) => ({
    value: code,
    text: findSubject(code)?.name ?? code,
  }));
  const grades = [...new Set(classes.map((c) => c.grade))];
  const options = {
    khoi: grades.map((grade) => ({ value: String(grade), text: `Khối ${grade}` })),
    lop: Object.fromEntries(
      grades.map((grade) => [
        String(grade),
        classes.filter((c) => c.grade === grade).map((c) => ({ value: c.name, text: c.name })),
      ]),
    ),
    mon: subjectOptions,
    hk: ([1, 2] as const).map((term) => ({ value: String(term), text: termName(term) })),
  };
  const selected: Selection = {
    khoi: String(schoolClass.grade),
    lop: schoolClass.name,
    mon: subjectOptions.find((s) => s.value === flags.mon)?.value ?? subjectOptions[0]?.value ?? '',
    hk: flags.hk === '2' ? 2 : 1,
  };
  return { options, selected };
}

export function gradePanel(account: Account, session: Session, flags: GridFlags, settings: Settings): string {
  const { options, selected } = choices(account, flags);
  const config = {
    urls: {
      data: '/v5/so-diem/bang-diem',
      save: '/v5/so-diem/luu',
      poll: '/v5/so-diem/cap-nhat',
    },
    csrf: session.csrf,
    edit: flags.edit,
    paging: flags.paging,
    pageSize: 20,
    pollMs: flags.poll ?? settings.pollMs,
    delayMs: flags.delay ?? null,
    options,
    selected,
  };
  const find = (list: readonly Option[], value: string) => list.find((option) => option.value === value);
  return `<div class="nhapdiem-panel" data-config="${escapeHtml(JSON.stringify(config))}">
<div class="x-toolbar x-filter-bar">
${combo('khoi', 'Khối', find(options.khoi, selected.khoi))}
${combo('lop', 'Lớp', find(options.lop[selected.khoi] ?? [], selected.lop))}
${combo('mon', 'Môn', find(options.mon, selected.mon))}
${combo('hk', 'Học kỳ', find(options.hk, String(selected.hk)))}
<button type="button" id="btnLuu" class="x-btn-text">Lưu</button>
</div>
<div class="nhapdiem-title"></div>
<div class="lock-notice"></div>
<div class="grid-wrap"></div>
<div class="x-toolbar x-paging" hidden></div>
</div>`;
}

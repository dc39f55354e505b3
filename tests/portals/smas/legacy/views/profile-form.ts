import { CONTROLLED_INPUT_SCRIPT } from '../../../common/client-files';
import {
  CODED_VALUES,
  FIELD_LABELS,
  RECORD_FIELDS,
  type RecordField,
  REQUIRED_FIELDS,
} from '../../common/record-fields';
import type { SmasStudent } from '../../common/roster';
import { attrs, escapeHtml, scriptJson } from '../../../vnedu/views/html';
import { SESSION_REQUEST_SCRIPT } from '../client-scripts';
import { FORM_FIELDS } from '../form-fields';
import { legacyPage } from './layout';

// The student's profile (hồ sơ) form, the document of iframe#ifrHoSo: text inputs, a Kendo-style
// date input and Telerik-style combos, all driven by hoso.js from the model in #hosoModel.

export interface ProfileFormView {
  student: SmasStudent;
  token: string;
  /** The lock text when the period is locked: every input disabled. */
  locked?: string;
  banner: string;
}

function label(field: RecordField): string {
  const required = REQUIRED_FIELDS.includes(field) ? ' *' : '';
  const target = FORM_FIELDS[field].combo ? `${FORM_FIELDS[field].id}_Input` : FORM_FIELDS[field].id;
  return `<label for="${target}">${escapeHtml(FIELD_LABELS[field] + required)}</label>`;
}

function input(field: RecordField, value: string, disabled: boolean): string {
  const spec = FORM_FIELDS[field];
  const items = CODED_VALUES[field];
  const error = `<span class="field-validation-valid" data-valmsg-for="${spec.name}"></span>`;
  if (items) {
    const list = items.map((item) => `<li class="rcbItem">${escapeHtml(item)}</li>`).join('');
    return `<div class="RadComboBox RadComboBox_Default" id="${spec.id}" data-field="${field}">
<input${attrs({ type: 'text', class: 'rcbInput', id: `${spec.id}_Input`, value, maxlength: spec.maxLength, autocomplete: 'off', disabled })}><a class="rcbArrow" href="javascript:void(0)" tabindex="-1">▼</a>
<input${attrs({ type: 'hidden', name: spec.name, value })}>
<div class="rcbSlide" style="display:none"><ul class="rcbList">${list}</ul></div>
</div>${error}`;
  }
  const common = {
    type: 'text',
    id: spec.id,
    name: spec.name,
    value,
    maxlength: spec.maxLength,
    disabled,
    'data-field': field,
  };
  if (field === 'birthDate') {
    return `<span class="k-widget k-datepicker"><span class="k-picker-wrap"><input${attrs({ ...common, class: 'k-input', placeholder: 'dd/mm/yyyy' })}><span class="k-select"><span class="k-icon k-i-calendar"></span></span></span></span>${error}`;
  }
  return `<input${attrs({ ...common, class: 'text-box single-line' })}>${error}`;
}

export function profileForm({ student, token, locked, banner }: ProfileFormView): string {
  const disabled = locked !== undefined;
  const rows = RECORD_FIELDS.map(
    (field) => `<div class="form-row">${label(field)}${input(field, student[field], disabled)}</div>`,
  ).join('\n');
  const model = Object.fromEntries(RECORD_FIELDS.map((field) => [field, student[field]]));
  const names = Object.fromEntries(RECORD_FIELDS.map((field) => [field, FORM_FIELDS[field].name]));
  return legacyPage({
    title: `Hồ sơ học sinh ${student.fullName}`,
    scripts: [CONTROLLED_INPUT_SCRIPT, SESSION_REQUEST_SCRIPT, 'hoso.js'],
    body: `<div id="content">${banner}
<form id="frmHoSo" method="post" action="/HoSoHocSinh/Luu"${disabled ? ' data-locked="1"' : ''}>
<div id="divThongBao"></div>
<input name="__RequestVerificationToken" type="hidden" value="${escapeHtml(token)}">
<input id="StudentID" name="StudentID" type="hidden" value="${student.studentId}">
<div class="form-row"><label for="MaHocSinh">Mã học sinh</label><input type="text" id="MaHocSinh" value="${escapeHtml(student.studentCode)}" readonly maxlength="15"></div>
${rows}
<div class="form-actions"><input id="btnLuu" type="button" value="Lưu"${disabled ? ' disabled' : ''}><span class="raDiv" id="divDangLuu" style="display:none">Đang xử lý...</span></div>
</form>
</div>
<script type="application/json" id="hosoModel">${scriptJson(model)}</script>
<script type="application/json" id="hosoNames">${scriptJson(names)}</script>`,
  });
}

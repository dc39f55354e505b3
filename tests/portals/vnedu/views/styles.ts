// ExtJS 3 "blue" look of vnEdu: pale blue panels and toolbars, dark-blue bold window titles.

export const styles = `
* { box-sizing: border-box; }
body { margin: 0; font: 12px tahoma, arial, verdana, sans-serif; color: #000; }
table { font: inherit; }
button { font: inherit; }
.x-desktop-body { background: linear-gradient(#5b8fd6, #2c5ea8); height: 100vh; overflow: hidden; }
#ux-header { display: flex; gap: 16px; align-items: center; padding: 6px 12px; color: #fff;
  background: linear-gradient(#1d4f91, #153e75); border-bottom: 1px solid #0f2d57; }
#ux-header .logo { font: bold 18px arial, sans-serif; letter-spacing: .5px; }
#ux-header .logo b { color: #ffcc00; }
#ux-header .spacer { flex: 1; }
#ux-header a { color: #fff; }
#x-shortcuts { margin: 16px; display: flex; flex-direction: column; gap: 18px; width: 96px; }
.x-shortcut { margin: 0; text-align: center; cursor: pointer; color: #fff; text-shadow: 1px 1px 1px #000; }
.x-shortcut .icon { display: block; width: 48px; height: 48px; margin: 0 auto 4px; border-radius: 6px;
  background: linear-gradient(#fdfdfd, #c9daf3); border: 1px solid #1d4f91; color: #15428b;
  font: bold 22px/46px arial, sans-serif; text-shadow: none; }
#ux-taskbar { position: fixed; left: 0; right: 0; bottom: 0; height: 30px; display: flex; gap: 6px;
  align-items: center; padding: 0 6px; background: linear-gradient(#d9e7f8, #a9c4ea); border-top: 1px solid #6593cf; }
#ux-taskbuttons { flex: 1; display: flex; gap: 4px; }
.ux-taskbutton { padding: 3px 10px; border: 1px solid #6593cf; border-radius: 3px; background: #eaf1fb; }
.ux-taskbutton.active { background: #fff; font-weight: bold; }
.ux-taskbar-clock { color: #15428b; padding-right: 6px; }

.x-window { position: absolute; display: flex; flex-direction: column; background: #dfe8f6;
  border: 1px solid #99bbe8; border-radius: 5px 5px 0 0; box-shadow: 2px 3px 8px rgba(0,0,0,.35); }
.x-window-header { display: flex; align-items: center; padding: 5px 6px; cursor: move;
  background: linear-gradient(#eef3fa, #d7e3f4); border-radius: 5px 5px 0 0; }
.ux-desktop-active-win > .x-window-header { background: linear-gradient(#dae6f4, #b6cbe9); }
.x-header-body { display: flex; flex: 1; align-items: center; }
.x-header-text-container { flex: 1; }
.x-window-header-text { font: bold 11px tahoma, arial, sans-serif; color: #15428b; }
.x-tool-close { display: inline-block; width: 16px; height: 16px; border: 1px solid #99bbe8; border-radius: 2px; background: #fff;
  color: #15428b; font: bold 11px/14px arial; text-align: center; cursor: pointer; }
.x-window-body { flex: 1; overflow: auto; background: #fff; border-top: 1px solid #99bbe8; position: relative; }
.x-window-iframe { width: 100%; height: 100%; border: 0; display: block; }
.x-message-box { position: fixed; left: 50%; top: 35%; transform: translate(-50%, -50%); min-width: 300px; max-width: 520px; }
.x-message-box .x-window-body { display: flex; gap: 10px; padding: 12px; background: #dfe8f6; border: 0; }
.x-message-box-icon { width: 32px; height: 32px; flex: none; border-radius: 50%; color: #fff; font: bold 20px/32px arial; text-align: center; }
.x-message-box-info { background: #2f7bd6; } .x-message-box-info::before { content: "i"; }
.x-message-box-error { background: #d23a2a; } .x-message-box-error::before { content: "!"; }
.x-message-box-details { margin: 6px 0 0; padding-left: 18px; color: #7a1c12; }
.x-toolbar-footer { display: flex; justify-content: center; padding: 6px; background: #dfe8f6; }
.x-mask { position: fixed; inset: 0; background: rgba(204,204,204,.5); }
.x-masked { position: relative; }
.x-masked > .x-mask { position: absolute; z-index: 30000; }
.x-mask-msg { position: absolute; left: 50%; top: 120px; transform: translateX(-50%); z-index: 30001;
  padding: 2px; border: 1px solid #6593cf; background: #c3daf9; }
.x-mask-msg div { padding: 5px 10px; border: 1px solid #a3bad9; background: #eee; color: #222; }

.x-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 4px 6px;
  background: linear-gradient(#f0f5fb, #d0def0); border-bottom: 1px solid #99bbe8; }
table.x-field { border-collapse: collapse; }
table.x-field td { padding: 0 2px; }
.x-form-item-label { color: #15428b; font-weight: bold; white-space: nowrap; }
.x-form-text { height: 22px; padding: 1px 3px; border: 1px solid #b5b8c8; background: #fff; font: inherit; }
.x-combo .x-form-text { width: 120px; cursor: default; }
.x-form-trigger { width: 17px; height: 22px; border: 1px solid #b5b8c8; border-left: 0; cursor: pointer;
  background: linear-gradient(#fff, #dde6f3); }
.x-form-trigger::after { content: "▼"; display: block; color: #15428b; font-size: 9px; line-height: 20px; text-align: center; }
.x-form-checkbox { width: 13px; height: 13px; padding: 0; border: 1px solid #7a9cd3; background: #fff; cursor: pointer; vertical-align: middle; }
.x-form-cb-checked .x-form-checkbox { background: #2f7bd6; }
.x-form-cb-label { margin-left: 4px; color: #15428b; cursor: pointer; }
.x-boundlist { position: absolute; max-height: 220px; overflow: auto; background: #fff; border: 1px solid #98c0f4; }
.x-boundlist ul { margin: 0; padding: 0; list-style: none; }
.x-boundlist-item { padding: 2px 6px; white-space: nowrap; cursor: pointer; border: 1px solid #fff; }
.x-boundlist-item:hover { background: #eef3fa; }
.x-boundlist-selected { background: #dfe8f6; border: 1px dotted #a3bae9; }
.x-btn button, .x-btn-text { padding: 3px 12px; border: 1px solid #99bbe8; border-radius: 3px; cursor: pointer;
  background: linear-gradient(#fff, #d9e6f6); color: #15428b; font-weight: bold; }
.x-btn button:disabled, .x-btn-text:disabled { opacity: .5; cursor: default; }

.so-diem { min-height: 100%; }
.book-panel { padding: 0 8px 8px; }
table.tieude { margin: 6px 0; }
table.tieude td { padding: 2px 4px; color: #15428b; }
table.tieude td.tieude-so { font: bold 14px tahoma, arial; }
.lock-notice { color: #555; }
.lock-notice.is-locked { color: #b01b0b; font-weight: bold; }
.x-scroller { height: 420px; overflow: auto; border: 1px solid #99bbe8; }
table.tablefix { border-collapse: collapse; background: #fff; }
table.tablefix thead td { height: 22px; padding: 2px 6px; border: 1px solid #99bbe8; background: linear-gradient(#f4f8fd, #d0def0);
  color: #15428b; font-weight: bold; text-align: center; white-space: nowrap; }
table.tablefix tbody td { height: 26px; padding: 1px 4px; border: 1px solid #d0d0d0; white-space: nowrap; }
table.tablefix tbody tr.r-alt td { background: #f6f9fd; }
table.tablefix td.stt, table.tablefix td.ngaysinh { text-align: center; color: #333; }
table.tablefix td.allowedit, table.tablefix td.allowedit1 { position: relative; text-align: center; min-width: 44px; }
table.tablefix td.allowedit1 { background: #eeeeee !important; }
table.tablefix td.tbhk_tt, table.tablefix td.tbcn_tt { text-align: center; font-weight: bold; background: #fff8dc !important; }
.x-grid-dirty-cell { background: linear-gradient(135deg, #e00 5px, transparent 5px) !important; }
input.input_diem, input.input_diem_c1, input.input_diem_tbm { width: 40px; height: 20px; text-align: center; border: 1px solid #b5b8c8; font: inherit; }
input.input_nhan_xet { width: 160px; height: 20px; border: 1px solid #b5b8c8; font: inherit; }
textarea.input_diem_c1 { width: 240px; height: 38px; font: inherit; resize: vertical; }
input.input_diem_tbm { border: 0; background: transparent; font-weight: bold; }
span.input_diem, span.input_nhan_xet { display: inline-block; width: 40px; min-height: 18px; cursor: text; border-bottom: 1px dotted #99bbe8; }
span.input_nhan_xet { width: 160px; white-space: normal; }
.icon-sms { display: inline-block; width: 16px; height: 12px; border: 1px solid #6593cf; border-radius: 2px; background: #eaf1fb; cursor: pointer; }
.x-form-invalid-field { border-color: #c30 !important; background: #fee !important; }
.x-paging { justify-content: flex-start; border-top: 1px solid #99bbe8; border-bottom: 0; margin: 0 8px; }

.login-body { background: linear-gradient(#2c5ea8, #5b8fd6); min-height: 100vh; display: flex; align-items: center; justify-content: center; }
.login-box { width: 380px; background: #dfe8f6; border: 1px solid #99bbe8; border-radius: 5px; box-shadow: 2px 3px 12px rgba(0,0,0,.4); }
.login-box .x-window-header { cursor: default; }
.login-box form { display: flex; flex-direction: column; gap: 8px; padding: 14px 18px; background: #fff; }
.login-box .x-form-item { justify-content: space-between; }
.login-box .x-form-text { width: 210px; }
.login-box .captcha-row { display: flex; gap: 6px; align-items: center; width: 210px; }
.login-box .captcha-row .x-form-text { width: 74px; }
.login-error { margin: 0; padding: 6px 8px; border: 1px solid #e8a39a; background: #fdecea; color: #b01b0b; }
.login-info { margin: 0; padding: 6px 8px; border: 1px solid #e3c46b; background: #fff8dc; color: #6b4e00; }
.login-foot { padding: 6px 18px 10px; color: #15428b; font-size: 11px; }
.notice-list { margin: 0; padding: 10px 10px 10px 28px; line-height: 1.7; }
`;

// Enough of the SMAS look (blue header, Telerik grid and window skins) to read the pages by eye.

export const styles = `
body{margin:0;font:13px Arial,Helvetica,sans-serif;color:#222;background:#eef3f9}
#header{background:#1d5fa8;color:#fff;padding:8px 16px;display:flex;justify-content:space-between}
#header a{color:#fff}
#content{padding:12px 16px}
.lock-banner{background:#fff3cd;border:1px solid #e0b84c;color:#6b4e00;padding:8px 12px;margin:0 0 10px}
.window-banner{background:#e6f4ea;border:1px solid #7bbf8e;padding:6px 12px;margin:0 0 10px}
#formLogOn,.level-form{width:340px;margin:60px auto;background:#fff;padding:20px;border:1px solid #c5d3e6}
#formLogOn label{display:block;margin-top:8px}
#formLogOn input[type=text],#formLogOn input[type=password]{width:100%;box-sizing:border-box;padding:5px}
#idErrorMessage{color:#c00;min-height:16px;margin-top:8px}
.level-box{border:1px solid #c5d3e6;padding:10px;margin:6px 0;cursor:pointer}
.RadGrid{border:1px solid #9eb6ce;background:#fff;width:900px}
.rgMasterTable{border-collapse:collapse;width:100%;table-layout:fixed}
.rgMasterTable td,.rgMasterTable th{border:1px solid #dde5ee;padding:3px 5px;text-align:left;overflow:hidden}
th.rgHeader{background:#d6e4f3}
tr.rgFilterRow td{background:#eef3f9}
tr.rgFilterRow input{width:95%}
tr.rgAltRow{background:#f5f8fb}
.rgDataDiv{height:420px;overflow:auto}
.rgPager{padding:5px;background:#d6e4f3}
.rgPager a,.rgPager span{margin:0 3px}
.rgCurrentPage{font-weight:bold}
.RadWindow{position:fixed;top:40px;left:120px;width:760px;background:#fff;border:2px solid #1d5fa8;box-shadow:0 4px 16px #0005;z-index:100}
.rwTitlebar{background:#1d5fa8;color:#fff;padding:5px 8px;display:flex;justify-content:space-between}
.rwTitlebar a{color:#fff}
#ifrHoSo{width:100%;height:560px;border:0}
.form-row{display:flex;align-items:center;margin:5px 0}
.form-row label{width:170px}
.form-row input{width:260px;padding:3px}
.k-datepicker,.RadComboBox{display:inline-block;position:relative}
.rcbSlide{position:absolute;background:#fff;border:1px solid #9eb6ce;z-index:10;max-height:160px;overflow:auto;width:260px}
.rcbSlide ul{list-style:none;margin:0;padding:0}
.rcbItem{padding:3px 6px;cursor:pointer}
.rcbItem:hover{background:#d6e4f3}
.field-validation-error{color:#c00;margin-left:8px}
.message-of-success{color:#176b2c;background:#e6f4ea;padding:6px}
.message-of-error{color:#a00;background:#fdecea;padding:6px}
.rwAlert{top:120px;left:200px;width:360px}
.rwDialogText{padding:16px}
.rwPopupButton{display:inline-block;margin:0 0 12px 16px;padding:3px 18px;border:1px solid #1d5fa8;background:#e9f0f8;color:#222;text-decoration:none}
.raDiv{color:#1d5fa8;margin-left:10px}
`;

// The record features' panels in the overlay (added once per page, beside the overlay's own styles).
export const RECORD_CSS = `
.rc-panel .body{display:flex;flex-direction:column;gap:4px}
.rc-missing{display:flex;flex-wrap:wrap;gap:4px 8px}
.rc-list{display:flex;flex-direction:column;max-height:160px;overflow:auto}
.rc-panel[data-complete="true"]>header{background:#e6f4ea;color:#1e6b34}
`;

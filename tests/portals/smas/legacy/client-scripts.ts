// Names of the legacy portal's own page scripts that more than one page loads (client/, served
// under /Scripts/).

/** The session-aware AJAX call (client/session-request.js): load it before grid.js and hoso.js. */
export const SESSION_REQUEST_SCRIPT = 'session-request.js';

/* global window, fetch */
// The legacy portal's AJAX call, shared by the list's and the profile form's scripts (loaded
// before them): a same-origin request marked X-Requested-With, whose JSON answer it returns. A
// request answered by the login page (expired session) sends the whole window there instead and
// returns undefined.
//   SessionRequest.json(url, init)  Promise of the parsed answer, or undefined after the redirect
(() => {
  'use strict';

  function toLogin() {
    const top = window.top.location;
    top.href = `/Home/LogOn?ReturnUrl=${encodeURIComponent(top.pathname + top.search)}`;
  }

  function json(url, init = {}) {
    return fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    }).then((response) => {
      if (response.redirected && response.url.includes('/Home/LogOn')) {
        toLogin();
        return undefined;
      }
      return response.json();
    });
  }

  window.SessionRequest = Object.freeze({ json });
})();

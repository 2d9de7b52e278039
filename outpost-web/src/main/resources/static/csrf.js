// Adds the session's CSRF token (from the outpost_csrf cookie) to every state-changing fetch and
// to every form posted, so the server can refuse requests forged by other sites.
(function () {
  "use strict";
  function token() {
    var m = document.cookie.match(/(?:^|;\s*)outpost_csrf=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  var plainFetch = window.fetch;
  window.fetch = function (input, init) {
    init = init || {};
    var method = (init.method || (input && input.method) || "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD" && token()) {
      var headers = new Headers(init.headers || {});
      headers.set("X-CSRF-Token", token());
      init.headers = headers;
    }
    return plainFetch.call(this, input, init);
  };
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") {
      return;
    }
    if (token() && !form.querySelector("input[name=_csrf]")) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "_csrf";
      field.value = token();
      form.appendChild(field);
    }
  }, true);
})();

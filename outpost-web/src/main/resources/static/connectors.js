// The connectors page: refreshes each source's health from /api/v1/connectors every 15 seconds.
// Values (error messages included) are only ever set with textContent.
(function () {
  "use strict";
  var table = document.getElementById("connectors");
  if (!table || !window.fetch) return;

  function shown(v) {
    if (v === null || v === undefined) return "-";
    var s = String(v);
    return /^\d{4}-\d\d-\d\dT/.test(s) ? s.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC") : s;
  }

  function refresh() {
    fetch("/api/v1/connectors", { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        list.forEach(function (c) {
          var row = Array.prototype.find.call(table.tBodies[0].rows, function (tr) {
            return tr.dataset.name === c.name;
          });
          if (!row) return;
          var values = {
            state: c.state, lastSuccess: c.lastSuccess, lastPost: c.lastPost,
            lagSeconds: c.lagSeconds, errors: c.errors, lastError: c.lastError,
            rateLimitRemaining: c.rateLimit.remaining, rateLimitReset: c.rateLimit.reset
          };
          Object.keys(values).forEach(function (k) {
            var cell = row.querySelector('[data-field="' + k + '"]');
            if (cell) cell.textContent = shown(values[k]);
          });
          var badge = row.querySelector('[data-field="state"]');
          if (badge) badge.className = "badge state-" + c.state;
        });
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  setInterval(refresh, 15000);
})();

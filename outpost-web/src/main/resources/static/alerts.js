// Alert actions on the alerts page: acknowledge, snooze and resolve are JSON POSTs to the API
// (no inline scripts; csrf.js, loaded first by the layout, adds the session's CSRF token).
(function () {
  "use strict";
  var status = document.getElementById("alert-status");
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.dataset.action;
    var headers = { "Content-Type": "application/json" };
    button.disabled = true;
    fetch("/api/v1/alerts/" + encodeURIComponent(button.dataset.thread) + "/" + action, {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: action === "snooze" ? JSON.stringify({ minutes: 60 }) : "{}"
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (thread) {
      var row = button.closest("tr");
      var cell = row ? row.querySelector(".status") : null;
      if (cell) {
        cell.textContent = thread.status
          + (thread.acknowledgedBy ? " by " + thread.acknowledgedBy.name : "")
          + (thread.snoozedUntil ? " until " + thread.snoozedUntil : "");
      }
      if (status) status.textContent = "Alert " + action + "d: " + thread.summary;
      button.disabled = false;
    }).catch(function (error) {
      if (status) status.textContent = action + " failed: " + error.message;
      button.disabled = false;
    });
  });
})();

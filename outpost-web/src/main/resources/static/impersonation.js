// Impersonation review: the Confirm / Dismiss / Reported buttons send the decision to the JSON API
// (a JSON body, so browsers never send it across origins; the layout's csrf.js adds the session's
// CSRF token once sign-in is on) and reload the page. No HTML is built
// from data here.
(function () {
  "use strict";
  var status = document.getElementById("review-status");
  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-decision]");
    if (!button) return;
    var row = button.closest("tr[data-candidate]");
    if (!row) return;
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    button.disabled = true;
    fetch("/api/v1/impersonation/candidates/" + encodeURIComponent(row.dataset.candidate) + "/decision", {
      method: "POST",
      headers: headers,
      body: JSON.stringify({ decision: button.dataset.decision })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      window.location.reload();
    }).catch(function (err) {
      button.disabled = false;
      if (status) status.textContent = "Could not save the decision: " + err.message;
    });
  });
})();

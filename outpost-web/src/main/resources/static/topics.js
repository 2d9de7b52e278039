// Topics page: checks the query as it is typed, tries it on the latest posts, saves and deletes
// topics through the API. Everything shown from a post is set as text, never as HTML.
(function () {
  "use strict";
  const form = document.getElementById("topic-form");
  const query = document.getElementById("t-query");
  const status = document.getElementById("query-status");
  const saveStatus = document.getElementById("save-status");
  const preview = document.getElementById("preview");
  const count = document.getElementById("preview-count");
  let timer = null;
  let asked = 0;

  function headers(json) {
    const h = { Accept: "application/json" };
    if (json) h["Content-Type"] = "application/json";
    return h; // csrf.js adds the session's CSRF token to every change
  }

  function show(el, text, kind) {
    el.textContent = text;
    el.className = el.id === "query-status" ? "query-status " + (kind || "") : kind || "";
  }

  function renderPreview(body) {
    preview.replaceChildren();
    count.textContent = "(" + body.matched + " of the last " + body.scanned + " posts)";
    for (const p of body.posts) {
      const li = document.createElement("li");
      li.className = "mention";
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = p.network + " · " + p.author + " · " + p.createdAt;
      const text = document.createElement("p");
      text.className = "text";
      text.textContent = p.text;
      li.append(meta, text);
      preview.append(li);
    }
  }

  async function check() {
    const q = query.value;
    const mine = ++asked;
    if (q.trim() === "") {
      show(status, "Type a query: it is checked as you type and tried on the latest posts.");
      preview.replaceChildren();
      count.textContent = "";
      return;
    }
    const r = await fetch("/api/v1/queries/preview?limit=20&q=" + encodeURIComponent(q), {
      headers: headers(false),
    });
    if (mine !== asked) return; // a newer keystroke is on its way
    const body = await r.json();
    if (!body.ok) {
      show(status, body.error || "invalid query", "error");
      query.setAttribute("aria-invalid", "true");
      if (body.column) {
        const at = Math.max(0, body.column - 1);
        status.dataset.column = String(body.column);
        status.title = q.slice(0, at) + " ⟶ " + q.slice(at);
      }
      preview.replaceChildren();
      count.textContent = "";
      return;
    }
    query.removeAttribute("aria-invalid");
    delete status.dataset.column;
    show(status, "Valid: " + body.normalised, "ok");
    renderPreview(body);
  }

  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    const id = document.getElementById("t-id").value.trim();
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) {
      show(saveStatus, "Id: use lower-case letters, digits, - and _.", "error");
      return;
    }
    const body = {
      id: id,
      name: document.getElementById("t-name").value.trim() || id,
      kind: document.getElementById("t-kind").value,
      query: query.value,
    };
    const exists = document.querySelector('#topics-table tr[data-topic="' + CSS.escape(id) + '"]');
    const r = await fetch(exists ? "/api/v1/topics/" + encodeURIComponent(id) : "/api/v1/topics", {
      method: exists ? "PUT" : "POST",
      headers: headers(true),
      body: JSON.stringify(body),
    });
    if (r.ok) {
      show(saveStatus, "Saved: new posts are matched from now on.", "ok");
      window.location.reload();
    } else {
      const err = await r.json().catch(() => ({}));
      show(saveStatus, "Not saved: " + (err.error || r.status), "error");
    }
  });

  document.getElementById("topics-table").addEventListener("click", async function (e) {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.classList.contains("edit")) {
      document.getElementById("t-id").value = b.dataset.id;
      document.getElementById("t-name").value = b.dataset.name;
      document.getElementById("t-kind").value = b.dataset.kind;
      query.value = b.dataset.query;
      query.focus();
      check();
    } else if (b.classList.contains("delete")) {
      if (!window.confirm("Delete topic " + b.dataset.id + " and its stored mentions?")) return;
      const r = await fetch("/api/v1/topics/" + encodeURIComponent(b.dataset.id), {
        method: "DELETE",
        headers: headers(true),
      });
      if (r.ok) window.location.reload();
      else show(saveStatus, "Not deleted: " + r.status, "error");
    }
  });

  if (form.dataset.canEdit !== "true") {
    form.querySelectorAll("input, select").forEach((el) => (el.readOnly = true));
  }
})();

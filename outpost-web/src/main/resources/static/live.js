// Live updates for the stream page: new mentions arrive as server-sent events and are shown when
// they pass the page's filters. Post texts are untrusted: they are only ever set with textContent.
(function () {
  "use strict";
  var MAX_ROWS = 100;
  var list = document.getElementById("mentions");
  var status = document.getElementById("live-status");
  var total = document.getElementById("total-count");
  if (!list) return;
  var filters = list.dataset;

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }

  function row(m) {
    var li = document.createElement("li");
    li.className = "mention fresh";
    li.dataset.id = String(m.id);
    var meta = document.createElement("div");
    meta.className = "meta";
    if (filters.mayTag === "true") {
      var pick = document.createElement("input");
      pick.type = "checkbox";
      pick.className = "pick";
      pick.value = String(m.id);
      pick.setAttribute("aria-label", "Select the mention by @" + m.author);
      meta.appendChild(pick);
    }
    meta.appendChild(text("span", "topic-tag", m.topic));
    meta.appendChild(text("span", "author", "@" + m.author));
    meta.appendChild(text("span", "network", m.network));
    var time = text("time", null, m.postedAt.replace("T", " ").substring(0, 16) + " UTC");
    time.setAttribute("datetime", m.postedAt);
    meta.appendChild(time);
    if (m.sentiment) meta.appendChild(text("span", "badge sentiment-" + m.sentiment, m.sentiment));
    (m.intents || []).forEach(function (intent) {
      if (intent !== "other") meta.appendChild(text("span", "badge intent", intent));
    });
    if (m.influencer) meta.appendChild(text("span", "badge influencer", "influencer"));
    meta.appendChild(text("span", "tags", ""));
    if (m.url && /^https?:\/\//.test(m.url)) {
      var a = text("a", null, "open");
      a.href = m.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      meta.appendChild(a);
    }
    li.appendChild(meta);
    li.appendChild(text("p", "text", m.text));
    return li;
  }

  function passes(m) {
    if (filters.tag) return false; // a new mention has no tags yet
    if (filters.topic && m.topic !== filters.topic) return false;
    if (filters.network && m.network !== filters.network) return false;
    if (filters.sentiment && m.sentiment !== filters.sentiment) return false;
    if (filters.intent && (m.intents || []).indexOf(filters.intent) < 0) return false;
    if (filters.language && m.language !== filters.language) return false;
    return true;
  }

  function onMentions(event) {
    var mentions = JSON.parse(event.data);
    mentions.forEach(function (m) {
      var count = document.querySelector('[data-topic-count="' + CSS.escape(m.topic) + '"]');
      if (count) count.textContent = String(Number(count.textContent) + 1);
      total.textContent = String(Number(total.textContent) + 1);
      if (filters.q || !passes(m)) return;
      if (list.querySelector('[data-id="' + String(m.id) + '"]')) return;
      var empty = document.getElementById("empty");
      if (empty) empty.remove();
      list.insertBefore(row(m), list.firstChild);
    });
    while (list.children.length > MAX_ROWS) list.removeChild(list.lastChild);
  }

  // Bulk actions: tag, untag or export the selected mentions.
  var bulk = document.getElementById("bulk");
  var bulkStatus = document.getElementById("bulk-status");

  function picked() {
    return Array.prototype.slice
      .call(list.querySelectorAll("input.pick:checked"))
      .map(function (box) { return box.closest("li.mention"); });
  }

  function csvCell(v) {
    var s = String(v == null ? "" : v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // never a formula in a spreadsheet
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function exportCsv(rows) {
    var lines = ["id,topic,author,network,posted_at,text"];
    rows.forEach(function (li) {
      var meta = li.querySelector(".meta");
      lines.push([
        li.dataset.id,
        meta.querySelector(".topic-tag").textContent,
        meta.querySelector(".author").textContent,
        meta.querySelector(".network").textContent,
        meta.querySelector("time").getAttribute("datetime"),
        li.querySelector("p.text").textContent,
      ].map(csvCell).join(","));
    });
    var url = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = "mentions.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function showTags(byId) {
    Object.keys(byId).forEach(function (id) {
      var holder = list.querySelector('li.mention[data-id="' + CSS.escape(id) + '"] .tags');
      if (!holder) return;
      holder.replaceChildren();
      byId[id].forEach(function (tag) {
        var a = text("a", "badge tag", "#" + tag);
        a.href = "/?tag=" + encodeURIComponent(tag);
        holder.appendChild(a);
      });
    });
  }

  function act(op) {
    var rows = picked();
    if (rows.length === 0) {
      bulkStatus.textContent = "Select mentions first.";
      return;
    }
    if (op === "csv") {
      exportCsv(rows);
      bulkStatus.textContent = rows.length + " mentions exported.";
      return;
    }
    var tag = document.getElementById("bulk-tag").value.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(tag)) {
      bulkStatus.textContent = "Tag: 1-64 lower-case letters, digits, - or _.";
      return;
    }
    var ids = rows.map(function (li) { return Number(li.dataset.id); });
    // csrf.js adds the session's CSRF token to this change
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    fetch("/api/v1/mentions/tags", {
      method: "POST",
      headers: headers,
      body: JSON.stringify({ ids: ids, add: op === "add" ? [tag] : [], remove: op === "remove" ? [tag] : [] }),
    })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (res) {
        if (!res.ok) {
          bulkStatus.textContent = "Not changed: " + (res.body.error || "error");
          return;
        }
        ids.forEach(function (id) { if (!res.body.tags[String(id)]) res.body.tags[String(id)] = []; });
        showTags(res.body.tags);
        bulkStatus.textContent = (op === "add" ? "Tagged " : "Untagged ") + res.body.mentions + " mentions.";
      })
      .catch(function () { bulkStatus.textContent = "Not changed: the server did not answer."; });
  }

  if (bulk) {
    bulk.addEventListener("submit", function (e) { e.preventDefault(); act("add"); });
    bulk.addEventListener("click", function (e) {
      var b = e.target.closest("button[type=button]");
      if (b) act(b.dataset.op);
    });
    document.getElementById("pick-all").addEventListener("change", function (e) {
      list.querySelectorAll("input.pick").forEach(function (box) { box.checked = e.target.checked; });
    });
  }

  var source = new EventSource("/api/v1/mentions/stream");
  source.addEventListener("mentions", onMentions);
  source.onopen = function () { status.textContent = "live"; status.className = "live on"; };
  source.onerror = function () { status.textContent = "reconnecting…"; status.className = "live off"; };
})();

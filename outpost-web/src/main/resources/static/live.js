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

  var source = new EventSource("/api/v1/mentions/stream");
  source.addEventListener("mentions", onMentions);
  source.onopen = function () { status.textContent = "live"; status.className = "live on"; };
  source.onerror = function () { status.textContent = "reconnecting…"; status.className = "live off"; };
})();

// The care inbox: the queue (j/k move, Enter opens, r replies, e escalates) and a case page.
// Everything from the API is written with textContent: posts are hostile text.
(function () {
  'use strict';

  // csrf.js (loaded by every page) adds the session's CSRF token to each state-changing fetch
  function csrfHeaders() {
    return { 'Content-Type': 'application/json' };
  }

  async function post(path, body, method) {
    const r = await fetch(path, { method: method || 'POST', headers: csrfHeaders(), body: JSON.stringify(body || {}), credentials: 'same-origin' });
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) { throw new Error((data && (data.error || data.title)) || ('HTTP ' + r.status)); }
    return data;
  }

  async function get(path) {
    const r = await fetch(path, { credentials: 'same-origin' });
    if (!r.ok) { throw new Error('HTTP ' + r.status); }
    return r.json();
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function typingTarget(ev) {
    const t = ev.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  // ---- queue ----
  function queuePage(root) {
    const tbody = document.getElementById('cases');
    const status = document.getElementById('queue-status');
    const form = document.getElementById('queue-filters');
    let selected = 0;
    let rows = [];

    function select(i) {
      if (rows.length === 0) { return; }
      selected = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach((r, j) => { r.classList.toggle('selected', j === selected); r.setAttribute('aria-selected', j === selected ? 'true' : 'false'); });
      rows[selected].scrollIntoView({ block: 'nearest' });
    }

    async function load() {
      const p = new URLSearchParams();
      ['status', 'queue', 'assignee'].forEach(n => { const v = form.elements[n].value.trim(); if (v) { p.set(n, v); } });
      status.textContent = 'loading…';
      try {
        const cases = await get('/api/v1/cases?' + p.toString());
        tbody.replaceChildren();
        const now = Date.now();
        rows = cases.map(c => {
          const tr = document.createElement('tr');
          tr.dataset.caseId = c.id;
          const link = el('a', c.preview || ('case ' + c.id));
          link.href = '/inbox/cases/' + encodeURIComponent(c.id);
          const says = document.createElement('td');
          says.appendChild(link);
          const due = c.firstResponse && !c.firstResponse.stoppedAt ? c.firstResponse.due : null;
          if (due && Date.parse(due) < now) { tr.classList.add('breached'); }
          tr.append(el('td', c.priority, 'num'), el('td', (c.reasons || []).join(', ')), el('td', c.author),
            says, el('td', c.queue), el('td', c.status), el('td', c.assignee || '—'),
            el('td', due ? new Date(due).toLocaleString() : 'answered', 'due'));
          tbody.appendChild(tr);
          return tr;
        });
        status.textContent = cases.length + ' cases';
        select(0);
      } catch (e) {
        status.textContent = 'could not load the queue: ' + e.message;
      }
    }

    form.addEventListener('submit', ev => { ev.preventDefault(); load(); });
    document.addEventListener('keydown', async ev => {
      if (typingTarget(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      const row = rows[selected];
      if (ev.key === 'j') { select(selected + 1); ev.preventDefault(); }
      else if (ev.key === 'k') { select(selected - 1); ev.preventDefault(); }
      else if (ev.key === 'Enter' && row) { window.location.href = '/inbox/cases/' + row.dataset.caseId; }
      else if (ev.key === 'r' && row) { window.location.href = '/inbox/cases/' + row.dataset.caseId + '#reply'; }
      else if (ev.key === 'e' && row) {
        try { await post('/api/v1/cases/' + row.dataset.caseId + '/escalate', { reason: 'escalated from the queue' }); status.textContent = 'case ' + row.dataset.caseId + ' escalated'; load(); }
        catch (e) { status.textContent = e.message; }
      }
    });
    load();
  }

  // ---- case ----
  function casePage(root) {
    const id = root.dataset.caseId;
    const text = document.getElementById('reply-text');
    const result = document.getElementById('reply-result');
    const collision = document.getElementById('collision');
    const saved = document.getElementById('saved-reply');
    let lastDrafting = 0;

    async function load() {
      const c = await get('/api/v1/cases/' + encodeURIComponent(id));
      document.getElementById('case-title').textContent = 'Case ' + c.id + ' · ' + c.author + ' · ' + c.status;
      document.getElementById('case-summary').textContent =
        'Priority ' + c.priority + ' (' + (c.reasons || []).join(', ') + ') · queue ' + c.queue +
        ' · assignee ' + (c.assignee || 'nobody') + ' · tags ' + ((c.tags || []).join(', ') || 'none') +
        (c.becameFan ? ' · critic became a fan' : '');
      const fr = c.firstResponse;
      document.getElementById('case-sla').textContent = fr.stoppedAt
        ? 'First response sent ' + new Date(fr.stoppedAt).toLocaleString()
        : (fr.paused ? 'SLA paused (waiting on the customer)' : 'First response due ' + new Date(fr.due).toLocaleString());
      const list = document.getElementById('messages');
      list.replaceChildren();
      c.messages.forEach(m => {
        const li = el('li', null, m.direction === 'OUT' ? 'out' : 'in');
        li.appendChild(el('strong', m.actor + ' · ' + m.kind + ' · ' + new Date(m.at).toLocaleString()));
        li.appendChild(el('div', m.text, 'message-text'));
        if (m.awaitingApproval) {
          li.appendChild(el('span', 'awaiting approval', 'badge approval'));
        }
        if (m.delivery) {
          li.appendChild(el('span', m.delivery.status + (m.delivery.error ? ': ' + m.delivery.error : ''), 'badge delivery'));
        }
        if (m.direction === 'IN' && m.mentionId) {
          li.appendChild(correction(m));
        }
        list.appendChild(li);
      });
      const h = document.getElementById('history');
      h.replaceChildren();
      c.history.forEach(e => h.appendChild(el('li', new Date(e.at).toLocaleString() + ' · ' + e.actor + ' · ' + e.kind + (e.detail ? ': ' + e.detail : ''))));
      showOthers(c.drafting || []);
    }

    // An agent corrects what the model read in a post; corrections train the next model.
    function correction(m) {
      const form = el('form', null, 'correction');
      const id = 'correct-' + m.id;
      const label = el('label', 'Sentiment');
      label.htmlFor = id;
      const pick = el('select');
      pick.id = id;
      ['negative', 'neutral', 'positive'].forEach(v => {
        const o = el('option', v);
        o.value = v;
        o.selected = v === m.sentiment;
        pick.appendChild(o);
      });
      const save = el('button', 'Correct');
      save.type = 'submit';
      const said = el('span', m.sentiment ? 'model: ' + m.sentiment : '', 'muted');
      said.setAttribute('role', 'status');
      form.append(label, pick, save, said);
      form.addEventListener('submit', async ev => {
        ev.preventDefault();
        try {
          await post('/api/v1/mentions/' + m.mentionId + '/corrections', { sentiment: pick.value });
          said.textContent = 'corrected to ' + pick.value;
        } catch (e) {
          said.textContent = 'not corrected: ' + e.message;
        }
      });
      return form;
    }

    function showOthers(others) {
      collision.hidden = others.length === 0;
      collision.textContent = others.length ? others.join(', ') + (others.length === 1 ? ' is' : ' are') + ' drafting a reply on this case' : '';
    }

    async function drafting() {
      const now = Date.now();
      if (now - lastDrafting < 5000) { return; }
      lastDrafting = now;
      try { const r = await post('/api/v1/cases/' + id + '/drafting', {}); showOthers(r.others || []); } catch (e) { /* presence is best effort */ }
    }

    async function send() {
      const body = saved.value ? { template: saved.value } : { text: text.value };
      result.textContent = 'sending…';
      try {
        await post('/api/v1/cases/' + id + '/reply', body);
        result.textContent = 'Reply queued';
        text.value = '';
        saved.value = '';
        await load();
      } catch (e) {
        result.textContent = 'Not sent: ' + e.message;
      }
    }

    document.getElementById('reply-form').addEventListener('submit', ev => { ev.preventDefault(); send(); });
    text.addEventListener('input', drafting);
    text.addEventListener('keydown', ev => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); send(); } if (ev.key === 'Escape') { text.blur(); } });
    document.getElementById('escalate').addEventListener('click', async () => {
      try { await post('/api/v1/cases/' + id + '/escalate', { reason: 'escalated by an agent' }); await load(); } catch (e) { result.textContent = e.message; }
    });
    document.getElementById('resolve').addEventListener('click', async () => {
      const reason = window.prompt('Resolution reason');
      if (!reason) { return; }
      try { await post('/api/v1/cases/' + id + '/status', { status: 'resolved', reason: reason }); await load(); } catch (e) { result.textContent = e.message; }
    });
    document.getElementById('note-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const input = document.getElementById('note-text');
      try { await post('/api/v1/cases/' + id + '/notes', { text: input.value }); input.value = ''; await load(); } catch (e) { result.textContent = e.message; }
    });
    document.addEventListener('keydown', ev => {
      if (typingTarget(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      if (ev.key === 'r') { ev.preventDefault(); text.focus(); }
      else if (ev.key === 'e') { document.getElementById('escalate').click(); }
    });
    get('/api/v1/saved-replies').then(all => {
      Object.keys(all).forEach(name => { const o = el('option', name); o.value = name; saved.appendChild(o); });
    }).catch(() => {});
    load().then(() => { if (window.location.hash === '#reply') { text.focus(); } })
      .catch(e => { result.textContent = 'could not load the case: ' + e.message; });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const q = document.getElementById('inbox-queue');
    const c = document.getElementById('inbox-case');
    if (q) { queuePage(q); }
    if (c) { casePage(c); }
  });
})();

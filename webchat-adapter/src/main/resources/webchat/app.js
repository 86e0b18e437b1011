// Tandem web chat: one page, several people. Talks to /api/webchat/* only; renders the neutral blocks.
'use strict';

const state = {
  people: JSON.parse(localStorage.getItem('tandem.people') || 'null') || ['alice', 'bob', 'coordinator'],
  locales: JSON.parse(localStorage.getItem('tandem.locales') || '{}'),
  active: localStorage.getItem('tandem.active') || 'alice',
  conversation: {},   // person -> conversation key shown
  messages: {},       // person -> [message]
  after: {},          // person -> last seq
  seen: {},           // person -> last seq seen while active
  coordinators: [],
  texts: {},          // language -> key -> the page's own sentences, from the server's bundles
};

const $ = (id) => document.getElementById(id);

function save() {
  localStorage.setItem('tandem.people', JSON.stringify(state.people));
  localStorage.setItem('tandem.locales', JSON.stringify(state.locales));
  localStorage.setItem('tandem.active', state.active);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// Our markdown subset: *bold*, _italic_, `code`, line breaks; a backslash makes the next character literal.
function markdown(text) {
  const root = document.createDocumentFragment();
  const stack = [{ node: root, mark: null }];
  let buf = '';
  const flush = () => { if (buf) { stack[stack.length - 1].node.append(document.createTextNode(buf)); buf = ''; } };
  const tags = { '*': 'strong', '_': 'em', '`': 'code' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '\\' && i + 1 < text.length) { buf += text[++i]; continue; }
    if (c === '\n') { flush(); top.node.append(el('br')); continue; }
    if (tags[c] && top.mark === c) { flush(); stack.pop(); continue; }
    if (tags[c] && top.mark !== '`' && text.indexOf(c, i + 1) > i + 1) {
      flush();
      const n = el(tags[c]);
      top.node.append(n);
      stack.push({ node: n, mark: c });
      continue;
    }
    buf += c;
  }
  flush();
  return root;
}

// Posts what the person shown did, in a conversation (a click: the message's own). The bot's answer
// ({replies, updated}: what the turn sent and changed), or null when the request was refused.
async function post(body, where) {
  const person = state.active;
  const conversation = where || state.conversation[person] || 'dm';
  const payload = Object.assign({ user: person, locale: state.locales[person] || 'en',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, body);
  if (conversation !== 'dm') payload.conversation = conversation;
  $('error').textContent = '';
  const res = await fetch('/api/webchat/inbound', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload) });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) $('error').textContent = answer.error || ('error ' + res.status);
  await poll(person);
  return res.ok ? answer : null;
}

// A click or a submission on a message: its controls are disabled at once, the chosen button marked, so that nothing
// is sent twice while the bot answers. The bot answers such a message in place (its outcome, or the form again with
// its errors), and the page draws it anew; one it left as it was (an invitation whose answer can still change) or a
// refused request gets its controls back.
async function act(msg, controls, body, chosen) {
  for (const c of controls) c.disabled = true;
  if (chosen) { chosen.classList.add('chosen'); chosen.setAttribute('aria-pressed', 'true'); }
  const answer = await post(Object.assign({ message: msg.seq }, body), msg.conversation).catch(() => null);
  if (!answer || !(answer.updated || []).includes(msg.seq)) {
    for (const c of controls) c.disabled = false;
    if (chosen) { chosen.classList.remove('chosen'); chosen.removeAttribute('aria-pressed'); }
  }
}

// The page's own sentences, in the language of the person shown.
function t(key) {
  const texts = state.texts[state.locales[state.active] || 'en'] || state.texts.en || {};
  return texts[key] || key;
}

function displayName(user) {
  return user.charAt(0).toUpperCase() + user.slice(1);
}

function renderBlock(b, msg) {
  switch (b.type) {
    case 'text': return el('div', { class: 'block text' }, markdown(b.text));
    case 'context': return el('div', { class: 'block context' + outcome(b, msg) }, markdown(b.text));
    case 'fields': return el('dl', { class: 'block fields' },
      b.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]));
    case 'buttons': return renderButtons(b, msg);
    case 'choice': return renderChoice(b, msg);
    case 'form': return renderForm(b, msg);
    case 'file': return b.withdrawn ? el('div', { class: 'block file withdrawn' }, '\u{1F4CE} ' + b.name + ' — ', t('file.withdrawn')) : el('div', { class: 'block file' },
      el('a', { href: b.url + '?user=' + encodeURIComponent(state.active), download: b.name }, '\u{1F4CE} ' + b.name),
      el('span', { class: 'size' }, ' (' + Math.max(1, Math.round(b.size / 1024)) + ' KiB)'));
    default: return el('div', { class: 'block' }, '[' + b.type + ']');
  }
}

// A question the bot answered in place ends with its outcome (the core's last context line, once nothing is left to
// act on): shown as the card's result, a done one (✓) in green, a cancelled or expired one in grey.
function outcome(b, msg) {
  const blocks = msg.blocks;
  const answered = msg.rev > msg.seq && !msg.from && blocks[blocks.length - 1] === b
    && !blocks.some((x) => ['buttons', 'choice', 'form'].includes(x.type));
  if (!answered) return '';
  return b.text.startsWith('✓') ? ' outcome done' : ' outcome';
}

function renderButtons(b, msg) {
  const buttons = b.buttons.map((x) => el('button', { class: x.style,
    onclick: (ev) => act(msg, buttons, { action: { id: x.id, value: x.value } }, ev.currentTarget) }, x.label));
  return el('div', { class: 'block buttons' }, buttons);
}

function renderChoice(b, msg) {
  if (!b.multiple) {
    const select = el('select', { 'aria-label': b.label },
      el('option', { value: '' }, '—'), b.options.map((o) => el('option', { value: o.value }, o.label)));
    select.addEventListener('change', () => { if (select.value) act(msg, [select], { action: { id: b.id, value: select.value } }); });
    return el('div', { class: 'block choice' }, el('label', {}, b.label, ' ', select));
  }
  const boxes = b.options.map((o) => el('input', { type: 'checkbox', value: o.value }));
  const ok = el('button', { onclick: () => act(msg, [...boxes, ok],
    { action: { id: b.id, value: boxes.filter((x) => x.checked).map((x) => x.value).join(',') } }) }, t('choice.ok'));
  return el('div', { class: 'block choice' }, b.label, ' ', b.options.map((o, i) => el('label', {}, boxes[i], o.label)), ok);
}

function renderForm(b, msg) {
  const controls = {};
  // one fieldset: disabling it disables every input and both buttons at once
  const fields = el('fieldset');
  const form = el('form', { class: 'tform', autocomplete: 'off' }, el('h3', {}, b.title), fields);
  if (b.error) fields.append(el('div', { class: 'form-error', role: 'alert' }, b.error));
  for (const f of b.fields) {
    const id = 'f-' + Math.random().toString(36).slice(2);
    const values = f.value || [];
    let control;
    if (f.kind === 'textarea') {
      control = el('textarea', { id, maxlength: f.maxLength }, values[0] || '');
    } else if (f.kind === 'select') {
      control = el('select', { id }, el('option', { value: '' }, '—'),
        (f.options || []).map((o) => el('option', { value: o.value, selected: values.includes(o.value) }, o.label)));
    } else if (f.kind === 'multiselect') {
      control = el('div', { class: 'checks', id }, (f.options || []).map((o) =>
        el('label', {}, el('input', { type: 'checkbox', value: o.value, checked: values.includes(o.value) }), ' ', o.label)));
    } else {
      control = el('input', { id, type: ({ number: 'number', date: 'date', time: 'time' })[f.kind] || 'text', value: values[0] || '', maxlength: f.maxLength });
    }
    controls[f.id] = { kind: f.kind, control };
    fields.append(el('label', { for: id }, f.label, f.required ? el('span', { class: 'req' }, ' *') : null), control);
    if (f.hint) fields.append(el('div', { class: 'hint' }, f.hint));
    if (f.error) fields.append(el('div', { class: 'err' }, f.error));
  }
  const cancel = b.cancel ? el('button', { type: 'button', class: 'cancel',
    onclick: () => act(msg, [fields], { action: { id: b.cancel.id, value: b.id } }) }, b.cancel.label) : null;
  fields.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, b.submit), cancel));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k, { kind, control }] of Object.entries(controls)) {
      values[k] = kind === 'multiselect'
        ? [...control.querySelectorAll('input:checked')].map((x) => x.value)
        : control.value;
    }
    act(msg, [fields], { form: { id: b.id, values } });
  });
  return form;
}

function conversationsOf(person) {
  const keys = ['dm'];
  if (state.coordinators.includes(person)) keys.push('admin');
  for (const m of state.messages[person] || []) if (!keys.includes(m.conversation)) keys.push(m.conversation);
  return keys;
}

function conversationLabel(key) {
  if (key === 'dm') return t('conversation.direct');
  if (key === 'admin') return '#admin';
  return t('conversation.group') + ' ' + key.slice('group:'.length);
}

// Each message's drawing, kept until the message changes: redrawing on every poll would empty a form someone is
// filling in and re-enable buttons already clicked.
const drawn = new Map();   // "person|seq" -> { version, node }

function messageNode(person, m) {
  const id = person + '|' + m.seq;
  const version = (m.rev || m.seq) + '|' + (state.locales[person] || 'en');
  const known = drawn.get(id);
  if (known && known.version === version) return known.node;
  const mine = m.from === person;
  const who = m.from ? displayName(m.from) : 'Tandem';
  // changed in place since it was drawn (answered, shown again with errors): said, and shown for a moment
  const changed = known && known.rev !== m.rev;
  const node = el('div', { class: 'msg' + (mine ? ' mine' : '') + (changed ? ' changed' : ''), 'data-seq': m.seq,
    onanimationend: (ev) => ev.currentTarget.classList.remove('changed') },
    el('div', { class: 'meta' }, who, m.rev > m.seq && !m.from ? el('span', { class: 'updated' }, ' · ' + t('message.updated')) : null),
    el('div', { class: 'bubble' }, m.blocks.map((b) => renderBlock(b, m))));
  drawn.set(id, { version, rev: m.rev, node });
  return node;
}

function render() {
  const person = state.active;
  $('who').textContent = displayName(person) + (state.coordinators.includes(person) ? ' (coordinator)' : '');
  $('locale').value = state.locales[person] || 'en';

  const list = $('person-list');
  list.replaceChildren(...state.people.map((p) => {
    const unread = (state.messages[p] || []).filter((m) => m.seq > (state.seen[p] || 0) && !m.from).length;
    return el('li', {}, el('button', { class: p === person ? 'active' : '', onclick: () => { state.active = p; save(); render(); } },
      el('span', {}, displayName(p), ' ', el('span', { class: 'role' }, state.coordinators.includes(p) ? 'coordinator' : '')),
      unread && p !== person ? el('span', { class: 'badge' }, unread) : null));
  }));

  const current = state.conversation[person] || 'dm';
  $('conversations').replaceChildren(...conversationsOf(person).map((k) =>
    el('button', { role: 'tab', class: k === current ? 'active' : '', onclick: () => { state.conversation[person] = k; render(); } }, conversationLabel(k))));

  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const nodes = (state.messages[person] || []).filter((m) => m.conversation === current)
    .map((m) => messageNode(person, m));
  // only when something changed: putting a node back restarts its animation, and loses a half-typed selection
  if (nodes.length !== box.children.length || nodes.some((n, i) => box.children[i] !== n)) box.replaceChildren(...nodes);
  if (atBottom) box.scrollTop = box.scrollHeight;
  const msgs = state.messages[person] || [];
  if (msgs.length) state.seen[person] = msgs[msgs.length - 1].seq;
}

async function poll(person) {
  const res = await fetch('/api/webchat/outbox?user=' + encodeURIComponent(person) + '&after=' + (state.after[person] || 0));
  if (!res.ok) return;
  const data = await res.json();
  if (!data.messages.length) return;
  let known = state.messages[person] || (state.messages[person] = []);
  for (const m of data.messages) {
    if (m.farewell) {
      // they erased their data: the confirmation is all that is left of their conversations
      known = state.messages[person] = [];
      state.conversation[person] = 'dm';
      for (const id of [...drawn.keys()]) if (id.startsWith(person + '|')) drawn.delete(id);
    }
    // a message sent earlier may come again, changed (buttons used, an erased person's words blanked)
    const i = known.findIndex((k) => k.seq === m.seq);
    if (i >= 0) known[i] = m; else known.push(m);
    state.after[person] = Math.max(state.after[person] || 0, m.rev || m.seq);
  }
  known.sort((a, b) => a.seq - b.seq);
  render();
}

async function pollAll() {
  for (const p of state.people) await poll(p).catch(() => {});
}

$('composer').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  $('text').value = '';
  post({ text });
});

$('add-person').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const user = $('new-person').value.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{0,31}$/.test(user)) { $('error').textContent = 'A user id is 1-32 letters, digits, ".", "_" or "-".'; return; }
  if (!state.people.includes(user)) state.people.push(user);
  state.active = user;
  $('new-person').value = '';
  save();
  render();
  poll(user);
});

$('locale').addEventListener('change', () => { state.locales[state.active] = $('locale').value; save(); });

// The dev clock, when the server offers it: move Tandem's time forward to see weeks of a programme in minutes.
async function clock(advance) {
  const res = advance
    ? await fetch('/api/dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance }) })
    : await fetch('/api/dev/clock');
  if (!res.ok) return;
  const data = await res.json();
  $('clock').hidden = false;
  $('clock-now').textContent = new Date(data.now).toLocaleString();
  if (advance) await pollAll();
}

for (const b of document.querySelectorAll('#clock button')) {
  b.addEventListener('click', () => clock(b.dataset.advance));
}

(async function start() {
  const cfg = await fetch('/api/webchat/config').then((r) => r.json()).catch(() => ({ coordinators: [] }));
  state.coordinators = cfg.coordinators || [];
  state.texts = cfg.texts || {};
  if (!state.people.includes(state.active)) state.active = state.people[0];
  render();
  await pollAll();
  clock().catch(() => {});
  setInterval(pollAll, 1500);
})();

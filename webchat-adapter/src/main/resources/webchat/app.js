// Tandem web chat: one page, several people. Talks to /api/webchat/* only; renders the neutral blocks.
// It never redraws what did not change: a half-filled form, a half-typed message or a focused field survive every poll.
'use strict';

const saved = (key, fallback) => {
  try { return JSON.parse(localStorage.getItem('tandem.' + key)) ?? fallback; } catch (e) { return fallback; }
};

const state = {
  people: saved('people', ['alice', 'bob', 'coordinator']),
  active: saved('active', 'alice'),
  conversation: saved('conversation', {}), // person -> conversation key shown
  seen: saved('seen', {}),         // person -> conversation -> last seq read there
  locales: saved('locales', {}),   // person -> the language Tandem speaks to them in, as the server last said
  messages: {},                    // person -> [message], by seq
  after: {},                       // person -> highest revision read
  groups: {},                      // person -> group key -> {members}
  loaded: {},                      // person -> true once their conversations were read
  arrived: {},                     // person -> true once the page told the server it opened their conversation
  holdLocale: {},                  // person -> a language they just chose, until the server says so too
  drafts: {},                      // "person|conversation" -> what they were typing there
  coordinators: [],
  texts: {},                       // language -> key -> the page's own sentences, from the server's bundles
  clockOffset: null,               // the dev clock minus this machine's clock, in ms; null when there is none
};

const $ = (id) => document.getElementById(id);

function save() {
  for (const key of ['people', 'active', 'conversation', 'seen', 'locales']) {
    localStorage.setItem('tandem.' + key, JSON.stringify(state[key]));
  }
}

// The children as nodes, leaving out what is null, undefined or false.
function nodes(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

// Replaces what an element holds (null children are left out).
function fill(e, ...children) {
  e.replaceChildren(...nodes(children));
  return e;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...nodes(children));
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

// ---- the page's own words ----------------------------------------------------------------------------------------

// The browser's language, as a platform reports a person's (Slack, Teams do): French or English.
function browserLanguage() {
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  const first = tags.map((l) => l.toLowerCase().slice(0, 2)).find((l) => l === 'fr' || l === 'en');
  return first || 'en';
}

// The language Tandem speaks to a person in, as the server says; for someone it never met (it says English then, and
// nobody has written to them yet), the browser's.
function languageOf(person) {
  if (state.holdLocale[person]) return state.holdLocale[person];
  const server = state.locales[person];
  const known = (state.messages[person] || []).length > 0 || (server && server !== 'en');
  return (known ? server : browserLanguage()) === 'fr' ? 'fr' : 'en';
}

function lang() {
  return languageOf(state.active);
}

// A sentence of the page's, in the language of the person shown; {0}, {1}… are replaced by args.
function t(key, ...args) {
  const texts = state.texts[lang()] || state.texts.en || {};
  const text = texts[key] ?? (state.texts.en || {})[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? String(args[i]) : m));
}

// Whether the page has a sentence for this key (without its bundles, the words written in the HTML stay).
function has(key) {
  return key in (state.texts[lang()] || {}) || key in (state.texts.en || {});
}

// An element whose words are the page's: written now, and again whenever the language changes.
function words(tag, key, attrs) {
  return el(tag, Object.assign({ 'data-i18n': key }, attrs || {}), t(key));
}

function translate() {
  const set = (node, attr, value) => { if (node.getAttribute(attr) !== value) node.setAttribute(attr, value); };
  for (const n of document.querySelectorAll('[data-i18n]')) {
    if (!has(n.dataset.i18n)) continue;
    const text = t(n.dataset.i18n);
    if (n.textContent !== text) n.textContent = text;
  }
  for (const n of document.querySelectorAll('[data-i18n-placeholder]')) {
    if (has(n.dataset.i18nPlaceholder)) set(n, 'placeholder', t(n.dataset.i18nPlaceholder));
  }
  for (const n of document.querySelectorAll('[data-i18n-label]')) {
    if (has(n.dataset.i18nLabel)) set(n, 'aria-label', t(n.dataset.i18nLabel));
  }
  document.documentElement.lang = lang();
  if (has('page.title')) document.title = t('page.title');
}

function displayName(user) {
  return user.charAt(0).toUpperCase() + user.slice(1);
}

// ---- talking to the server ---------------------------------------------------------------------------------------

function showError(text) {
  $('error').textContent = text || '';
  $('error').hidden = !text;
}

// Posts what a person did, in a conversation (a click: the message's own). The bot's answer ({replies, updated}: what
// the turn sent and changed), or null when the request was refused or the server did not answer.
async function post(person, body, where) {
  const conversation = where || state.conversation[person] || 'dm';
  const payload = Object.assign({ user: person, locale: languageOf(person),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, body);
  if (conversation !== 'dm') payload.conversation = conversation;
  showError('');
  let res;
  try {
    res = await fetch('/api/webchat/inbound', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload) });
  } catch (e) {
    showError(t('error.network'));
    return null;
  }
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) showError(answer.error || t('error.status', res.status));
  await poll(person);
  return res.ok ? answer : null;
}

// A click or a submission on a message: its controls are disabled at once, the chosen button marked, so that nothing
// is sent twice while the bot answers. The bot answers such a message in place (its outcome, or the form again with
// its errors), and the page draws it anew; one it left as it was (an invitation whose answer can still change) or a
// refused request gets its controls back.
async function act(person, msg, controls, body, chosen) {
  for (const c of controls) c.disabled = true;
  if (chosen) { chosen.classList.add('chosen'); chosen.setAttribute('aria-pressed', 'true'); }
  const answer = await post(person, Object.assign({ message: msg.seq }, body), msg.conversation);
  if (!answer || !(answer.updated || []).includes(msg.seq)) {
    for (const c of controls) c.disabled = false;
    if (chosen) { chosen.classList.remove('chosen'); chosen.removeAttribute('aria-pressed'); }
    return;
  }
  // a form shown again with what is wrong: the first thing to fix is brought into view
  const again = drawn.get(person + '|' + msg.seq);
  const wrong = again && again.node.querySelector('.form-error, .err');
  if (wrong && again.node.isConnected) wrong.scrollIntoView({ block: 'center' });
}

// One poll at a time per person: two crossing polls could otherwise apply an older copy of a message after a newer.
const polling = {};

function poll(person) {
  const run = (polling[person] || Promise.resolve()).then(() => pollNow(person)).catch(() => {});
  polling[person] = run;
  return run;
}

async function pollNow(person) {
  const res = await fetch('/api/webchat/outbox?user=' + encodeURIComponent(person) + '&after=' + (state.after[person] || 0));
  if (!res.ok) return;
  const data = await res.json();
  const firstRead = !state.loaded[person];
  let known = state.messages[person] || (state.messages[person] = []);
  for (const m of data.messages) {
    if (m.farewell) {
      // they erased their data: the confirmation is all that is left of their conversations
      known = state.messages[person] = [];
      state.conversation[person] = 'dm';
      for (const id of [...drawn.keys()]) if (id.startsWith(person + '|')) drawn.delete(id);
    }
    // a message sent earlier may come again, changed (answered, an erased person's words blanked); never an older copy
    const i = known.findIndex((k) => k.seq === m.seq);
    if (i < 0) known.push(m);
    else if ((m.rev || m.seq) > (known[i].rev || known[i].seq)) known[i] = m;
    state.after[person] = Math.max(state.after[person] || 0, m.rev || m.seq);
  }
  known.sort((a, b) => a.seq - b.seq);
  if (data.locale && !state.holdLocale[person]) state.locales[person] = data.locale;
  state.groups[person] = data.groups || {};
  state.loaded[person] = true;
  // the first time this browser shows someone, what they already had counts as read
  if (firstRead && state.seen[person] === undefined) {
    state.seen[person] = {};
    for (const m of known) state.seen[person][m.conversation] = Math.max(state.seen[person][m.conversation] || 0, m.seq);
  }
  save();
  render();
}

async function pollAll() {
  for (const p of state.people) await poll(p);
}

// ---- messages ----------------------------------------------------------------------------------------------------

function renderBlock(b, msg, person) {
  switch (b.type) {
    case 'text': return el('div', { class: 'block text' }, markdown(b.text));
    case 'context': return el('div', { class: 'block context' + outcome(b, msg) }, markdown(b.text));
    case 'fields': return el('dl', { class: 'block fields' },
      b.fields.map((f) => el('div', { class: 'field' }, el('dt', {}, f.label), el('dd', {}, f.value))));
    case 'buttons': return renderButtons(b, msg, person);
    case 'choice': return renderChoice(b, msg, person);
    case 'form': return renderForm(b, msg, person);
    case 'image': return renderImage(b, person);
    case 'file': return b.withdrawn
      ? el('div', { class: 'block file withdrawn' }, '\u{1F4CE} ' + b.name + ' — ', words('span', 'file.withdrawn'))
      : el('div', { class: 'block file' },
        el('a', { href: b.url + '?user=' + encodeURIComponent(person), download: b.name }, '\u{1F4CE} ' + b.name),
        el('span', { class: 'size' }, ' (' + Math.max(1, Math.round(b.size / 1024)) + ' KiB)'));
    default: return el('div', { class: 'block' }, '[' + b.type + ']');
  }
}

// A picture (a report's chart) is shown where it was sent, as wide as the conversation at most (a phone's screen too),
// and can still be downloaded; its alt text is the message's words, which carry its numbers for a screen reader.
function renderImage(b, person) {
  if (b.withdrawn) {
    return el('div', { class: 'block file withdrawn' }, '\u{1F5BC} ' + b.name + ' — ', words('span', 'file.withdrawn'));
  }
  const url = b.url + '?user=' + encodeURIComponent(person);
  return el('figure', { class: 'block image' },
    el('img', { src: url, alt: b.alt || b.name, loading: 'lazy' }),
    el('figcaption', {}, el('a', { href: url, download: b.name }, '\u{1F4CE} ' + b.name),
      el('span', { class: 'size' }, ' (' + Math.max(1, Math.round(b.size / 1024)) + ' KiB)')));
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

function renderButtons(b, msg, person) {
  const buttons = b.buttons.map((x) => el('button', { type: 'button', class: x.style,
    onclick: (ev) => act(person, msg, buttons, { action: { id: x.id, value: x.value } }, ev.currentTarget) }, x.label));
  return el('div', { class: 'block buttons' }, buttons);
}

function renderChoice(b, msg, person) {
  if (!b.multiple) {
    const select = el('select', { 'aria-label': b.label },
      el('option', { value: '' }, '—'), b.options.map((o) => el('option', { value: o.value }, o.label)));
    select.addEventListener('change', () => {
      if (select.value) act(person, msg, [select], { action: { id: b.id, value: select.value } });
    });
    return el('div', { class: 'block choice' }, el('label', {}, b.label, ' ', select));
  }
  const boxes = b.options.map((o) => el('input', { type: 'checkbox', value: o.value }));
  const ok = words('button', 'choice.ok', { type: 'button', onclick: () => act(person, msg, [...boxes, ok],
    { action: { id: b.id, value: boxes.filter((x) => x.checked).map((x) => x.value).join(',') } }) });
  return el('div', { class: 'block choice' }, el('div', {}, b.label),
    b.options.map((o, i) => el('label', { class: 'check' }, boxes[i], ' ', o.label)), ok);
}

// What a field's control holds, as the core reads it: a date as yyyy-MM-dd, a time as HH:mm (whatever the browser
// shows), several choices as a list.
function fieldValue(kind, control) {
  if (kind === 'multiselect') return [...control.querySelectorAll('input:checked')].map((x) => x.value);
  if (kind === 'time') return control.value.slice(0, 5);
  return control.value;
}

function renderControl(f, id) {
  const values = f.value || [];
  switch (f.kind) {
    case 'textarea': return el('textarea', { id, maxlength: f.maxLength, required: f.required }, values[0] || '');
    case 'select': return el('select', { id, required: f.required }, el('option', { value: '' }, '—'),
      (f.options || []).map((o) => el('option', { value: o.value, selected: values.includes(o.value) }, o.label)));
    case 'multiselect': return el('div', { class: 'checks', id, role: 'group' }, (f.options || []).map((o) =>
      el('label', {}, el('input', { type: 'checkbox', value: o.value, checked: values.includes(o.value) }), ' ', o.label)));
    // a browser without date or time pickers shows a text box: the placeholder says what to type
    case 'date': return el('input', { id, type: 'date', value: values[0] || '', placeholder: 'yyyy-mm-dd', required: f.required });
    case 'time': return el('input', { id, type: 'time', step: 60, value: (values[0] || '').slice(0, 5), placeholder: 'hh:mm', required: f.required });
    case 'number': return el('input', { id, type: 'number', inputmode: 'numeric', value: values[0] || '' });
    default: return el('input', { id, type: 'text', value: values[0] || '', maxlength: f.maxLength });
  }
}

let fieldIds = 0;

function renderForm(b, msg, person) {
  const controls = {};
  // one fieldset: disabling it disables every input and both buttons at once
  const fields = el('fieldset');
  // novalidate: the core checks the answers and says what is missing, in the person's language, on the form itself
  const form = el('form', { class: 'tform', autocomplete: 'off', novalidate: true }, el('h3', {}, b.title), fields);
  if (b.error) fields.append(el('div', { class: 'form-error', role: 'alert' }, b.error));
  for (const f of b.fields) {
    const id = 'f' + (++fieldIds);
    const control = renderControl(f, id);
    controls[f.id] = { kind: f.kind, control };
    const label = f.kind === 'multiselect'
      ? el('div', { class: 'label', id: id + '-label' }, f.label, f.required ? el('span', { class: 'req' }, ' *') : null)
      : el('label', { for: id }, f.label, f.required ? el('span', { class: 'req' }, ' *') : null);
    if (f.kind === 'multiselect') control.setAttribute('aria-labelledby', id + '-label');
    fields.append(el('div', { class: 'input ' + f.kind, 'data-field': f.id }, label, control,
      f.hint ? el('div', { class: 'hint' }, f.hint) : null, f.error ? el('div', { class: 'err' }, f.error) : null));
  }
  const cancel = b.cancel ? el('button', { type: 'button', class: 'cancel',
    onclick: () => act(person, msg, [fields], { action: { id: b.cancel.id, value: b.id } }) }, b.cancel.label) : null;
  fields.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, b.submit), cancel));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k, { kind, control }] of Object.entries(controls)) values[k] = fieldValue(kind, control);
    act(person, msg, [fields], { form: { id: b.id, values } });
  });
  return form;
}

// Each message's drawing, kept until the message changes (a higher rev): redrawing on every poll would empty a form
// someone is filling in and make live again buttons already answered. The page's own words in it follow the language.
const drawn = new Map();   // "person|seq" -> { rev, node }

function messageNode(person, m) {
  const id = person + '|' + m.seq;
  const rev = m.rev || m.seq;
  const known = drawn.get(id);
  if (known && known.rev === rev) return known.node;
  const mine = m.from === person;
  const who = m.from ? displayName(m.from) : 'Tandem';
  // changed in place since it was drawn (answered, shown again with errors): said, and shown for a moment
  const node = el('div', { class: 'msg' + (mine ? ' mine' : '') + (known ? ' changed' : ''), 'data-seq': m.seq,
    'data-rev': rev, onanimationend: (ev) => ev.currentTarget.classList.remove('changed') },
    el('div', { class: 'meta' }, who, m.rev > m.seq && !m.from ? [' · ', words('span', 'message.updated', { class: 'updated' })] : null,
      m.private ? [' · ', words('span', 'message.only-you', { class: 'updated' })] : null),
    el('div', { class: 'bubble' }, m.blocks.map((b) => renderBlock(b, m, person))));
  drawn.set(id, { rev, node });
  return node;
}

// Puts exactly `nodes` in `box`, in order, touching only what differs: a node that stays is never moved or redrawn.
function sync(box, nodes) {
  const wanted = new Set(nodes);
  for (const c of [...box.children]) if (!wanted.has(c)) c.remove();
  nodes.forEach((n, i) => { if (box.children[i] !== n) box.insertBefore(n, box.children[i] || null); });
}

// ---- conversations, people, unread counts ------------------------------------------------------------------------

function conversationsOf(person) {
  const keys = ['dm'];
  if (state.coordinators.includes(person)) keys.push('admin');
  for (const k of Object.keys(state.groups[person] || {})) if (!keys.includes(k)) keys.push(k);
  for (const m of state.messages[person] || []) if (!keys.includes(m.conversation)) keys.push(m.conversation);
  return keys;
}

// A named channel (#kudos): everyone reads it, only Tandem posts there; its buttons are for whoever may use them.
function isChannel(key) {
  return key.startsWith('channel:');
}

// The channels a person can open: those with messages in them, by name.
function channelsOf(person) {
  return conversationsOf(person).filter(isChannel).sort();
}

// A group is named after its people ("Alice & Bob"), as the server lists them; a channel by its name.
function conversationLabel(person, key) {
  if (key === 'dm') return t('conversation.direct');
  if (key === 'admin') return '#admin';
  if (isChannel(key)) return '#' + key.slice('channel:'.length);
  const group = (state.groups[person] || {})[key] || {};
  const names = group.names || (group.members || []).map(displayName);
  return names.length ? names.join(' & ') : t('conversation.group') + ' ' + key.slice('group:'.length);
}

// What came to a person in a conversation since they last looked there (what they typed themselves is read).
function unread(person, key) {
  const seen = (state.seen[person] || {})[key] || 0;
  return (state.messages[person] || []).filter((m) => m.conversation === key && m.seq > seen && m.from !== person).length;
}

function unreadOf(person) {
  return conversationsOf(person).reduce((n, k) => n + unread(person, k), 0);
}

function markSeen(person, key) {
  const last = (state.messages[person] || []).filter((m) => m.conversation === key).reduce((n, m) => Math.max(n, m.seq), 0);
  if (!last) return;
  const seen = state.seen[person] || (state.seen[person] = {});
  if ((seen[key] || 0) < last) { seen[key] = last; save(); }
}

function badge(n) {
  return n ? el('span', { class: 'badge', 'aria-label': t('unread', n) }, String(n)) : null;
}

// Keeps one element per key in `box`, made once by `make`, brought up to date by `update`.
function keyed(box, keys, make, update) {
  const have = new Map([...box.children].map((c) => [c.dataset.key, c]));
  const nodes = keys.map((k) => { const n = have.get(k) || make(k); n.dataset.key = k; update(n, k); return n; });
  sync(box, nodes);
}

function choosePerson(p) {
  state.active = p;
  save();
  closeSidebar();
  render();
}

function renderPeople(person) {
  keyed($('person-list'), state.people, (p) => el('li', {}, el('button', { type: 'button', onclick: () => choosePerson(p) })),
    (li, p) => {
      const b = li.firstChild;
      b.className = p === person ? 'active' : '';
      b.setAttribute('aria-current', p === person ? 'true' : 'false');
      const n = p === person ? 0 : unreadOf(p);
      const label = displayName(p) + '|' + (state.coordinators.includes(p) ? t('person.coordinator') : '') + '|' + n;
      if (b.dataset.label === label) return;
      b.dataset.label = label;
      fill(b, el('span', {}, displayName(p), ' ',
        state.coordinators.includes(p) ? el('span', { class: 'role' }, t('person.coordinator')) : null), badge(n));
    });
  const others = state.people.filter((p) => p !== person).reduce((n, p) => n + unreadOf(p), 0);
  $('others-unread').textContent = others ? String(others) : '';
  $('others-unread').hidden = !others;
}

function openConversation(k) {
  state.conversation[state.active] = k;
  save();
  closeSidebar();
  render();
}

function renderChannels(person, current) {
  const keys = channelsOf(person);
  $('channels').hidden = !keys.length;
  keyed($('channel-list'), keys, (k) => el('li', {}, el('button', { type: 'button', onclick: () => openConversation(k) })),
    (li, k) => {
      const b = li.firstChild;
      b.className = k === current ? 'active' : '';
      b.setAttribute('aria-current', k === current ? 'true' : 'false');
      const n = k === current ? 0 : unread(person, k);
      const label = conversationLabel(person, k) + '|' + n;
      if (b.dataset.label === label) return;
      b.dataset.label = label;
      fill(b, el('span', {}, conversationLabel(person, k)), badge(n));
    });
}

function renderTabs(person, current) {
  keyed($('conversations'), conversationsOf(person), (k) => el('button', { type: 'button', role: 'tab',
    onclick: () => { state.conversation[state.active] = k; save(); render(); } }), (b, k) => {
    b.className = k === current ? 'active' : '';
    b.setAttribute('aria-selected', k === current ? 'true' : 'false');
    const n = k === current ? 0 : unread(person, k);
    const label = conversationLabel(person, k) + '|' + n;
    if (b.dataset.label === label) return;
    b.dataset.label = label;
    fill(b, el('span', {}, conversationLabel(person, k)), badge(n));
  });
}

// ---- the whole page ----------------------------------------------------------------------------------------------

let shown = null;   // "person|conversation" drawn last: the composer keeps a draft for each

function render() {
  const person = state.active;
  const current = state.conversation[person] || 'dm';
  const here = person + '|' + current;
  fill($('who'), displayName(person),
    state.coordinators.includes(person) ? el('span', { class: 'role' }, ' (', t('person.coordinator'), ')') : null);
  if ($('locale').value !== lang()) $('locale').value = lang();

  renderPeople(person);
  renderChannels(person, current);
  renderTabs(person, current);
  // nobody types in a channel: Tandem posts there, people read and click
  $('composer').hidden = isChannel(current);
  $('channel-note').hidden = !isChannel(current);

  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const msgs = (state.messages[person] || []).filter((m) => m.conversation === current);
  const lastBefore = box.lastElementChild;
  sync(box, msgs.map((m) => messageNode(person, m)));
  // one name over a run of messages by the same author; a message changed in place still says so
  msgs.forEach((m, i) => {
    const prev = msgs[i - 1];
    drawn.get(person + '|' + m.seq).node.classList.toggle('cont',
      !!prev && (prev.from || '') === (m.from || '') && !(m.rev > m.seq && !m.from) && !m.private);
  });
  const mineNew = box.lastElementChild !== lastBefore && box.lastElementChild && box.lastElementChild.classList.contains('mine');
  if (shown !== here || atBottom || mineNew) box.scrollTop = box.scrollHeight;

  // what someone was typing stays with them and their conversation
  if (shown !== here) {
    if (shown !== null) state.drafts[shown] = $('text').value;
    $('text').value = state.drafts[here] || '';
    shown = here;
  }
  markSeen(person, current);
  translate();

  // the person opened their conversation and it is empty: the server is told, and Tandem welcomes them (once)
  // an empty direct conversation (or a coordinator's empty #admin) says the person arrived: the first time, Tandem
  // welcomes them
  const arrivedKey = person + '|' + current;
  if ((current === 'dm' || current === 'admin') && state.loaded[person] && !state.arrived[arrivedKey] && !msgs.length) {
    state.arrived[arrivedKey] = true;
    post(person, { arrived: true }, current);
  }
}

// ---- the sidebar, on a narrow screen a drawer --------------------------------------------------------------------

function openSidebar() {
  document.body.classList.add('sidebar-open');
  $('backdrop').hidden = false;
  $('open-sidebar').setAttribute('aria-expanded', 'true');
}

function closeSidebar() {
  document.body.classList.remove('sidebar-open');
  $('backdrop').hidden = true;
  $('open-sidebar').setAttribute('aria-expanded', 'false');
}

$('open-sidebar').addEventListener('click', openSidebar);
$('close-sidebar').addEventListener('click', closeSidebar);
$('backdrop').addEventListener('click', closeSidebar);
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeSidebar(); });

// ---- what people type --------------------------------------------------------------------------------------------

$('composer').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  const person = state.active;
  const where = state.conversation[person] || 'dm';
  $('text').value = '';
  $('text').focus();   // as in any chat: the next line can be typed at once
  state.drafts[person + '|' + where] = '';
  const answer = await post(person, { text }, where);
  // refused or unanswered: what they typed comes back, unless they have typed something else meanwhile
  if (!answer) {
    const key = person + '|' + where;
    if (shown === key && !$('text').value) $('text').value = text;
    else if (shown !== key && !state.drafts[key]) state.drafts[key] = text;
  }
});

$('add-person').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const user = $('new-person').value.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{0,31}$/.test(user)) { showError(t('person.add.invalid')); return; }
  showError('');
  if (!state.people.includes(user)) state.people.push(user);
  $('new-person').value = '';
  choosePerson(user);
  poll(user);
});

// Choosing a language is telling Tandem, as `language fr` would: it speaks it from then on, and the page follows.
$('locale').addEventListener('change', async () => {
  const person = state.active;
  const chosen = $('locale').value;
  state.holdLocale[person] = chosen;
  state.locales[person] = chosen;
  translate();
  render();
  // in the words of the language chosen (both are understood)
  await post(person, { text: chosen === 'fr' ? 'langue fr' : 'language en' }, 'dm');
  delete state.holdLocale[person];
  poll(person);
});

// ---- the dev clock, when the server offers it --------------------------------------------------------------------

async function readClock() {
  const res = await fetch('/api/dev/clock');
  if (!res.ok) return;
  const data = await res.json();
  state.clockOffset = Date.parse(data.now) - Date.now();
  $('clock').hidden = false;
  tick();
}

// The dev clock's time now, in the person's language, every second.
function tick() {
  if (state.clockOffset === null) return;
  const now = new Date(Date.now() + state.clockOffset);
  const node = $('clock-now');
  node.dateTime = now.toISOString();
  node.textContent = now.toLocaleString(lang() === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric',
    month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

for (const b of document.querySelectorAll('#clock button')) {
  b.addEventListener('click', async () => {
    for (const x of document.querySelectorAll('#clock button')) x.disabled = true;
    try {
      const res = await fetch('/api/dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advance: b.dataset.advance }) });
      if (!res.ok) showError(t('error.status', res.status));
      await readClock();
      await pollAll();
    } catch (e) {
      showError(t('error.network'));
    } finally {
      for (const x of document.querySelectorAll('#clock button')) x.disabled = false;
    }
  });
}

(async function start() {
  const cfg = await fetch('/api/webchat/config').then((r) => r.json()).catch(() => ({}));
  state.coordinators = cfg.coordinators || [];
  state.texts = cfg.texts || {};
  if (!Array.isArray(state.people) || !state.people.length) state.people = ['alice', 'bob', 'coordinator'];
  if (!state.people.includes(state.active)) state.active = state.people[0];
  render();
  await pollAll();
  readClock().catch(() => {});
  setInterval(() => pollAll().catch(() => {}), 1500);
  setInterval(tick, 1000);
  // another page (or a script) may move the clock too
  setInterval(() => readClock().catch(() => {}), 15000);
})();

// The README's first walk through, in a real browser (Debian's chromium, driven by playwright-core), as a phone
// (390 px) and as a laptop (1280 px): a coordinator creates a programme from a template and opens it, a person joins
// it, answers the questionnaire, agrees and reads their profile; on every screen nothing is wider than the window and
// Send can be pressed. WebchatBrowserIT runs it against the application it started:
//   node walk.js <base url> <folder for screenshots>
// Each step prints a line; the first that fails prints why, leaves a screenshot and exits 1.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const [base, dir] = process.argv.slice(2);
let shots = dir || 'shots';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

let page;
let width;
let shot = 0;

function fail(message) {
  throw new Error(message);
}

function step(text) {
  console.log('ok ' + width + ' px: ' + text);
}

// A message of Tandem's (or anyone's) as the page shows it, waiting for it to appear.
function message(text) {
  return page.locator('#messages .msg', { hasText: text }).last();
}

async function sees(text) {
  await message(text).waitFor();
}

// The page's own word in the composer's button, header, tabs: proof of the language it speaks.
async function sendLabel() {
  return (await page.locator('#composer button[type=submit]').textContent()).trim();
}

// What anyone would check on any screen: nothing reaches past the window's right edge (the page cannot be scrolled
// sideways), and Send is on the screen, not covered, and can be pressed.
async function screen(name) {
  const problems = await page.evaluate(() => {
    const out = [];
    const w = window.innerWidth;
    const h = window.innerHeight;
    if (document.documentElement.scrollWidth > w) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + w + ' px window');
    // what the people see of the conversation (a row of tabs may scroll sideways on its own, a closed drawer is away)
    for (const e of document.querySelectorAll('main *, body.sidebar-open aside *')) {
      if (e.closest('nav') && !e.matches('nav')) continue;
      const r = e.getBoundingClientRect();
      if (r.width && (r.right > w + 1 || r.left < -1)) {
        out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) + ' reaches ' + Math.round(r.left)
          + '..' + Math.round(r.right) + ' px');
        if (out.length > 5) break;
      }
    }
    const send = document.querySelector('#composer button[type=submit]');
    const r = send.getBoundingClientRect();
    const onTop = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const drawerOpen = document.body.classList.contains('sidebar-open');
    if (!drawerOpen && (r.bottom > h || r.right > w || r.top < 0 || r.left < 0)) out.push('Send is off the screen at ' + JSON.stringify(r));
    else if (!drawerOpen && !send.contains(onTop)) out.push('Send is covered by ' + (onTop && onTop.outerHTML.slice(0, 80)));
    const text = document.querySelector('#text').getBoundingClientRect();
    if (!drawerOpen && text.width < 120) out.push('the message box is only ' + text.width + ' px wide');
    return out;
  });
  const file = path.join(shots, width + '-' + String(++shot).padStart(2, '0') + '-' + name + '.png');
  await page.screenshot({ path: file });
  if (problems.length) fail(name + ': ' + problems.join('; ') + ' (see ' + file + ')');
}

// Types a line in the composer and presses Send, as a person would.
async function say(text) {
  await page.locator('#text').fill(text);
  await page.locator('#composer button[type=submit]').click();
  await page.locator('#messages .msg.mine', { hasText: text }).last().waitFor();
}

function exactly(label) {
  return new RegExp('^\\s*' + label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\s*$');
}

// A live button with exactly this label, in the latest message that has one.
function button(label) {
  return page.locator('#messages .block.buttons button:not([disabled])', { hasText: exactly(label) }).last();
}

// Picks a person as anyone would: on a phone the list of people is behind the "People" button.
async function become(user) {
  const name = user.charAt(0).toUpperCase() + user.slice(1);
  if (width < 720) {
    await page.locator('#open-sidebar').click();
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    await page.waitForTimeout(250);   // the drawer slides in
    await screen('people-' + user);
  }
  await page.locator('#person-list button', { hasText: name }).click();
  await page.locator('#who', { hasText: name }).waitFor();
  if (width < 720) await page.locator('#sidebar').waitFor({ state: 'hidden' });
}

async function tab(label) {
  await page.locator('#conversations button', { hasText: label }).click();
  await page.locator('#conversations button.active', { hasText: label }).waitFor();
}

// Fills the latest form: the answers given by field id, and every other required field with its first choice.
async function fillForm(answers) {
  const form = page.locator('#messages form.tform:not(:has(fieldset[disabled]))').last();
  await form.waitFor();
  for (const field of await form.locator('.input').all()) {
    const id = await field.getAttribute('data-field');
    const kind = (await field.getAttribute('class')).replace('input ', '');
    const required = (await field.locator('.req').count()) > 0;
    const answer = answers[id];
    if (answer === undefined && !required) continue;
    if (kind === 'select') {
      if (answer !== undefined) await field.locator('select').selectOption(answer);
      else if (!(await field.locator('select').inputValue())) await field.locator('select').selectOption({ index: 1 });
    } else if (kind === 'multiselect') {
      if ((await field.locator('input:checked').count()) === 0) await field.locator('input[type=checkbox]').first().check();
    } else if (answer !== undefined) {
      await field.locator('input, textarea').fill(answer);
    } else if (!(await field.locator('input, textarea').inputValue())) {
      await field.locator('input, textarea').fill(kind === 'number' ? '2' : 'Something');
    }
  }
  return form;
}

// Posts through the web chat's API (as another tab or another person would), then waits until the page shows `until`.
async function elsewhere(body, until) {
  const res = await fetch(base + '/api/webchat/inbound', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  if (res.status !== 202) fail('the API refused ' + JSON.stringify(body) + ': ' + res.status + ' ' + await res.text());
  await until.waitFor({ state: 'attached' });
}

// Step 1 of the walk: the coordinator creates a programme from a template, adjusts it, saves it, opens it.
async function coordinatorOpensAProgramme(template, name) {
  await become('coordinator');
  await tab('#admin');
  await say('program templates');
  await button(template).click();
  const form = await fillForm({ name });
  await screen('programme-form');
  await form.locator('button[type=submit]').click();
  await button('Open for enrolment').click();
  await sees('✓');
  await say('programs');
  await sees(name);
  await screen('programmes');
  step('the coordinator creates ' + name + ' from the template ' + template + ' and opens it');
}

// Step 2: a person joins as mentee or mentor, answers, agrees, and reads their profile; typing is never lost on the way.
async function personJoins(user, programme, role, answers) {
  await become(user);
  await tab('Direct messages');
  await sees('Welcome to Tandem');
  step(user + ' is welcomed on opening the page');
  await say('join');
  const choose = button(programme);
  await choose.or(button(role)).first().waitFor();
  if (await choose.isVisible()) await choose.click();
  await button(role).click();
  const form = await fillForm(answers);
  await screen('questionnaire');

  // half-typed: a message in the composer and an answer not yet sent survive what comes in meanwhile
  const firstText = form.locator('.input.text input').first();
  await firstText.fill('half typed');
  await page.locator('#text').fill('I am still typ');
  await firstText.focus();
  // marks the form's drawing: a redrawn form would be a new element, without the mark
  await form.evaluate((n) => { n.dataset.probe = 'kept'; });
  // someone else gets an answer, and so does this very conversation (as if from another tab)
  await elsewhere({ user: 'coordinator', text: 'help' },
    page.locator('#person-list button', { hasText: 'Coordinator' }).locator('.badge'));
  const echoes = await page.locator('#messages .msg.mine .bubble', { hasText: exactly('help') }).count();
  await elsewhere({ user, text: 'help' }, page.locator('#messages .msg.mine .bubble', { hasText: exactly('help') }).nth(echoes));
  if (await firstText.inputValue() !== 'half typed') fail('a half-filled form lost its answer when messages came in');
  if (await form.getAttribute('data-probe') !== 'kept') fail('the form was redrawn when other messages came in');
  if (!(await firstText.evaluate((n) => n === document.activeElement))) fail('the field being filled lost the focus');
  if (await page.locator('#text').inputValue() !== 'I am still typ') fail('the composer lost what was being typed');
  await become('coordinator');
  if (await page.locator('#text').inputValue() === 'I am still typ') fail('the coordinator was handed ' + user + "'s draft");
  await become(user);
  if (await page.locator('#text').inputValue() !== 'I am still typ') fail(user + "'s draft was not kept for them");
  if (await firstText.inputValue() !== 'half typed') fail('the form lost its answer when switching people');
  await page.locator('#text').fill('');
  await firstText.fill('');
  step('a half-filled form and a half-typed message survive new messages and switching people');

  await fillForm(answers);
  await form.locator('button[type=submit]').click();
  await button('I agree').click();
  await sees('✓');
  const live = await page.locator('#messages .msg', { hasText: 'exactly who sees what' }).last()
    .locator('button:not([disabled])').count();
  if (live) fail('the consent, answered, still has ' + live + ' live buttons');
  await say('profile');
  await sees(answers.department);
  await screen('profile');
  step(user + ' joins ' + programme + ' as ' + role + ', answers, agrees and reads the profile');
}

// The page speaks the person's language: `language fr` switches its own words too, and the selector goes back.
async function languages(user) {
  await say('language fr');
  await page.locator('#composer button[type=submit]', { hasText: 'Envoyer' }).waitFor();
  if ((await page.locator('#locale').inputValue()) !== 'fr') fail('the language selector did not follow `language fr`');
  await page.locator('#conversations button', { hasText: 'Messages directs' }).waitFor();
  await say('profil');
  await sees('Service');
  // answered cards stay answered whatever is drawn again
  if (await page.locator('#messages .msg', { hasText: 'exactly who sees what' }).last().locator('button:not([disabled])').count()) {
    fail('an answered card came back live after the page changed language');
  }
  await screen('french');
  await page.locator('#locale').selectOption('en');
  await sees('I will speak English');
  await page.locator('#composer button[type=submit]', { hasText: 'Send' }).waitFor();
  step(user + ' switches to French with `language fr` (the page too) and back with the selector');
}

// Date and time fields: the browser's pickers, and the core receives yyyy-MM-dd and HH:mm.
async function workshopOnADate(programme) {
  await become('coordinator');
  await tab('#admin');
  await say('workshop ' + programme);
  const form = await fillForm({ title: 'Giving feedback', where: 'Room 4' });
  const year = new Date().getFullYear() + 1;   // in the future whenever the test runs
  await form.locator('input[type=date]').fill(year + '-01-14');
  await form.locator('input[type=time]').fill('17:30');
  await screen('workshop-form');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/webchat/inbound') && r.method() === 'POST');
  await form.locator('button[type=submit]').click();
  const values = JSON.parse((await sent).postData()).form.values;
  if (values.date !== year + '-01-14' || values.time !== '17:30') fail('the workshop form sent ' + JSON.stringify(values));
  await sees('January 14, ' + year + ', 5:30 PM');
  step('a date and a time are picked and sent as ' + values.date + ' ' + values.time);
}

// Matched, the pair meets in a group named after them, whose tab says what is unread there.
async function pairInAGroup(programme) {
  await become('coordinator');
  await tab('#admin');
  await say('match ' + programme);
  await button('Confirm').click();
  await sees('✓');
  await become('alice');
  await button('Ask Bob').click();
  await become('bob');
  await button('Accept').click();
  await become('alice');
  const group = page.locator('#conversations button', { hasText: 'Alice & Bob' });
  await group.locator('.badge').waitFor();
  await screen('pair-tab');
  await group.click();
  await sees('exploratory conversation');
  if (await group.locator('.badge').count()) fail('the group still counts unread messages once shown');
  await screen('pair-group');
  // each sees the other's profile in the group, privately
  await button("See each other's profile").click();
  await sees("Bob's profile");
  await screen('pair-profile');
  step('the pair\'s group tab is named Alice & Bob and counts what is unread; the profile is a button away');
}

// The dev clock ticks, and a conversation's tab says what is unread there.
async function clockAndUnread() {
  await become('coordinator');
  await tab('Direct messages');   // read what came before
  await tab('#admin');
  const direct = page.locator('#conversations button', { hasText: 'Direct messages' });
  await elsewhere({ user: 'coordinator', text: 'help' }, direct.locator('.badge', { hasText: exactly('1') }));
  await tab('Direct messages');
  if (await direct.locator('.badge').count()) fail('the unread count stayed after reading');
  if (width < 720) await page.locator('#open-sidebar').click();
  const clock = page.locator('#clock-now');
  await clock.waitFor();
  const before = await clock.textContent();
  await page.waitForTimeout(1200);
  if ((await clock.textContent()) === before) fail('the dev clock does not tick: ' + before);
  await screen('clock');
  if (width < 720) await page.locator('#close-sidebar').click();
  step('tabs count what is unread, the dev clock ticks');
}

async function walk(browser, w, h, plan) {
  width = w;
  shot = 0;
  const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(base + '/');
    await page.locator('#who', { hasText: 'Alice' }).waitFor();
    await page.locator('#messages .msg').first().waitFor();   // the first time, her welcome
    await screen('landing');
    await plan();
    if (errors.length) fail('the page threw: ' + errors.join('; '));
  } catch (e) {
    await page.screenshot({ path: path.join(shots, w + '-failed.png') }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const started = Date.now();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    await walk(browser, 390, 844, async () => {
      await coordinatorOpensAProgramme('Leadership mentoring', 'Leadership 2027');
      await workshopOnADate('Leadership 2027');
      await personJoins('alice', 'Leadership 2027', 'Mentee', { hopes: 'Lead my first team well', timeZone: 'Europe/Paris', department: 'Finance' });
      await languages('alice');
      await clockAndUnread();
    });
    await walk(browser, 1280, 800, async () => {
      await coordinatorOpensAProgramme('Career development', 'Careers 2027');
      await personJoins('bob', 'Leadership 2027', 'Mentor', { years: '12', capacity: '2', timeZone: 'Europe/Paris', department: 'Engineering' });
      await languages('bob');
      await pairInAGroup('Leadership 2027');
      await clockAndUnread();
    });
    console.log('the walk took ' + Math.round((Date.now() - started) / 1000) + ' s');
  } catch (e) {
    console.log('FAILED at ' + width + ' px: ' + e.message);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

if (require.main === module) main();
// for trying more by hand: the same steps on a page of one's own
module.exports = { use: (p, w, folder) => { page = p; width = w; shots = folder || shots; }, screen, say, button, become, tab, fillForm, sees, message, elsewhere, exactly };

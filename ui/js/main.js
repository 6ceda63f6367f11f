// Starts the UI: loads the core's labels once, then a tiny hash router over the screens that
// exist. Each screen module exports `title` and `render(container)`; the router moves focus to
// the new heading so screen readers announce the change. Before leaving a form with unsaved
// changes (another screen, another record, closing the window) it asks (leave-guard.js).

import { clearNotices, showError, showPendingFlash } from './notices.js';
import { loadLabels } from './labels.js';
import { mayLeave, releaseUnsaved, unsavedChanges } from './leave-guard.js';
import * as contacts from './views/contacts.js';
import * as contactForm from './views/contact-form.js';
import * as organisations from './views/organisations.js';
import * as contactImport from './views/import.js';
import * as districts from './views/districts.js';
import * as info from './views/info.js';
import * as sessions from './views/sessions.js';
import * as sessionForm from './views/session-form.js';
import * as actionItems from './views/action-items.js';
import * as papers from './views/papers.js';
import * as paper from './views/paper.js';
import * as settings from './views/settings.js';
import * as backup from './views/backup.js';
import * as privacy from './views/privacy.js';
import * as audit from './views/audit.js';
import * as help from './views/help.js';
import { call } from './api.js';
import { startReminders } from './reminders.js';
import { startGlobalSearch } from './global-search.js';
import { el, replaceChildren } from './dom.js';

// Start-up marks (ms since the page began loading), printed by `--startzeit-messen`.
const phases = [`module ${Math.round(performance.now())}`];
const mark = (name) => phases.push(`${name} ${Math.round(performance.now())}`);

// Problems the console would show (script errors, rejected promises, CSP violations) are also
// collected here so the end-to-end tests can assert there are none.
const problems = [];
window.__netzwerkmappeProblems = problems;
window.addEventListener('error', (e) => problems.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => problems.push(`rejection: ${String(e.reason && e.reason.message || e.reason)}`));
document.addEventListener('securitypolicyviolation', (e) => problems.push(`csp: ${e.violatedDirective} ${e.blockedURI}`));

// "#/kontakte" → the list; "#/kontakte/12" or "#/kontakte/neu" → the form (detail view).
const ROUTES = {
  kontakte: { list: contacts, detail: contactForm },
  organisationen: { list: organisations, detail: organisations },
  import: { list: contactImport },
  sitzungen: { list: sessions, detail: sessionForm },
  aufgaben: { list: actionItems },
  konzeptpapiere: { list: papers, detail: paper },
  kreise: { list: districts },
  info: { list: info },
  einstellungen: { list: settings },
  datensicherung: { list: backup, detail: backup },
  datenschutz: { list: privacy, detail: privacy },
  aenderungsprotokoll: { list: audit },
  hilfe: { list: help, detail: help },
};
const DEFAULT_ROUTE = 'kontakte';
let firstRender = true;

function currentRoute() {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const name = ROUTES[parts[0]] ? parts[0] : DEFAULT_ROUTE;
  const params = ROUTES[parts[0]] ? parts.slice(1) : [];
  return { name, params };
}

async function show() {
  const { name, params } = currentRoute();
  const route = ROUTES[name];
  const view = params.length > 0 && route.detail ? route.detail : route.list;
  for (const link of document.querySelectorAll('.app-nav__link')) {
    if (link.id === `nav-${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${view.title} – Netzwerkmappe`;
  window.scrollTo(0, 0);
  clearNotices();
  releaseUnsaved(); // the new screen registers its own form, if it has one
  const container = document.getElementById('ansicht');
  try {
    await loadLabels();
    if (firstRender) mark('labels');
    await view.render(container, params);
    if (firstRender) mark('render');
    showPendingFlash();
  } catch (error) {
    // Keep the screen's heading so the person knows where they are; the alert says what failed.
    replaceChildren(container, el('h1', { class: 'kern-heading-large', tabindex: '-1' }, view.title));
    showError(error);
  }
  if (!firstRender) {
    const heading = container.querySelector('h1');
    if (heading) heading.focus();
  }
  if (firstRender) {
    firstRender = false;
    reportFirstPaint();
    // After the first screen is on display, so reminders never delay it.
    startReminders();
  }
}

/** Tells the Rust side the first screen has its data on screen (used by the start-up benchmark). */
function reportFirstPaint() {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    mark('paint');
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) phases.push(`html ${Math.round(nav.responseEnd)}`);
    call('ui_ready', { stage: 'data', phases: phases.join(', ') }).catch(() => {});
  }));
}

document.getElementById('skip-link').addEventListener('click', (event) => {
  // The hash is the router's; move focus without touching it.
  event.preventDefault();
  document.getElementById('inhalt').focus();
});

// "Menü": where the navigation column is folded away (narrow window, large text; css/app.css),
// this button shows it as a band above the screen. Choosing a screen or Escape folds it again.
const menuToggle = document.getElementById('nav-umschalter');
const navigation = document.getElementById('hauptnavigation');
const showMenu = (open) => {
  menuToggle.setAttribute('aria-expanded', String(open));
  navigation.classList.toggle('is-open', open);
};
menuToggle.addEventListener('click', () => showMenu(menuToggle.getAttribute('aria-expanded') !== 'true'));
navigation.addEventListener('click', (event) => { if (event.target.closest('a')) showMenu(false); });
navigation.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || menuToggle.getAttribute('aria-expanded') !== 'true') return;
  showMenu(false);
  menuToggle.focus();
});

// The address the screen on display belongs to. A hash change the person does not confirm (unsaved
// changes) is undone with replaceState, which fires no second hashchange.
let shownHash = window.location.hash;

window.addEventListener('hashchange', async () => {
  if (window.location.hash === shownHash) return;
  if (!(await mayLeave())) {
    history.replaceState(null, '', shownHash || '#/kontakte');
    return;
  }
  shownHash = window.location.hash;
  show();
});

// Closing the window asks too. Listening needs only `core:event:allow-listen`; closing after
// "Änderungen verwerfen" needs `core:window:allow-destroy` (see capabilities/main.json). Without
// a listener Tauri would close at once; with it, Tauri leaves the decision to this handler.
const tauriWindow = window.__TAURI__?.window?.getCurrentWindow?.();
if (tauriWindow) {
  tauriWindow.onCloseRequested(async (event) => {
    if (!unsavedChanges()) return; // not prevented: Tauri closes the window
    event.preventDefault();
    if (await mayLeave()) await tauriWindow.destroy();
  }).catch((e) => problems.push(`close listener: ${String(e && e.message || e)}`));
}

startGlobalSearch();
startHelpKey();
show();
checkDataFile();

/**
 * F1 from anywhere opens the Hilfe at the chapter about the screen on display ("#/hilfe/sitzungen";
 * the minutes of a session: "protokoll"). Not while a modal question is open: it has to be
 * answered first. On the Hilfe itself F1 does nothing new.
 */
function startHelpKey() {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'F1' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    if (document.querySelector('dialog[open]')) return;
    const { name, params } = currentRoute();
    if (name === 'hilfe') return;
    const chapter = name === 'sitzungen' && params[1] === 'protokoll' ? 'protokoll' : name;
    window.location.hash = `#/hilfe/${chapter}`;
  });
}

const DAMAGE_PAGE = '#/datensicherung/beschaedigt';

/**
 * Asks once at start whether the data file was found damaged (then the damage page with its
 * choices replaces the first screen) and whether it lies somewhere risky (a lasting warning above
 * every screen). Runs beside the first screen, never before it. The daily background check may
 * find damage later; it then sends an event.
 */
async function checkDataFile() {
  try {
    const state = await call('startup_state');
    showDataWarnings(state.warnings);
    if (state.damaged && window.location.hash !== DAMAGE_PAGE) window.location.hash = DAMAGE_PAGE;
  } catch (error) {
    problems.push(`startup_state: ${String(error && error.message || error)}`);
  }
  const events = window.__TAURI__?.event;
  if (events) {
    events.listen('datendatei-beschaedigt', () => { window.location.hash = DAMAGE_PAGE; }).catch(() => {});
  }
}

function showDataWarnings(warnings) {
  if (!warnings || warnings.length === 0) return;
  const box = el('div', { class: 'kern-alert kern-alert--warning', role: 'note', id: 'daten-warnungen' },
    el('div', { class: 'kern-alert__header' },
      el('span', { class: 'kern-icon kern-icon--warning', 'aria-hidden': 'true' }),
      el('span', { class: 'kern-title' }, 'Hinweis zur Datendatei')),
    el('div', { class: 'kern-alert__body' }, warnings.map((w) => el('p', { class: 'kern-body' }, w))));
  const notices = document.getElementById('meldungen');
  notices.parentNode.insertBefore(box, notices);
}

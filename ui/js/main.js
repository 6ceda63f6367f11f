// Starts the UI: a tiny hash router over the screens that exist. Each screen module exports
// `title` and `render(container)`; the router moves focus to the new heading so screen readers
// announce the change.

import { clearNotices, showError, showPendingFlash } from './notices.js';
import * as contacts from './views/contacts.js';
import * as contactForm from './views/contact-form.js';
import * as organisations from './views/organisations.js';
import * as contactImport from './views/import.js';
import * as districts from './views/districts.js';
import * as info from './views/info.js';
import * as sessions from './views/sessions.js';
import * as sessionForm from './views/session-form.js';
import * as actionItems from './views/action-items.js';
import { call } from './api.js';
import { el, replaceChildren } from './dom.js';

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
  kreise: { list: districts },
  info: { list: info },
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
  const container = document.getElementById('ansicht');
  try {
    await view.render(container, params);
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
  }
}

/** Tells the Rust side the first screen is on screen (used by the start-up benchmark). */
function reportFirstPaint() {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    call('ui_ready').catch(() => {});
  }));
}

document.getElementById('skip-link').addEventListener('click', (event) => {
  // The hash is the router's; move focus without touching it.
  event.preventDefault();
  document.getElementById('inhalt').focus();
});

window.addEventListener('hashchange', show);
show();

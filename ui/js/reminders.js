// The Erinnerungen region at the top of the main area: reminders of sessions in the next days and
// of due or overdue tasks that no desktop notification showed (no notification service, or it
// did not answer; `src-tauri/reminders.rs`). Loaded after the first screen so it never delays it.
// "Erledigt – nicht mehr erinnern" records them as shown, so they do not come back after a restart.
// The region is one line ("Erinnerungen: 2 Aufgaben überfällig") with a disclosure button for the
// single reminders: every screen's own rows stay in view at 1366×768 (≥ 12 contact rows).
// "Schließen" hides it until the next start or until new reminders arrive.

import { call } from './api.js';
import { el, replaceChildren, setHidden } from './dom.js';

const REGION_ID = 'erinnerungen';

function region() {
  let section = document.getElementById(REGION_ID);
  if (!section) {
    section = el('section', {
      id: REGION_ID, class: 'app-reminders', role: 'region', 'aria-labelledby': 'erinnerungen-titel', hidden: true,
    });
    const main = document.getElementById('inhalt');
    main.insertBefore(section, main.firstChild);
  }
  return section;
}

/** Reminders closed with "Schließen" in this run: they stay away until the next start. */
const closed = new Set();

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The one-line summary, by kind: "1 Sitzung steht an, 2 Aufgaben überfällig". */
function summary(reminders) {
  const count = (kind) => reminders.filter((r) => r.kind === kind).length;
  const sessions = count('session');
  const due = count('action_item_due');
  const overdue = count('action_item_overdue');
  const parts = [
    sessions ? `${plural(sessions, 'Sitzung steht', 'Sitzungen stehen')} an` : null,
    due ? `${plural(due, 'Aufgabe', 'Aufgaben')} bald fällig` : null,
    overdue ? `${plural(overdue, 'Aufgabe', 'Aufgaben')} überfällig` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : plural(reminders.length, 'Erinnerung', 'Erinnerungen');
}

function hide(section) {
  section.hidden = true;
  replaceChildren(section);
  const view = document.querySelector('#ansicht h1');
  if (view) view.focus();
}

/** Loads the pending reminders and shows them (or hides the region when there are none). */
export async function loadReminders() {
  const section = region();
  let reminders;
  try {
    reminders = await call('pending_reminders');
  } catch {
    // Reminders are a help, not the work: a failure here must not disturb the screen.
    reminders = [];
  }
  if (reminders.length === 0 || reminders.every((r) => closed.has(r.key))) {
    section.hidden = true;
    replaceChildren(section);
    return;
  }
  const keys = reminders.map((r) => r.key);
  const list = el('ul', { class: 'app-reminders__list', id: 'erinnerungen-liste' },
    ...reminders.map((r) => el('li', { 'data-key': r.key }, r.text)));
  setHidden(list, true);
  const toggle = el('button', {
    type: 'button', class: 'agenda-move', id: 'erinnerungen-umschalten',
    'aria-expanded': 'false', 'aria-controls': 'erinnerungen-liste',
    onClick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      replaceChildren(toggle, open ? 'Einzeln ausblenden' : 'Einzeln anzeigen');
      setHidden(list, !open);
    },
  }, 'Einzeln anzeigen');
  replaceChildren(section,
    el('div', { class: 'app-reminders__bar' },
      el('h2', { class: 'app-reminders__title', id: 'erinnerungen-titel' }, 'Erinnerungen'),
      el('span', { class: 'app-reminders__summary', id: 'erinnerungen-zusammenfassung' }, `: ${summary(reminders)}`),
      el('span', { class: 'app-reminders__actions' },
        toggle,
        el('button', {
          type: 'button', class: 'agenda-move', id: 'erinnerungen-erledigt',
          onClick: async () => {
            try {
              await call('acknowledge_reminders', { keys });
            } catch {
              return; // stays visible; the next load offers it again
            }
            hide(section);
          },
        }, 'Erledigt – nicht mehr erinnern'),
        el('button', {
          type: 'button', class: 'agenda-move', id: 'erinnerungen-schliessen',
          'aria-label': 'Erinnerungen schließen (bis zum nächsten Start)',
          onClick: () => { keys.forEach((k) => closed.add(k)); hide(section); },
        }, 'Schließen'))),
    list);
  section.hidden = false;
}

/** Shows the reminders now and again whenever the shell has checked for new ones. */
export function startReminders() {
  loadReminders();
  const events = window.__TAURI__?.event;
  if (events) events.listen('erinnerungen-geaendert', () => loadReminders()).catch(() => {});
}

// The Erinnerungen region at the top of the main area: reminders of sessions in the next days and
// of due or overdue tasks that no desktop notification showed (no notification service, or it
// did not answer; `src-tauri/reminders.rs`). Loaded after the first screen so it never delays it.
// "Erledigt – nicht mehr erinnern" records them as shown, so they do not come back after a restart.

import { call } from './api.js';
import { button } from './controls.js';
import { el, replaceChildren } from './dom.js';

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
  if (reminders.length === 0) {
    section.hidden = true;
    replaceChildren(section);
    return;
  }
  const keys = reminders.map((r) => r.key);
  replaceChildren(section,
    el('h2', { class: 'kern-heading-small', id: 'erinnerungen-titel' }, 'Erinnerungen'),
    el('ul', { class: 'app-reminders__list', id: 'erinnerungen-liste' },
      ...reminders.map((r) => el('li', { 'data-key': r.key }, r.text))),
    button({
      label: 'Erledigt – nicht mehr erinnern', id: 'erinnerungen-erledigt',
      onClick: async () => {
        try {
          await call('acknowledge_reminders', { keys });
        } catch {
          return; // stays visible; the next load offers it again
        }
        section.hidden = true;
        replaceChildren(section);
        const view = document.querySelector('#ansicht h1');
        if (view) view.focus();
      },
    }));
  section.hidden = false;
}

/** Shows the reminders now and again whenever the shell has checked for new ones. */
export function startReminders() {
  loadReminders();
  const events = window.__TAURI__?.event;
  if (events) events.listen('erinnerungen-geaendert', () => loadReminders()).catch(() => {});
}

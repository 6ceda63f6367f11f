// Screen "Aufgaben" (Aufgabenübersicht, Beschlusskontrolle): the action items of all minutes,
// open ones by due date first (overdue on top), then done ones; narrowed by session, person,
// organisation (its own tasks and its people's) and "nur überfällige"; "Erledigt" marks one done
// from here (following up is not editing the minutes, so this works on approved minutes too).

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { formatDate } from '../format.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { picker } from '../picker.js';

export const title = 'Aufgaben';

/** The filters; kept while the app runs, so coming back from a session's minutes keeps them. */
const state = { session: null, person: null, organisation: null, status: 'offen', overdue_only: false };

export async function render(container) {
  // Session, person and organisation are found by typing (pickers over the search index), so the
  // screen does not load every session and contact into selects.
  const filterPicker = (key, name, label, kind) => {
    const p = picker({ name, label, kinds: [kind], compact: true, optional: false, hint: 'Tippen, mit ↓ wählen, Enter übernimmt.',
      onChange: (chosen) => { state[key] = chosen[0] || null; refresh(); } });
    if (state[key]) p.set([state[key]]);
    return p;
  };
  const status = el('select', { class: 'kern-form-input__select', id: 'aufgaben-status',
    onChange: (e) => { state.status = e.target.value; refresh(); } },
  [['', 'alle'], ['offen', 'offen'], ['erledigt', 'erledigt']].map(([v, t]) => el('option', { value: v }, t)));
  status.value = state.status;
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body' }, 'Alle Aufgaben aus den Protokollen (Beschlusskontrolle). „Erledigt“ hakt eine Aufgabe ab, auch wenn ihr Protokoll schon freigegeben ist.'),
    el('div', { class: 'filters', id: 'aufgaben-filter' },
      el('div', { class: 'kern-form-input' },
        el('label', { class: 'kern-label', for: 'aufgaben-status' }, 'Status'),
        el('div', { class: 'kern-form-input__select-wrapper' }, status)),
      filterPicker('person', 'aufgaben-person', 'Zuständige Person', 'contact'),
      filterPicker('organisation', 'aufgaben-organisation', 'Organisation', 'organisation'),
      filterPicker('session', 'aufgaben-sitzung', 'Sitzung', 'session')),
    el('div', { class: 'kern-form-check' },
      el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: 'aufgaben-ueberfaellig', checked: state.overdue_only,
        onChange: (e) => { state.overdue_only = e.target.checked; refresh(); } }),
      el('label', { class: 'kern-label', for: 'aufgaben-ueberfaellig' }, 'Nur überfällige')),
    el('p', { class: 'kern-body status', id: 'aufgaben-anzahl', role: 'status' }),
    el('div', { id: 'aufgaben-liste' }));
  await refresh();
}

/** Counts refreshes, so an answer overtaken by a later filter change is dropped. */
let requestNumber = 0;

async function refresh(focusId) {
  const mine = ++requestNumber;
  try {
    const rows = await call('list_action_items', { filter: {
      session_id: state.session?.id ?? null, owner_contact_id: state.person?.id ?? null,
      owner_organisation_id: state.organisation?.id ?? null,
      status: state.status === '' ? null : state.status, overdue_only: state.overdue_only,
    } });
    if (mine !== requestNumber) return;
    const overdue = rows.filter((r) => r.overdue).length;
    replaceChildren(document.getElementById('aufgaben-anzahl'),
      `${rows.length === 1 ? '1 Aufgabe' : `${rows.length} Aufgaben`}${overdue ? `, davon ${overdue} überfällig` : ''}`);
    replaceChildren(document.getElementById('aufgaben-liste'), rows.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Aufgaben.')
      : el('table', { class: 'kern-table participant-table', id: 'aufgaben-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Aufgaben'),
        el('thead', {}, el('tr', {}, ['Aufgabe', 'Zuständig', 'Fällig', 'Status', 'Sitzung', 'Aktion'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', { id: 'aufgaben-zeilen' }, rows.map(row))));
    if (focusId) (document.getElementById(focusId) || document.getElementById('aufgaben-anzahl'))?.focus();
  } catch (error) {
    showError(error);
  }
}

function row(a) {
  const status = a.status === 'erledigt' ? `erledigt${a.done_date ? ` am ${formatDate(a.done_date)}` : ''}` : (a.overdue ? 'überfällig' : 'offen');
  return el('tr', { 'data-id': a.id, class: a.overdue ? 'overdue' : null },
    el('th', { scope: 'row' }, a.what),
    el('td', {}, a.owner_name || ''),
    el('td', {}, a.due_date ? formatDate(a.due_date) : ''),
    el('td', {}, status),
    el('td', {}, el('a', { class: 'row-link', href: `#/sitzungen/${a.session_id}/protokoll` }, `${a.session_title} (${formatDate(a.session_date)})`)),
    el('td', {}, el('button', { type: 'button', class: 'agenda-move', id: `aufgabe-${a.id}-status`,
      'aria-label': a.status === 'offen' ? `„${a.what}“ als erledigt markieren` : `„${a.what}“ wieder öffnen`,
      onClick: () => toggle(a) }, a.status === 'offen' ? 'Erledigt' : 'Wieder öffnen')));
}

async function toggle(a) {
  clearNotices();
  try {
    const status = a.status === 'offen' ? 'erledigt' : 'offen';
    await call('set_action_item_status', { id: a.id, status, doneOn: null, expectedVersion: a.version });
    showSuccess(status === 'erledigt' ? `„${a.what}“ ist erledigt.` : `„${a.what}“ ist wieder offen.`);
    await refresh(`aufgabe-${a.id}-status`);
  } catch (error) {
    showError(error);
  }
}

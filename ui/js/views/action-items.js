// Screen "Aufgaben" (Aufgabenübersicht, Beschlusskontrolle): the action items of all minutes,
// open ones by due date first (overdue on top), then done ones; narrowed by session, person and
// "nur überfällige"; "Erledigt" marks one done from here (following up is not editing the minutes,
// so this works on approved minutes too).

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { formatDate } from '../format.js';
import { clearNotices, showError, showSuccess } from '../notices.js';

export const title = 'Aufgaben';

const state = { session_id: '', owner_contact_id: '', status: 'offen', overdue_only: false };

export async function render(container) {
  const [sessions, contacts] = await Promise.all([
    call('list_sessions', { filter: {} }),
    call('list_contacts', { filter: {} }),
  ]);
  const select = (id, label, key, options, all = 'Alle') => {
    const input = el('select', { class: 'kern-form-input__select', id, onChange: (e) => { state[key] = e.target.value; refresh(); } },
      el('option', { value: '' }, all),
      options.map(([v, t]) => el('option', { value: v }, t)));
    input.value = String(state[key]);
    return el('div', { class: 'kern-form-input' },
      el('label', { class: 'kern-label', for: id }, label),
      el('div', { class: 'kern-form-input__select-wrapper' }, input));
  };
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('div', { class: 'filters' },
      select('aufgaben-status', 'Status', 'status', [['offen', 'offen'], ['erledigt', 'erledigt']], 'alle'),
      select('aufgaben-sitzung', 'Sitzung', 'session_id', sessions.map((s) => [s.id, `${s.title} (${formatDate(s.date)})`])),
      select('aufgaben-person', 'Zuständig', 'owner_contact_id',
        contacts.map((c) => [c.id, [c.first_name, c.last_name].filter(Boolean).join(' ')]))),
    el('div', { class: 'kern-form-check' },
      el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: 'aufgaben-ueberfaellig', checked: state.overdue_only,
        onChange: (e) => { state.overdue_only = e.target.checked; refresh(); } }),
      el('label', { class: 'kern-label', for: 'aufgaben-ueberfaellig' }, 'Nur überfällige')),
    el('p', { class: 'kern-body status', id: 'aufgaben-anzahl', role: 'status' }),
    el('div', { id: 'aufgaben-liste' }));
  await refresh();
}

async function refresh(focusId) {
  const num = (v) => (v === '' ? null : Number(v));
  try {
    const rows = await call('list_action_items', { filter: {
      session_id: num(state.session_id), owner_contact_id: num(state.owner_contact_id),
      status: state.status === '' ? null : state.status, overdue_only: state.overdue_only,
    } });
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

// Teilnehmende of a session: add one person or a whole set (a group, a Regierungsbezirk, a Kreis,
// an organisation kind, everyone of the 44 Stadt- und Landkreise), then keep their status and,
// after the session, tick attendance in a checklist that works by keyboard alone (Tab to a box,
// Space to tick; each change is saved at once). Names stay as they were on the day (core).

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { organisationKinds } from '../labels.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { picker } from '../picker.js';

const STATUSES = [
  ['eingeladen', 'eingeladen'], ['zugesagt', 'zugesagt'], ['abgesagt', 'abgesagt'],
  ['teilgenommen', 'teilgenommen'], ['entschuldigt', 'entschuldigt'],
];

const SET_KINDS = [
  ['contacts', 'Einzelne Person'],
  ['group', 'Alle einer Gruppe'],
  ['region', 'Alle eines Regierungsbezirks'],
  ['district', 'Alle eines Stadt-/Landkreises'],
  ['organisation_kind', 'Alle einer Organisationsart'],
  ['all_districts', 'Alle aus den 44 Stadt- und Landkreisen'],
];

export async function renderParticipants(section, session) {
  const locked = session.minutes_status === 'freigegeben';
  const [participants, groups, regions, districts] = await Promise.all([
    call('list_participants', { session: session.id }),
    call('list_groups'),
    call('list_regions'),
    call('list_districts', { filter: { region_code: null } }),
  ]);
  let list = participants;
  /** Status before "anwesend" was ticked on this screen, so unticking a slip restores it. */
  const before = new Map();

  const options = {
    group: groups.map((g) => [g, g]),
    region: regions.map((r) => [r.code, r.name]),
    district: districts.map((d) => [d.ags, d.name]),
    organisation_kind: organisationKinds(),
    all_districts: [],
  };
  const kindSelect = el('select', { class: 'kern-form-input__select', id: 'teilnehmende-art', onChange: fillValues },
    SET_KINDS.map(([v, t]) => el('option', { value: v }, t)));
  const valueSelect = el('select', { class: 'kern-form-input__select', id: 'teilnehmende-wert' });
  // Single people are found by typing (a select of every contact is slow with thousands).
  const people = picker({ name: 'teilnehmende-personen', label: 'Personen', multiple: true, optional: false });
  const valueLabel = el('label', { class: 'kern-label', for: 'teilnehmende-wert' }, 'Person');
  const valueField = el('div', { class: 'kern-form-input', id: 'teilnehmende-wert-feld' }, valueLabel,
    el('div', { class: 'kern-form-input__select-wrapper' }, valueSelect));

  const addForm = el('form', { class: 'record-form', id: 'teilnehmende-formular', onSubmit: (e) => { e.preventDefault(); add(); } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Teilnehmende hinzufügen'),
      el('div', { class: 'form-grid' },
        el('div', { class: 'kern-form-input' },
          el('label', { class: 'kern-label', for: 'teilnehmende-art' }, 'Wen hinzufügen?'),
          el('div', { class: 'kern-form-input__select-wrapper' }, kindSelect)),
        valueField),
      people,
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'teilnehmende-hinzufuegen' },
          el('span', { class: 'kern-label' }, 'Hinzufügen')))));

  replaceChildren(section,
    el('h2', { class: 'kern-heading-medium', id: 'teilnehmende-titel' }, 'Teilnehmende und Anwesenheit'),
    el('p', { class: 'kern-body', id: 'teilnehmende-status', role: 'status' }),
    locked ? null : addForm,
    el('div', { id: 'teilnehmende-liste' }));
  fillValues();
  draw();

  function fillValues() {
    const kind = kindSelect.value;
    const labels = { contacts: 'Person', group: 'Gruppe', region: 'Regierungsbezirk', district: 'Stadt-/Landkreis', organisation_kind: 'Organisationsart' };
    setHidden(valueField, kind === 'all_districts' || kind === 'contacts');
    setHidden(people, kind !== 'contacts');
    replaceChildren(valueLabel, labels[kind] || '');
    replaceChildren(valueSelect, (options[kind] || []).map(([v, t]) => el('option', { value: v }, t)));
  }

  async function add() {
    clearNotices();
    const kind = kindSelect.value;
    const chosen = people.value().map((c) => c.id);
    if (kind === 'contacts' ? chosen.length === 0 : (kind !== 'all_districts' && valueSelect.value === '')) {
      showError({ code: 'Validation', message: 'Bitte wählen Sie aus, wen Sie hinzufügen möchten.' });
      (kind === 'contacts' ? people.input : valueSelect).focus();
      return;
    }
    const set = kind === 'all_districts' ? { set: 'all_districts' }
      : kind === 'contacts' ? { set: 'contacts', value: chosen }
        : { set: kind, value: valueSelect.value };
    try {
      const added = await call('add_participants', { session: session.id, set });
      list = await call('list_participants', { session: session.id });
      people.clear();
      draw();
      const who = added.added === 1 ? '1 Person wurde' : `${added.added} Personen wurden`;
      const already = added.already > 0 ? ` ${added.already} ${added.already === 1 ? 'stand' : 'standen'} schon auf der Liste.` : '';
      showSuccess(`${who} hinzugefügt.${already}`);
    } catch (error) {
      showError(error);
    }
  }

  function draw() {
    const attended = list.filter((p) => p.status === 'teilgenommen').length;
    const text = list.length === 0 ? 'Noch niemand eingeladen.'
      : `${list.length} Teilnehmende, davon ${attended} anwesend.`;
    const status = document.getElementById('teilnehmende-status');
    if (status.textContent !== text) replaceChildren(status, text);
    const box = document.getElementById('teilnehmende-liste');
    if (list.length === 0) {
      replaceChildren(box);
      return;
    }
    replaceChildren(box, el('table', { class: 'kern-table participant-table', id: 'teilnehmende-tabelle' },
      el('caption', { class: 'kern-sr-only' }, 'Teilnehmende und Anwesenheit'),
      el('thead', {}, el('tr', {},
        ['Anwesend', 'Name', 'Organisation', 'Status', locked ? null : 'Liste'].filter(Boolean).map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', { id: 'teilnehmende-zeilen' }, list.map(row))));
  }

  function row(p) {
    const boxId = `anwesend-${p.id}`;
    const statusId = `status-${p.id}`;
    return el('tr', { 'data-id': p.id },
      el('td', { class: 'attendance-cell' },
        el('input', { type: 'checkbox', id: boxId, class: 'attendance-box', checked: p.status === 'teilgenommen', disabled: locked,
          onChange: (e) => setStatus(p, e.target.checked ? 'teilgenommen' : (before.get(p.id) || 'zugesagt'), boxId) }),
        el('label', { class: 'kern-sr-only', for: boxId }, `${p.name} war anwesend`)),
      el('th', { scope: 'row' }, p.name, p.function ? el('span', { class: 'participant-function' }, p.function) : null),
      el('td', {}, p.organisation || ''),
      el('td', {},
        el('label', { class: 'kern-sr-only', for: statusId }, `Status von ${p.name}`),
        el('select', { id: statusId, class: 'participant-status', disabled: locked, onChange: (e) => setStatus(p, e.target.value, statusId) },
          STATUSES.map(([v, t]) => el('option', { value: v, selected: v === p.status }, t)))),
      locked ? null : el('td', {}, el('button', { type: 'button', class: 'agenda-move', id: `entfernen-${p.id}`,
        'aria-label': `${p.name} von der Liste nehmen`, onClick: () => remove(p) }, 'Entfernen')));
  }

  async function remove(p) {
    clearNotices();
    const index = list.indexOf(p);
    try {
      await call('remove_participant', { session: session.id, participant: p.id });
      list = await call('list_participants', { session: session.id });
      draw();
      showSuccess(`${p.name} steht nicht mehr auf der Liste.`);
      // Focus to the row that took its place (or the list's status when it was the last).
      const next = list[Math.min(index, list.length - 1)];
      (next ? document.getElementById(`entfernen-${next.id}`) : document.getElementById('teilnehmende-art'))?.focus();
    } catch (error) {
      showError(error);
    }
  }

  async function setStatus(p, status, focusId) {
    clearNotices();
    if (status === 'teilgenommen' && p.status !== 'teilgenommen') before.set(p.id, p.status);
    try {
      list = await call('set_participant_status', { session: session.id, changes: [[p.id, status]] });
      draw();
      document.getElementById(focusId)?.focus();
    } catch (error) {
      showError(error);
      draw();
      document.getElementById(focusId)?.focus();
    }
  }
}

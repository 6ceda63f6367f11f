// The Tagesordnung of a session: numbered TOPs (TOP 3, TOP 3.1) with their running clock times,
// added with a small form and moved by buttons that say what they do ("TOP 3 nach oben"), so the
// order can be changed by keyboard alone. Numbering and times come from the core after each change;
// focus stays on the moved TOP's button (or its title when that button no longer applies).

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { clearFieldErrors, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { protectUnsaved } from '../leave-guard.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { picker } from '../picker.js';
import { sessionPapers } from './session-papers.js';

const MOVES = [
  ['up', 'Nach oben', (n) => `TOP ${n} nach oben verschieben`],
  ['down', 'Nach unten', (n) => `TOP ${n} nach unten verschieben`],
  ['indent', 'Einrücken', (n) => `TOP ${n} als Unterpunkt des TOPs darüber einrücken`],
  ['outdent', 'Ausrücken', (n) => `TOP ${n} als eigenen TOP ausrücken`],
];

export async function renderAgenda(section, session) {
  const locked = session.minutes_status === 'freigegeben';
  let items = await call('list_agenda', { session: session.id });
  /** The TOP being edited in the form, or null while the form adds a new one. */
  let editing = null;

  const f = {
    title: textField({ name: 'top-titel', label: 'Titel des TOPs', required: true }),
    minutes: textField({ name: 'top-minuten', label: 'Geplante Minuten', hint: 'z. B. 20' }),
    description: textArea({ name: 'top-beschreibung', label: 'Beschreibung' }),
  };
  f.minutes.input.setAttribute('inputmode', 'numeric');
  f.minutes.input.dataset.label = 'Geplante Minuten';
  const parentSelect = el('select', { class: 'kern-form-input__select', id: 'top-unter', 'data-label': 'Unterpunkt von' });
  // Several people may be responsible for a TOP; found by typing, not from a list of every contact.
  const responsible = picker({ name: 'top-verantwortlich', label: 'Verantwortlich', multiple: true });
  const legend = el('legend', { class: 'kern-label kern-label--large' }, 'TOP hinzufügen');
  const submitLabel = el('span', { class: 'kern-label' }, 'TOP hinzufügen');
  const cancelEdit = el('button', { type: 'button', class: 'kern-btn kern-btn--secondary is-hidden', id: 'top-bearbeiten-abbrechen',
    onClick: () => stopEditing(true) }, el('span', { class: 'kern-label' }, 'Bearbeiten abbrechen'));
  const form = el('form', { class: 'record-form', id: 'top-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); add(); } },
    el('fieldset', { class: 'kern-fieldset' }, legend,
      el('div', { class: 'form-grid' }, f.title, f.minutes,
        el('div', { class: 'kern-form-input', id: 'top-unter-feld' },
          el('label', { class: 'kern-label', for: 'top-unter' }, 'Einordnen'),
          el('div', { class: 'kern-form-input__select-wrapper' }, parentSelect))),
      responsible,
      f.description,
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'top-hinzufuegen' }, submitLabel),
        cancelEdit,
        el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'top-genehmigung', onClick: addApproval },
          el('span', { class: 'kern-label' }, 'TOP „Genehmigung des Protokolls der letzten Sitzung“ einfügen')))));

  replaceChildren(section,
    el('h2', { class: 'kern-heading-medium', id: 'tagesordnung-titel' }, 'Tagesordnung'),
    el('p', { class: 'kern-body', id: 'tagesordnung-status', role: 'status' }),
    el('div', { id: 'tagesordnung-liste' }),
    locked ? el('p', { class: 'kern-body' }, 'Das Protokoll ist freigegeben: Die Tagesordnung kann nicht mehr geändert werden.') : form,
    sessionPapers(session.id));
  // A TOP typed (or changed) but not yet added/saved would be lost by leaving: leaving asks first.
  const changes = trackChanges(() => [f.title.input.value, f.minutes.input.value, f.description.input.value,
    responsible.value().map((c) => c.id)]);
  if (!locked) protectUnsaved(changes.isDirty, 'tagesordnung');
  draw();

  function draw(focus) {
    const tops = items.filter((i) => i.parent_id === null);
    replaceChildren(parentSelect, el('option', { value: '' }, 'als neuen TOP am Ende'),
      tops.map((t) => el('option', { value: t.id }, `als Unterpunkt von TOP ${t.number}: ${t.title}`)));
    const planned = items.reduce((sum, i) => sum + (i.planned_minutes || 0), 0);
    const count = tops.length === 1 ? '1 TOP' : `${tops.length} TOPs`;
    replaceChildren(document.getElementById('tagesordnung-status'),
      items.length === 0 ? 'Noch keine TOPs.' : `${count}, geplant ${planned} Minuten ab ${session.start_time} Uhr.`);
    const list = document.getElementById('tagesordnung-liste');
    if (items.length === 0) {
      replaceChildren(list);
      return;
    }
    replaceChildren(list, el('table', { class: 'kern-table agenda-table', id: 'tagesordnung-tabelle' },
      el('caption', { class: 'kern-sr-only' }, 'Tagesordnung'),
      el('thead', {}, el('tr', {},
        ['TOP', 'Uhrzeit', 'Titel', 'Minuten', locked ? null : 'Ändern'].filter(Boolean)
          .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', { id: 'tagesordnung-zeilen' }, items.map((item, index) => row(item, index)))));
    if (focus) {
      const target = document.getElementById(`top-${focus.id}-${focus.how}`);
      if (target && !target.disabled) target.focus();
      else document.getElementById(`top-${focus.id}-titel`)?.focus();
    }
  }

  function row(item, index) {
    const sub = item.parent_id !== null;
    const siblings = items.filter((i) => i.parent_id === item.parent_id);
    const place = siblings.indexOf(item);
    const possible = {
      up: place > 0,
      down: place < siblings.length - 1,
      // Only a TOP with a TOP above it and no sub-items of its own can become a sub-item.
      indent: !sub && place > 0 && !items.some((i) => i.parent_id === item.id),
      outdent: sub,
    };
    return el('tr', { 'data-id': item.id, class: sub ? 'agenda-sub' : null, 'data-index': index },
      el('td', {}, `TOP ${item.number}`),
      el('td', {}, item.clock_time ? `${item.clock_time} Uhr` : ''),
      el('th', { scope: 'row', class: 'agenda-title' },
        el('span', { id: `top-${item.id}-titel`, tabindex: '-1' }, item.title),
        item.responsible.length ? el('span', { class: 'agenda-description' }, `Verantwortlich: ${item.responsible.map((r) => r.name).join(', ')}`) : null,
        item.description ? el('span', { class: 'agenda-description' }, item.description) : null),
      el('td', {}, item.planned_minutes === null || item.planned_minutes === undefined ? '' : String(item.planned_minutes)),
      locked ? null : el('td', { class: 'agenda-moves' },
        MOVES.map(([how, label, aria]) => el('button', {
          type: 'button', class: 'agenda-move', id: `top-${item.id}-${how}`, 'aria-label': aria(item.number),
          disabled: !possible[how], onClick: () => move(item, how),
        }, label)),
        el('button', { type: 'button', class: 'agenda-move', id: `top-${item.id}-bearbeiten`,
          'aria-label': `TOP ${item.number} bearbeiten`, onClick: () => startEditing(item) }, 'Bearbeiten'),
        el('button', { type: 'button', class: 'agenda-move', id: `top-${item.id}-loeschen`,
          'aria-label': `TOP ${item.number} löschen`, onClick: () => remove(item) }, 'Löschen')));
  }

  async function move(item, how) {
    clearNotices();
    try {
      items = await call('move_agenda_item', { id: item.id, how });
      draw({ id: item.id, how });
      const moved = items.find((i) => i.id === item.id);
      if (moved) showSuccess(`„${moved.title}“ ist jetzt TOP ${moved.number}.`);
    } catch (error) {
      showError(error);
    }
  }

  async function remove(item) {
    clearNotices();
    try {
      items = await call('delete_agenda_item', { id: item.id });
      draw();
      showSuccess(`TOP „${item.title}“ wurde entfernt.`);
      f.title.input.focus();
    } catch (error) {
      showError(error);
    }
  }

  /** TOP 1 linked to the latest earlier draft minutes: its decision approves them (core). */
  async function addApproval() {
    clearNotices();
    try {
      const added = await call('add_minutes_approval_item', { session: session.id });
      items = await call('list_agenda', { session: session.id });
      draw();
      showSuccess(`„${added.title}“ steht jetzt als TOP 1 auf der Tagesordnung.`);
      document.getElementById(`top-${added.id}-titel`)?.focus();
    } catch (error) {
      showError(error);
    }
  }

  /** Fills the form with the TOP's values; saving then changes it instead of adding one. */
  function startEditing(item) {
    clearNotices();
    clearFieldErrors(form);
    editing = item;
    f.title.input.value = item.title;
    f.minutes.input.value = item.planned_minutes ?? '';
    f.description.input.value = item.description ?? '';
    responsible.set(item.responsible.map((r) => ({ kind: 'contact', id: r.contact_id, label: r.name })));
    replaceChildren(legend, `TOP ${item.number} bearbeiten`);
    replaceChildren(submitLabel, 'Änderungen speichern');
    setHidden(document.getElementById('top-unter-feld'), true);
    setHidden(cancelEdit, false);
    changes.markSaved();
    f.title.input.focus();
  }

  function stopEditing(backToRow) {
    const was = editing;
    editing = null;
    f.title.input.value = '';
    f.minutes.input.value = '';
    f.description.input.value = '';
    responsible.clear();
    replaceChildren(legend, 'TOP hinzufügen');
    replaceChildren(submitLabel, 'TOP hinzufügen');
    setHidden(document.getElementById('top-unter-feld'), false);
    setHidden(cancelEdit, true);
    changes.markSaved();
    if (backToRow && was) document.getElementById(`top-${was.id}-bearbeiten`)?.focus();
  }

  async function add() {
    clearFieldErrors(form);
    clearNotices();
    const minutesText = f.minutes.input.value.trim();
    if (minutesText !== '' && !/^\d+$/.test(minutesText)) {
      const message = `„${minutesText}“ ist keine Zahl. Bitte geben Sie ganze Minuten an, z. B. 20.`;
      showFieldErrors(form, { code: 'Validation', message, fields: [{ field: 'Geplante Minuten', message }] });
      return;
    }
    const input = {
      title: f.title.input.value,
      description: f.description.input.value.trim() === '' ? null : f.description.input.value,
      planned_minutes: minutesText === '' ? null : Number(minutesText),
      parent_id: parentSelect.value === '' ? null : Number(parentSelect.value),
      responsible_contact_ids: responsible.value().map((c) => c.id),
    };
    if (editing) {
      input.expected_version = editing.version;
      try {
        const saved = await call('update_agenda_item', { id: editing.id, input });
        items = await call('list_agenda', { session: session.id });
        stopEditing(false);
        draw();
        const shown = items.find((i) => i.id === saved.id) || saved;
        showSuccess(`TOP ${shown.number} „${shown.title}“ wurde geändert.`);
        document.getElementById(`top-${saved.id}-bearbeiten`)?.focus();
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
      return;
    }
    try {
      const added = await call('add_agenda_item', { session: session.id, input });
      items = await call('list_agenda', { session: session.id });
      f.title.input.value = '';
      f.minutes.input.value = '';
      f.description.input.value = '';
      responsible.clear();
      changes.markSaved();
      draw();
      const shown = items.find((i) => i.id === added.id) || added;
      showSuccess(`TOP ${shown.number} „${shown.title}“ wurde hinzugefügt.`);
      f.title.input.focus();
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
}

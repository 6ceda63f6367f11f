// Screen "Änderungsprotokoll": who approved, corrected, deleted, imported, restored or erased what
// and when, newest first. Filters by kind, period and text; pages of 200 entries with "Weitere
// Einträge laden" (the core pages below the last id, so 10,000 entries cost one page at a time).
// Rows are plain table rows with `row-link` links (long lists never get per-row KERN components).

import { call } from '../api.js';
import { button, filterSelect } from '../controls.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { clearFieldErrors, showFieldErrors, textField } from '../form.js';
import { formatDateTime, formatNumber } from '../format.js';
import { auditActions, formatCount } from '../labels.js';
import { clearNotices, showError } from '../notices.js';

export const title = 'Änderungsprotokoll';

const state = { action: '', from: '', to: '', text: '' };

export async function render(container) {
  const from = textField({ name: 'protokoll-von', label: 'Von', value: state.from, hint: 'TT.MM.JJJJ' });
  const to = textField({ name: 'protokoll-bis', label: 'Bis', value: state.to, hint: 'TT.MM.JJJJ' });
  const text = textField({ name: 'protokoll-suche', label: 'Suchtext', value: state.text });
  const kind = filterSelect({
    id: 'protokoll-art', label: 'Art', options: auditActions(), value: state.action, allLabel: 'Alle Arten',
    onChange: (value) => { state.action = value; load(); },
  });
  const form = el('form', {
    class: 'filters', id: 'protokoll-filter', novalidate: true,
    onSubmit: (e) => {
      e.preventDefault();
      state.from = from.input.value.trim();
      state.to = to.input.value.trim();
      state.text = text.input.value.trim();
      load();
    },
  }, kind, from, to, text,
  el('div', { class: 'form-actions' }, button({ label: 'Filtern', variant: 'secondary', id: 'protokoll-filtern', type: 'submit' })));

  const more = button({ label: 'Weitere Einträge laden', id: 'protokoll-mehr', onClick: () => load(true) });
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body' },
      'Freigaben, Nachträge, Löschungen, Importe, Sicherungen, Wiederherstellungen und Löschungen nach Art. 17 DSGVO '
      + 'werden hier mit Zeitpunkt und Name festgehalten. Der Name kommt aus den Einstellungen, sonst aus der Anmeldung am Computer.'),
    form,
    el('p', { class: 'kern-body status', id: 'protokoll-anzahl', role: 'status' }),
    el('table', { class: 'kern-table participant-table', id: 'protokoll-tabelle' },
      el('caption', { class: 'kern-sr-only' }, title),
      el('thead', {}, el('tr', {}, ['Zeitpunkt', 'Wer', 'Art', 'Was'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', { id: 'protokoll-zeilen' })),
    more);

  let nextBefore = null;
  let shown = 0;

  async function load(append = false) {
    clearNotices();
    clearFieldErrors(form);
    try {
      const page = await call('list_audit', { filter: {
        action: state.action || null, from: state.from || null, to: state.to || null,
        text: state.text || null, before_id: append ? nextBefore : null,
      } });
      const body = document.getElementById('protokoll-zeilen');
      if (!append) { replaceChildren(body); shown = 0; }
      body.append(...page.entries.map(row));
      shown += page.entries.length;
      nextBefore = page.next_before_id;
      replaceChildren(document.getElementById('protokoll-anzahl'), page.total === 0
        ? 'Keine Einträge.'
        : `${formatCount(page.total, 'eintrag')}${shown < page.total ? `, die neuesten ${formatNumber(shown)} angezeigt` : ''}`);
      setHidden(more, nextBefore === null);
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
  await load();
}

function row(e) {
  const target = e.record === 'session' || e.record === 'minutes'
    ? `#/sitzungen/${e.record_id}${e.record === 'minutes' ? '/protokoll' : ''}`
    : null;
  return el('tr', { 'data-id': e.id, 'data-action': e.action },
    el('td', {}, formatDateTime(e.at)),
    el('td', {}, e.user),
    el('td', {}, e.action_label),
    el('td', {}, target && e.action !== 'deleted' ? el('a', { class: 'row-link', href: target }, e.summary) : e.summary));
}

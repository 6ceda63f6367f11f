// The versions of a Konzeptpapier (open, compare two, restore one) and its status with the
// history ("beschlossen" names a Beschluss of a session).

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textField } from '../form.js';
import { formatDate, formatDateTime } from '../format.js';
import { confirm } from '../dialog.js';
import { releaseUnsaved } from '../leave-guard.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { PAPER_STATUS } from './papers.js';
import { sectionHeading } from './paper-parts.js';

/** Versions: list, open, compare two, restore one. */
export function renderVersions(section, view, frozen, reload) {
  const paper = view.paper;
  const versions = [...(view.versions || [])].sort((a, b) => b.number - a.number);
  if (versions.length === 0) {
    replaceChildren(section, sectionHeading('papier-versionen-titel', 'Versionen'),
      el('p', { class: 'kern-body' }, 'Noch keine Version gespeichert. Der Text wird als Entwurf gesichert, bis Sie „Neue Version speichern“ wählen.'));
    return;
  }
  const currentNumber = view.current ? view.current.number : null;
  const options = versions.map((v) => [v.id, `Version ${v.number} vom ${formatDate(v.saved_at)}`]);
  const older = selectField({ name: 'vergleich-alt', label: 'Ältere Fassung', options, value: versions[1] ? versions[1].id : versions[0].id });
  const newer = selectField({ name: 'vergleich-neu', label: 'Neuere Fassung', options, value: versions[0].id });
  older.input.id = 'papier-vergleich-alt';
  newer.input.id = 'papier-vergleich-neu';
  older.querySelector('label').setAttribute('for', 'papier-vergleich-alt');
  newer.querySelector('label').setAttribute('for', 'papier-vergleich-neu');
  // The draft (autosaved while typing) against a saved version: what saving it would change.
  const base = selectField({ name: 'vergleich-entwurf-basis', label: 'Version', options, value: versions[0].id });
  base.input.id = 'papier-entwurf-vergleich-version';
  base.querySelector('label').setAttribute('for', 'papier-entwurf-vergleich-version');

  const restore = async (v) => {
    const ok = await confirm({
      title: `Version ${v.number} wiederherstellen?`,
      body: `Der Text von Version ${v.number} wird als neue Version gespeichert. Alle bisherigen Versionen bleiben erhalten.`,
      confirmLabel: 'Als neue Version wiederherstellen', confirmId: 'wiederherstellen-bestaetigen',
    });
    if (!ok) return;
    try {
      await call('restore_paper_version', { id: v.id, expectedVersion: paper.version });
      releaseUnsaved();
      if (!(await reload())) return;
      showSuccess(`Version ${v.number} als neue Version wiederhergestellt.`);
    } catch (error) {
      showError(error);
    }
  };

  replaceChildren(section, sectionHeading('papier-versionen-titel', 'Versionen'),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'papier-versionen' },
        el('caption', { class: 'kern-sr-only' }, 'Versionen'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Version', 'Gespeichert', 'Von', 'Notiz', ''].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        el('tbody', { class: 'kern-table__body' }, versions.map((v) => el('tr', { 'data-number': v.number },
          el('th', { scope: 'row' }, el('a', { class: 'row-link', href: `#/konzeptpapiere/${paper.id}/version/${v.id}` },
            `Version ${v.number}`), v.number === currentNumber ? ' (aktuell)' : ''),
          el('td', {}, formatDateTime(v.saved_at)),
          el('td', {}, v.saved_by || ''),
          el('td', {}, v.note || ''),
          el('td', {}, v.number === currentNumber || frozen ? '' : el('button', {
            type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', id: `papier-wiederherstellen-${v.number}`,
            'aria-label': `Version ${v.number} als neue Version wiederherstellen`, onClick: () => restore(v),
          }, el('span', { class: 'kern-label' }, 'Wiederherstellen')))))))),
    versions.length > 1
      ? el('form', { class: 'record-form', id: 'papier-vergleich', novalidate: true, onSubmit: (e) => {
        e.preventDefault();
        window.location.hash = `#/konzeptpapiere/${paper.id}/vergleich/${older.input.value}/${newer.input.value}`;
      } },
      el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Zwei Versionen Wort für Wort vergleichen'),
        el('div', { class: 'form-grid' }, older, newer),
        el('div', { class: 'form-actions' },
          el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'papier-vergleichen' }, el('span', { class: 'kern-label' }, 'Vergleichen')))))
      : null,
    frozen ? null : el('form', { class: 'record-form', id: 'papier-entwurf-vergleich', novalidate: true, onSubmit: (e) => {
      e.preventDefault();
      window.location.hash = `#/konzeptpapiere/${paper.id}/entwurf-vergleich/${base.input.value}`;
    } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Entwurf mit einer Version vergleichen'),
      el('p', { class: 'kern-hint' }, 'Zeigt, was sich im noch nicht gespeicherten Entwurf gegenüber der Version geändert hat.'),
      el('div', { class: 'form-grid' }, base),
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'papier-entwurf-vergleichen' }, el('span', { class: 'kern-label' }, 'Entwurf vergleichen'))))));
}

/** Status with its history; "beschlossen" names a Beschluss of a session. */
export function renderStatus(section, view, reload) {
  const paper = view.paper;
  const history = view.status_history || [];
  const targets = view.next_statuses || [];
  const target = selectField({ name: 'papier-status-neu', label: 'Neuer Status', options: targets.map((s) => [s.value, s.label]) });
  target.input.id = 'papier-status-neu';
  target.querySelector('label').setAttribute('for', 'papier-status-neu');
  const note = textField({ name: 'papier-status-notiz', label: 'Notiz zur Statusänderung' });
  // "beschlossen" names the Beschluss that adopted the paper: decisions of the sessions and TOPs the
  // paper is linked to come first (the core orders them), then every other session's, newest first.
  const decisionSelect = el('select', { class: 'kern-form-input__select', id: 'papier-beschluss', 'data-label': 'Beschluss' });
  const decisionBox = el('div', { class: 'kern-form-input', id: 'papier-beschluss-wahl' },
    el('label', { class: 'kern-label', for: 'papier-beschluss' }, 'Beschluss'),
    el('div', { class: 'kern-form-input__select-wrapper' }, decisionSelect));
  let decisionsLoaded = false;
  const option = (d) => el('option', { value: d.id },
    `${d.label}: ${d.text.slice(0, 80)}${d.text.length > 80 ? ' …' : ''} (${formatDate(d.session_date)}, ${d.session_title})`);
  const showDecision = async () => {
    const needs = targets.some((s) => s.value === target.input.value && s.needs_decision);
    setHidden(decisionBox, !needs);
    if (!needs || decisionsLoaded) return;
    decisionsLoaded = true;
    const choices = await call('list_decisions_for_paper', { paperId: paper.id });
    const linked = choices.filter((d) => d.linked);
    const others = choices.filter((d) => !d.linked);
    replaceChildren(decisionSelect, choices.length === 0
      ? el('option', { value: '' }, 'Noch keine Beschlüsse in den Protokollen')
      // No decision is preselected: the first one listed is seldom the one that adopted the paper
      // (often "Das Protokoll … wird genehmigt"), and a wrong one freezes the text under it.
      : [el('option', { value: '' }, 'Bitte den Beschluss wählen'),
        linked.length ? el('optgroup', { label: 'Sitzungen, mit denen das Papier verknüpft ist' }, linked.map(option)) : null,
        others.length ? el('optgroup', { label: 'Weitere Sitzungen' }, others.map(option)) : null]);
  };
  target.input.addEventListener('change', () => showDecision().catch(showError));

  const form = el('form', { class: 'record-form', id: 'papier-status-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); change(); } },
    el('div', { class: 'form-grid' }, target, note), decisionBox,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'papier-status-aendern' }, el('span', { class: 'kern-label' }, 'Status ändern'))));
  setHidden(decisionBox, true);

  replaceChildren(section, sectionHeading('papier-status-titel', 'Status'),
    el('p', { class: 'kern-body', id: 'papier-status-jetzt' }, `Jetzt: ${PAPER_STATUS[paper.status] || paper.status}`),
    targets.length ? form : null,
    history.length === 0 ? el('p', { class: 'kern-body' }, 'Noch keine Statusänderung.') : el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table', id: 'papier-statusverlauf' },
        el('caption', { class: 'kern-table__caption' }, 'Verlauf'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Datum', 'Änderung', 'Notiz', 'Beschluss'].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        el('tbody', { class: 'kern-table__body' }, history.map((h) => el('tr', {},
          el('td', {}, formatDateTime(h.at)),
          el('td', {}, `${PAPER_STATUS[h.from_status] || h.from_status} → ${PAPER_STATUS[h.to_status] || h.to_status}`),
          el('td', {}, [h.note, h.changed_by ? `(${h.changed_by})` : null].filter(Boolean).join(' ')),
          el('td', {}, h.decision_label
            ? [h.session_id ? el('a', { class: 'row-link', href: `#/sitzungen/${h.session_id}/protokoll` }, h.decision_label) : h.decision_label,
              h.adopted_version ? `, beschlossen in Version ${h.adopted_version}` : '']
            : '')))))));
  showDecision().catch(showError);

  async function change() {
    clearNotices();
    clearFieldErrors(form);
    const to = target.input.value;
    try {
      const needsDecision = targets.some((s) => s.value === to && s.needs_decision);
      await call('change_paper_status', {
        id: paper.id,
        input: {
          to, note: optional(note.input),
          decision_id: needsDecision && decisionSelect.value ? Number(decisionSelect.value) : null,
          expected_version: paper.version,
        },
      });
      releaseUnsaved();
      if (!(await reload())) return;
      showSuccess(`Status geändert: ${PAPER_STATUS[to] || to}.`);
      document.getElementById('papier-status-titel')?.focus();
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
}

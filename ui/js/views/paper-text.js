// The body text of a Konzeptpapier: the Markdown editor with help and live preview, the autosaved
// draft of the next version (nothing typed is lost) and "Neue Version speichern".

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, optional, showFieldErrors, textField } from '../form.js';
import { formatDateTime } from '../format.js';
import { confirm } from '../dialog.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, clearSuccess, showError, showSuccess } from '../notices.js';
import { documentView } from '../document-view.js';
import { PAPER_STATUS } from './papers.js';
import { clock, sectionHeading } from './paper-parts.js';

/** Milliseconds after the last key before the draft is saved, and before the preview follows. */
const DRAFT_DELAY_MS = 1200;
const PREVIEW_DELAY_MS = 250;

/** The body text: editor with help and preview, autosaved draft, "Neue Version speichern". */
export function renderText(section, view, frozen, reload, meta) {
  const paper = view.paper;
  const current = view.current;
  if (frozen) {
    protectUnsaved(meta.isDirty);
    replaceChildren(section, sectionHeading('papier-text-titel', 'Text'),
      el('p', { class: 'kern-body' }, `Das Konzeptpapier ist ${PAPER_STATUS[paper.status]}: der Text ist eingefroren. `,
        'Um ihn zu ändern, setzen Sie den Status zurück auf „Entwurf“.'),
      current ? documentView(current.document, { id: 'papier-vorschau' }) : el('p', {}, 'Kein Text.'));
    return;
  }
  const draft = view.draft;
  const body = el('textarea', {
    class: 'kern-form-input__input paper-editor', id: 'papier-text', rows: '20', spellcheck: 'true',
    'aria-describedby': 'papier-text-hilfe papier-entwurf-status', 'data-label': 'Text',
  });
  body.value = draft ? draft.body : (current ? current.body : '');
  const preview = el('div', { class: 'paper-preview', id: 'papier-vorschau-bereich', 'aria-labelledby': 'papier-vorschau-titel', role: 'region' });
  const draftStatus = el('p', { class: 'kern-body paper-draft-status', id: 'papier-entwurf-status', role: 'status' },
    draft ? `Entwurf vom ${formatDateTime(draft.updated_at)} wiederhergestellt – noch keine Version.` : '');
  const note = textField({ name: 'papier-notiz', label: 'Notiz zur Version', hint: 'Was hat sich geändert? z. B. Rückmeldungen des Landkreistags eingearbeitet' });
  const help = el('details', { class: 'paper-help', id: 'papier-text-hilfe' },
    el('summary', {}, 'Formatierung (Markdown)'),
    el('ul', { class: 'paper-help__list' },
      [['# Überschrift', 'Überschrift (## für eine Unterüberschrift)'],
        ['Leerzeile', 'neuer Absatz'],
        ['**fett**', 'fett'], ['*kursiv*', 'kursiv'],
        ['- Punkt', 'Aufzählung (auch • oder – aus Word)'], ['1. Punkt', 'nummerierte Liste'],
        ['[Text](https://…)', 'Link'],
        ['| A | B |  dann  |---|---|', 'Tabelle: Kopfzeile, Trennzeile, dann je Zeile | … | … |'],
        ['> Text', 'Zitat']].map(([code, meaning]) => el('li', {}, el('code', {}, code), ` – ${meaning}`))),
    el('p', { class: 'kern-body' }, 'HTML wird als Text gezeigt, nicht ausgeführt. Aus Word eingefügter Text behält Absätze und Listen.'));

  let savedBody = body.value; // what the stored draft (or current version) holds
  // "Entwurf verwerfen": back to the current version's text. Shown while a draft is stored; the
  // core refuses restoring a version or adopting the paper while an unsaved draft exists.
  const discard = button({
    label: 'Entwurf verwerfen', variant: 'tertiary', id: 'papier-entwurf-verwerfen',
    onClick: async () => {
      const ok = await confirm({
        title: 'Entwurf verwerfen?',
        body: current
          ? `Der Text seit Version ${current.number} wird gelöscht; es gilt wieder Version ${current.number}.`
          : 'Der bisher geschriebene Text wird gelöscht.',
        confirmLabel: 'Entwurf verwerfen', confirmId: 'entwurf-verwerfen-bestaetigen',
      });
      if (!ok) return;
      try {
        clearTimeout(draftTimer);
        await call('discard_paper_draft', { id: paper.id });
        savedBody = body.value;
        releaseUnsaved();
        if (!(await reload())) return;
        showSuccess('Entwurf verworfen.');
      } catch (error) {
        showError(error);
      }
    },
  });
  setHidden(discard, !draft);
  let draftTimer = null;
  let previewTimer = null;
  let previewNumber = 0;

  const saveDraft = async () => {
    clearTimeout(draftTimer);
    const text = body.value;
    if (text === savedBody) return;
    try {
      await call('save_paper_draft', { id: paper.id, input: { ...meta.titleAndSummary(), body: text } });
      savedBody = text;
      setHidden(discard, false);
      replaceChildren(draftStatus, `Entwurf gespeichert ${clock(new Date().toISOString())}`);
    } catch (error) {
      replaceChildren(draftStatus, 'Entwurf konnte nicht gespeichert werden.');
      showError(error);
    }
  };
  const updatePreview = async () => {
    const mine = ++previewNumber;
    try {
      const doc = await call('render_markdown', { text: body.value });
      if (mine !== previewNumber) return;
      replaceChildren(preview, documentView(doc, { id: 'papier-vorschau' }));
    } catch (error) {
      if (mine !== previewNumber) return;
      replaceChildren(preview, el('p', { class: 'kern-body' }, error.message));
    }
  };
  body.addEventListener('input', () => {
    clearSuccess();
    replaceChildren(draftStatus, 'Ungesicherte Änderungen …');
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, DRAFT_DELAY_MS);
    clearTimeout(previewTimer);
    previewTimer = setTimeout(updatePreview, PREVIEW_DELAY_MS);
  });
  body.addEventListener('blur', saveDraft);
  // Leaving while a key has not reached the draft yet: the guard asks (autosave normally wins).
  protectUnsaved(() => body.value !== savedBody || meta.isDirty());

  const saveVersion = async () => {
    clearNotices();
    clearFieldErrors(section);
    try {
      await saveDraft();
      await call('save_paper_version', {
        id: paper.id,
        input: { ...meta.titleAndSummary(), body: body.value, note: optional(note.input), expected_version: paper.version },
      });
      savedBody = body.value;
      releaseUnsaved();
      if (!(await reload())) return;
      showSuccess('Neue Version gespeichert.');
      document.getElementById('papier-versionen-titel')?.focus();
    } catch (error) {
      showError(error);
      showFieldErrors(section, error);
    }
  };

  replaceChildren(section, sectionHeading('papier-text-titel', 'Text'),
    el('div', { class: 'paper-editor-grid' },
      el('div', { class: 'kern-form-input' },
        el('label', { class: 'kern-label', for: 'papier-text' }, current ? `Text (Entwurf der Version ${current.number + 1})` : 'Text (Entwurf der Version 1)'),
        help, body, el('div', { class: 'paper-draft-line' }, draftStatus, discard)),
      el('div', {},
        el('h3', { class: 'kern-heading-small', id: 'papier-vorschau-titel' }, 'Vorschau'),
        preview)),
    el('form', { class: 'record-form', id: 'papier-version-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); saveVersion(); } },
      note,
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'papier-version-speichern' },
          el('span', { class: 'kern-label' }, 'Neue Version speichern')))));
  updatePreview();
}

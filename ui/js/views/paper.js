// Screen of one Konzeptpapier (and "Neues Konzeptpapier"): its Angaben (title, Handlungsfeld,
// authors, lead organisation, summary), the body text in Markdown with a live preview built from
// the core's document tree, autosaved as a draft of the next version ("Entwurf gespeichert 14:32";
// nothing typed is lost: the draft is restored on reopening and leaving waits for it), "Neue
// Version speichern" with a note, the versions (open read-only, compare word by word, restore as a
// new version), the status with its history (beschlossen names a session's Beschluss), Anhänge and
// the links to sessions and TOPs. What may change when is the core's rule; its German message is
// shown as it comes.

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { formatDate, formatDateTime, formatNumber } from '../format.js';
import { confirm } from '../dialog.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, clearSuccess, flash, showError, showSuccess } from '../notices.js';
import { diffView, documentView } from '../document-view.js';
import { PAPER_STATUS } from './papers.js';

export const title = 'Konzeptpapier';

/** Milliseconds after the last key before the draft is saved, and before the preview follows. */
const DRAFT_DELAY_MS = 1200;
const PREVIEW_DELAY_MS = 250;

export async function render(container, params) {
  if (params[0] === 'neu') return renderNew(container);
  const id = Number(params[0]);
  if (params[1] === 'version') return renderVersion(container, id, Number(params[2]));
  if (params[1] === 'vergleich') return renderCompare(container, id, Number(params[2]), Number(params[3]));
  if (params[1] === 'entwurf-vergleich') return renderDraftCompare(container, id, Number(params[2]));
  return renderPaper(container, id);
}

/** "14:32" for an ISO instant, in the computer's time zone. */
function clock(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
}

/** "1,2 MB", "830 KB", "512 Bytes". */
export function formatSize(bytes) {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} Bytes`;
}

function contactName(c) {
  return [c.title, c.first_name, c.last_name].filter(Boolean).join(' ');
}

/** The Handlungsfeld select with "Neues Handlungsfeld …": a small inline form adds one. */
function handlungsfeldField(fields, value) {
  const field = selectField({
    name: 'papier-handlungsfeld', label: 'Handlungsfeld', value: value ?? '',
    options: [['', 'keines'], ...fields.map((f) => [f.id, f.name])],
  });
  const name = textField({ name: 'handlungsfeld-neu', label: 'Neues Handlungsfeld' });
  const box = el('div', { class: 'inline-form is-hidden', id: 'handlungsfeld-neu-form' }, name,
    el('div', { class: 'form-actions' },
      button({ label: 'Hinzufügen', id: 'handlungsfeld-neu-speichern', onClick: add }),
      button({ label: 'Abbrechen', variant: 'tertiary', onClick: () => { setHidden(box, true); field.input.focus(); } })));
  setHidden(box, true);
  // Enter in the name adds it (and does not submit the surrounding form).
  name.input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
  const open = button({
    label: 'Neues Handlungsfeld …', variant: 'tertiary', id: 'handlungsfeld-neu-oeffnen',
    onClick: () => { setHidden(box, false); name.input.focus(); },
  });
  async function add() {
    clearFieldErrors(box);
    try {
      const created = await call('add_handlungsfeld', { name: name.input.value });
      field.input.appendChild(el('option', { value: created.id }, created.name));
      field.input.value = String(created.id);
      field.input.dispatchEvent(new Event('change', { bubbles: true }));
      name.input.value = '';
      setHidden(box, true);
      field.input.focus();
      showSuccess(`Handlungsfeld „${created.name}“ hinzugefügt.`);
    } catch (error) {
      showError(error);
      showFieldErrors(box, error.field ? { ...error, field: 'Neues Handlungsfeld' } : error);
    }
  }
  const wrapper = el('div', { class: 'handlungsfeld-field' }, field, open, box);
  wrapper.input = field.input;
  return wrapper;
}

async function renderNew(container) {
  const [fields, organisations] = await Promise.all([call('list_handlungsfelder'), call('list_organisations')]);
  document.title = 'Neues Konzeptpapier – Netzwerkmappe';
  const f = {
    title: textField({ name: 'papier-titel', label: 'Titel', required: true, hint: 'z. B. Sprachförderung im ländlichen Raum' }),
    field: handlungsfeldField(fields, ''),
    lead: selectField({
      name: 'papier-federfuehrung', label: 'Federführende Organisation', value: '',
      options: [['', 'keine'], ...organisations.map((o) => [o.id, o.name])],
    }),
    summary: textArea({ name: 'papier-zusammenfassung', label: 'Kurzfassung' }),
  };
  const read = () => ({
    title: f.title.input.value,
    handlungsfeld_id: f.field.input.value ? Number(f.field.input.value) : null,
    lead_organisation_id: f.lead.input.value ? Number(f.lead.input.value) : null,
    summary: optional(f.summary.input),
  });
  const changes = trackChanges(read);
  protectUnsaved(changes.isDirty);
  const form = el('form', { class: 'record-form', id: 'papier-neu-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); save(); } },
    f.title, el('div', { class: 'form-grid' }, f.field, f.lead), f.summary,
    el('p', { class: 'kern-body' }, 'Den Text schreiben Sie nach dem Anlegen; er wird laufend als Entwurf gesichert.'),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'papier-anlegen' }, el('span', { class: 'kern-label' }, 'Konzeptpapier anlegen')),
      button({ label: 'Abbrechen', href: '#/konzeptpapiere' })));
  replaceChildren(container, el('h1', { class: 'kern-heading-large', tabindex: '-1' }, 'Neues Konzeptpapier'), form);

  async function save() {
    clearNotices();
    clearFieldErrors(form);
    try {
      const created = await call('create_paper', { input: { ...read(), author_ids: [] } });
      changes.markSaved();
      releaseUnsaved();
      flash(`Konzeptpapier „${created.paper.title}“ angelegt.`);
      window.location.hash = `#/konzeptpapiere/${created.paper.id}`;
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
}

/**
 * Renders the paper; false (and nothing touched) when the person has meanwhile moved on to another
 * screen, so a reload that finishes late never paints the paper over the next screen.
 */
async function renderPaper(container, id) {
  const address = window.location.hash;
  const [view, fields, organisations] = await Promise.all([
    call('get_paper', { id }), call('list_handlungsfelder'), call('list_organisations'),
  ]);
  if (window.location.hash !== address) return false;
  const paper = view.paper;
  const frozen = view.frozen;
  document.title = `${paper.title} – Netzwerkmappe`;
  const heading = el('h1', { class: 'kern-heading-large', tabindex: '-1', id: 'papier-titelzeile' }, paper.title);
  const facts = el('p', { class: 'kern-body paper-facts', id: 'papier-stand' },
    `Status: ${PAPER_STATUS[paper.status] || paper.status}`,
    view.current ? ` · Version ${view.current.number} vom ${formatDateTime(view.current.saved_at)}` : ' · noch keine Version gespeichert',
    paper.handlungsfeld ? ` · ${paper.handlungsfeld}` : '');

  const sections = {
    text: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-text-titel' }),
    meta: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-angaben-titel' }),
    versions: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-versionen-titel' }),
    status: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-status-titel' }),
    attachments: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-anhaenge-titel' }),
    links: el('section', { class: 'paper-section', 'aria-labelledby': 'papier-verknuepfungen-titel' }),
  };
  replaceChildren(container,
    el('p', { class: 'kern-body back-link' }, el('a', { class: 'kern-link', href: '#/konzeptpapiere' }, 'Alle Konzeptpapiere')),
    heading, facts,
    el('nav', { class: 'paper-toc', 'aria-label': 'Abschnitte des Konzeptpapiers' },
      [['papier-text-titel', 'Text'], ['papier-angaben-titel', 'Angaben'], ['papier-versionen-titel', 'Versionen'],
        ['papier-status-titel', 'Status'], ['papier-anhaenge-titel', 'Anhänge'], ['papier-verknuepfungen-titel', 'Sitzungen und TOPs']]
        .map(([target, label]) => el('a', {
          class: 'kern-link', href: `#${target}`,
          onClick: (e) => { e.preventDefault(); const h = document.getElementById(target); h.scrollIntoView(); h.focus(); },
        }, label))),
    sections.text, sections.meta, sections.versions, sections.status, sections.attachments, sections.links);

  const reload = () => renderPaper(container, id);
  // The version and its draft carry title and Kurzfassung too: the editor takes them from the
  // Angaben form as they stand.
  const meta = renderMeta(sections.meta, view, fields, organisations, frozen, reload);
  renderText(sections.text, view, frozen, reload, meta);
  renderVersions(sections.versions, view, frozen, reload);
  renderStatus(sections.status, view, reload);
  renderAttachments(sections.attachments, view, reload);
  renderLinks(sections.links, view, reload);
  return true;
}

function sectionHeading(id, text) {
  return el('h2', { class: 'kern-heading-medium', id, tabindex: '-1' }, text);
}

/** The body text: editor with help and preview, autosaved draft, "Neue Version speichern". */
function renderText(section, view, frozen, reload, meta) {
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

/** Title, Handlungsfeld, authors, lead organisation, summary. */
function renderMeta(section, view, fields, organisations, frozen, reload) {
  const paper = view.paper;
  // Authors whose contact was deleted keep their name in the paper but can no longer be chosen.
  const authors = (view.authors || []).filter((a) => a.contact_id !== null).map((a) => ({ id: a.contact_id, name: a.name }));
  const formerAuthors = (view.authors || []).filter((a) => a.contact_id === null).map((a) => a.name);
  // A restored draft may hold a title and Kurzfassung not yet saved as a version.
  const draft = view.draft;
  const f = {
    title: textField({ name: 'papier-titel', label: 'Titel', value: draft && draft.title ? draft.title : paper.title, required: true }),
    field: handlungsfeldField(fields, paper.handlungsfeld_id),
    lead: selectField({
      name: 'papier-federfuehrung', label: 'Federführende Organisation', value: paper.lead_organisation_id ?? '',
      options: [['', 'keine'], ...organisations.map((o) => [o.id, o.name])],
    }),
    summary: textArea({ name: 'papier-zusammenfassung', label: 'Kurzfassung', value: draft ? draft.summary : paper.summary }),
  };
  const authorList = el('ul', { class: 'paper-authors', id: 'papier-autoren' });
  const authorSearch = el('input', { class: 'kern-form-input__input', id: 'papier-autor-suche', type: 'search', autocomplete: 'off', 'aria-describedby': 'papier-autor-hinweis' });
  const authorHits = el('ul', { class: 'paper-author-hits', id: 'papier-autor-treffer', 'aria-live': 'polite' });
  const read = () => ({
    title: f.title.input.value,
    handlungsfeld_id: f.field.input.value ? Number(f.field.input.value) : null,
    lead_organisation_id: f.lead.input.value ? Number(f.lead.input.value) : null,
    summary: optional(f.summary.input),
    author_ids: authors.map((a) => a.id),
    // Authors whose contact was deleted have no id: name the ones still listed, or the save drops them.
    former_authors: [...formerAuthors],
  });
  const changes = trackChanges(read);

  const drawAuthors = () => replaceChildren(authorList, authors.length === 0 && formerAuthors.length === 0
    ? el('li', {}, 'Noch keine Autorinnen und Autoren.')
    : [...formerAuthors.map((name, i) => el('li', {}, `${name} (Kontakt gelöscht)`, ' ',
      el('button', {
        type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', id: `papier-autor-frueher-entfernen-${i}`,
        'aria-label': `${name} als Autor/in entfernen`, onClick: () => { formerAuthors.splice(i, 1); drawAuthors(); authorSearch.focus(); },
      }, el('span', { class: 'kern-label' }, 'Entfernen')))), ...authors.map((a, i) => el('li', {}, a.name, ' ',
      el('button', {
        type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', id: `papier-autor-entfernen-${a.id}`,
        'aria-label': `${a.name} als Autor/in entfernen`, onClick: () => { authors.splice(i, 1); drawAuthors(); authorSearch.focus(); },
      }, el('span', { class: 'kern-label' }, 'Entfernen'))))]);
  // Enter in the search takes the first hit (and does not submit the Angaben form).
  authorSearch.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    authorHits.querySelector('button')?.click();
  });
  let searchNumber = 0;
  authorSearch.addEventListener('input', async () => {
    const mine = ++searchNumber;
    const query = authorSearch.value.trim();
    if (query.length < 2) { replaceChildren(authorHits); return; }
    try {
      const found = (await call('list_contacts', { filter: { query } })).slice(0, 8);
      if (mine !== searchNumber) return;
      replaceChildren(authorHits, found.length === 0 ? el('li', {}, 'Kein Kontakt gefunden.') : found.map((c) => el('li', {},
        el('button', {
          type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'data-id': c.id,
          onClick: () => {
            if (!authors.some((a) => a.id === c.id)) authors.push({ id: c.id, name: contactName(c) });
            drawAuthors();
            authorSearch.value = '';
            replaceChildren(authorHits);
            authorSearch.focus();
          },
        }, el('span', { class: 'kern-label' }, `${contactName(c)}${c.organisation_name ? `, ${c.organisation_name}` : ''} hinzufügen`)))));
    } catch (error) {
      showError(error);
    }
  });
  drawAuthors();

  const form = el('form', { class: 'record-form', id: 'papier-angaben', novalidate: true, onSubmit: (e) => { e.preventDefault(); save(); } },
    f.title, el('div', { class: 'form-grid' }, f.field, f.lead),
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Autorinnen und Autoren'),
      authorList,
      el('div', { class: 'kern-form-input' },
        el('label', { class: 'kern-label', for: 'papier-autor-suche' }, 'Kontakt suchen und hinzufügen'),
        el('div', { class: 'kern-hint', id: 'papier-autor-hinweis' }, 'Name, ab zwei Buchstaben'),
        authorSearch),
      authorHits),
    f.summary,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'papier-angaben-speichern', disabled: frozen || null },
        el('span', { class: 'kern-label' }, 'Angaben speichern'))));
  replaceChildren(section, sectionHeading('papier-angaben-titel', 'Angaben'),
    frozen ? el('p', { class: 'kern-body' }, 'Titel und Zusammenfassung sind eingefroren, solange das Konzeptpapier beschlossen oder archiviert ist.') : null,
    form);

  async function save() {
    clearNotices();
    clearFieldErrors(form);
    try {
      await call('update_paper_meta', { id: paper.id, input: { ...read(), expected_version: paper.version } });
      changes.markSaved();
      if (!(await reload())) return;
      showSuccess('Angaben gespeichert.');
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
  return {
    titleAndSummary: () => ({ title: f.title.input.value, summary: optional(f.summary.input) }),
    isDirty: changes.isDirty,
  };
}

/** Versions: list, open, compare two, restore one. */
function renderVersions(section, view, frozen, reload) {
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
function renderStatus(section, view, reload) {
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

/** Attachments: add via the system's open dialog, open with the system's program, delete. */
function renderAttachments(section, view, reload) {
  const paper = view.paper;
  const list = view.attachments || [];
  const add = async () => {
    clearNotices();
    try {
      const added = await call('add_paper_attachment', { paperId: paper.id, versionId: null });
      if (!added) return; // the dialog was cancelled
      if (!(await reload())) return;
      showSuccess(`Anhang „${added.file_name}“ hinzugefügt.`);
    } catch (error) {
      showError(error);
    }
  };
  const open = async (a) => {
    clearNotices();
    try {
      await call('open_paper_attachment', { id: a.id });
    } catch (error) {
      showError(error);
    }
  };
  const remove = async (a) => {
    const ok = await confirm({
      title: `Anhang „${a.file_name}“ löschen?`,
      body: 'Die Datei wird aus der Datendatei entfernt. Das lässt sich nicht rückgängig machen.',
      confirmLabel: 'Anhang löschen', confirmId: 'anhang-loeschen-bestaetigen',
    });
    if (!ok) return;
    try {
      await call('delete_paper_attachment', { id: a.id });
      if (!(await reload())) return;
      showSuccess(`Anhang „${a.file_name}“ gelöscht.`);
    } catch (error) {
      showError(error);
    }
  };
  replaceChildren(section, sectionHeading('papier-anhaenge-titel', 'Anhänge'),
    list.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Anhänge.') : el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'papier-anhaenge' },
        el('caption', { class: 'kern-sr-only' }, 'Anhänge'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Datei', 'Größe', 'Prüfsumme (SHA-256)', ''].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        el('tbody', { class: 'kern-table__body' }, list.map((a) => el('tr', {},
          el('th', { scope: 'row' }, a.file_name),
          el('td', {}, formatSize(a.size)),
          el('td', {}, el('code', { title: a.sha256 }, `${String(a.sha256 || '').slice(0, 12)}…`)),
          el('td', { class: 'row-actions' },
            el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `${a.file_name} öffnen`, onClick: () => open(a) },
              el('span', { class: 'kern-label' }, 'Öffnen')),
            el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `${a.file_name} löschen`, onClick: () => remove(a) },
              el('span', { class: 'kern-label' }, 'Löschen')))))))),
    el('div', { class: 'form-actions' }, button({ label: 'Anhang hinzufügen …', id: 'papier-anhang-hinzufuegen', onClick: add })),
    el('p', { class: 'kern-hint' }, 'PDF, Word, Excel oder Bilder; die Datei wird in der Datendatei gespeichert und wandert mit jeder Sicherung.'));
}

/** Links to sessions and their TOPs (the session's agenda shows them too). */
function renderLinks(section, view, reload) {
  const paper = view.paper;
  const links = view.links || [];
  const sessionSelect = el('select', { class: 'kern-form-input__select', id: 'papier-link-sitzung', 'data-label': 'Sitzung' });
  const topSelect = el('select', { class: 'kern-form-input__select', id: 'papier-link-top', 'data-label': 'TOP' });
  const loadTops = async () => {
    if (!sessionSelect.value) { replaceChildren(topSelect, el('option', { value: '' }, 'die Sitzung als Ganzes')); return; }
    const items = await call('list_agenda', { session: Number(sessionSelect.value) });
    replaceChildren(topSelect, el('option', { value: '' }, 'die Sitzung als Ganzes'),
      items.map((i) => el('option', { value: i.id }, `TOP ${i.number}: ${i.title}`)));
  };
  sessionSelect.addEventListener('change', () => loadTops().catch(showError));
  call('list_sessions', { filter: { query: null } }).then((sessions) => {
    replaceChildren(sessionSelect, el('option', { value: '' }, 'Sitzung wählen'),
      sessions.map((s) => el('option', { value: s.id }, `${formatDate(s.date)} – ${s.title}`)));
    return loadTops();
  }).catch(showError);

  const link = async () => {
    clearNotices();
    try {
      await call('link_paper', {
        paperId: paper.id,
        target: {
          session_id: sessionSelect.value ? Number(sessionSelect.value) : null,
          agenda_item_id: topSelect.value ? Number(topSelect.value) : null,
        },
      });
      if (!(await reload())) return;
      showSuccess('Verknüpfung hinzugefügt.');
    } catch (error) {
      showError(error);
    }
  };
  const unlink = async (l) => {
    try {
      await call('unlink_paper', { linkId: l.id });
      if (!(await reload())) return;
      showSuccess('Verknüpfung entfernt.');
    } catch (error) {
      showError(error);
    }
  };
  replaceChildren(section, sectionHeading('papier-verknuepfungen-titel', 'Sitzungen und TOPs'),
    links.length === 0 ? el('p', { class: 'kern-body' }, 'Noch mit keiner Sitzung verknüpft.') : el('ul', { class: 'paper-links', id: 'papier-verknuepfungen' },
      links.map((l) => el('li', {},
        el('a', { class: 'row-link', href: `#/sitzungen/${l.session_id}` }, `${formatDate(l.session_date)} – ${l.session_title}`),
        l.agenda_item_id ? `, TOP „${l.agenda_item_title || ''}“` : '',
        ' ',
        el('button', {
          type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `Verknüpfung mit ${l.session_title} entfernen`,
          onClick: () => unlink(l),
        }, el('span', { class: 'kern-label' }, 'Entfernen'))))),
    el('form', { class: 'record-form', id: 'papier-verknuepfen', novalidate: true, onSubmit: (e) => { e.preventDefault(); link(); } },
      el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Mit einer Sitzung oder einem TOP verknüpfen'),
        el('div', { class: 'form-grid' },
          el('div', { class: 'kern-form-input' }, el('label', { class: 'kern-label', for: 'papier-link-sitzung' }, 'Sitzung'),
            el('div', { class: 'kern-form-input__select-wrapper' }, sessionSelect)),
          el('div', { class: 'kern-form-input' }, el('label', { class: 'kern-label', for: 'papier-link-top' }, 'TOP'),
            el('div', { class: 'kern-form-input__select-wrapper' }, topSelect))),
        el('div', { class: 'form-actions' },
          el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'papier-verknuepfen-speichern' }, el('span', { class: 'kern-label' }, 'Verknüpfen'))))));
}

/** One saved version, read-only. */
async function renderVersion(container, id, versionId) {
  const [view, version] = await Promise.all([call('get_paper', { id }), call('get_paper_version', { id: versionId })]);
  const number = version.number;
  document.title = `${view.paper.title}, Version ${number} – Netzwerkmappe`;
  replaceChildren(container,
    el('p', { class: 'kern-body back-link' }, el('a', { class: 'kern-link', href: `#/konzeptpapiere/${id}`, id: 'zurueck-zum-papier' }, `Zurück zu „${view.paper.title}“`)),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `${version.title || view.paper.title} – Version ${number}`),
    el('p', { class: 'kern-body paper-facts' }, `Gespeichert ${formatDateTime(version.saved_at)}`,
      version.saved_by ? ` von ${version.saved_by}` : '', version.note ? ` · ${version.note}` : '',
      ' · nur zum Lesen'),
    version.summary ? el('p', { class: 'kern-body paper-summary' }, version.summary) : null,
    documentView(version.document, { id: 'papier-version-text' }));
}

/** Two versions compared word by word (title, Kurzfassung, text); the core puts the older first. */
async function renderCompare(container, id, a, b) {
  const [view, cmp] = await Promise.all([call('get_paper', { id }), call('compare_paper_versions', { a, b })]);
  const older = cmp.a.number;
  const newer = cmp.b.number;
  const changed = (d) => (d.inserted_words || 0) + (d.deleted_words || 0) > 0;
  const diff = cmp.body_diff;
  document.title = `${view.paper.title}, Version ${older} und ${newer} – Netzwerkmappe`;
  replaceChildren(container,
    el('p', { class: 'kern-body back-link' }, el('a', { class: 'kern-link', href: `#/konzeptpapiere/${id}`, id: 'zurueck-zum-papier' }, `Zurück zu „${view.paper.title}“`)),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `${view.paper.title}: Version ${older} und ${newer} verglichen`),
    el('p', { class: 'kern-body paper-facts' },
      `Version ${older} vom ${formatDateTime(cmp.a.saved_at)} (${cmp.a.saved_by}) mit Version ${newer} vom ${formatDateTime(cmp.b.saved_at)} (${cmp.b.saved_by})`),
    el('p', { class: 'kern-body', id: 'vergleich-zahlen', role: 'status' },
      `Text: ${formatNumber(diff.inserted_words)} Wörter eingefügt, ${formatNumber(diff.deleted_words)} gelöscht, ${formatNumber(diff.equal_words)} unverändert.`),
    el('p', { class: 'kern-body diff-legend' }, 'Legende: ', el('ins', { class: 'diff-ins' }, 'eingefügt (unterstrichen)'), ' ',
      el('del', { class: 'diff-del' }, 'gelöscht (durchgestrichen)')),
    changed(cmp.title_diff) ? [el('h2', { class: 'kern-heading-small' }, 'Titel'), diffView(cmp.title_diff, { id: 'papier-vergleich-titel' })] : null,
    changed(cmp.summary_diff) ? [el('h2', { class: 'kern-heading-small' }, 'Kurzfassung'), diffView(cmp.summary_diff, { id: 'papier-vergleich-kurzfassung' })] : null,
    el('h2', { class: 'kern-heading-small' }, 'Text'),
    diffView(diff, { id: 'papier-vergleich-text' }));
}

/** The autosaved draft compared word by word with a saved version (the version is the older text). */
async function renderDraftCompare(container, id, versionId) {
  const view = await call('get_paper', { id });
  const back = el('p', { class: 'kern-body back-link' }, el('a', { class: 'kern-link', href: `#/konzeptpapiere/${id}`, id: 'zurueck-zum-papier' }, `Zurück zu „${view.paper.title}“`));
  if (!view.draft) {
    // Saved or discarded meanwhile (or nothing typed since the last version): say so plainly.
    document.title = `${view.paper.title}, kein Entwurf – Netzwerkmappe`;
    replaceChildren(container, back,
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `${view.paper.title}: kein Entwurf zum Vergleichen`),
      el('p', { class: 'kern-body', id: 'vergleich-zahlen', role: 'status' },
        'Es gibt keinen ungespeicherten Entwurf: Alles Geschriebene ist als Version gespeichert. Ändern Sie den Text im Editor, dann können Sie den Entwurf vergleichen.'));
    return;
  }
  const cmp = await call('compare_paper_draft', { version: versionId });
  const number = cmp.a.number;
  const changed = (d) => (d.inserted_words || 0) + (d.deleted_words || 0) > 0;
  const diff = cmp.body_diff;
  document.title = `${view.paper.title}, Entwurf und Version ${number} – Netzwerkmappe`;
  replaceChildren(container, back,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `${view.paper.title}: Entwurf mit Version ${number} verglichen`),
    el('p', { class: 'kern-body paper-facts' },
      `Version ${number} vom ${formatDateTime(cmp.a.saved_at)} (${cmp.a.saved_by}) mit dem Entwurf, zuletzt gesichert am ${formatDateTime(cmp.draft.updated_at)}`),
    el('p', { class: 'kern-body', id: 'vergleich-zahlen', role: 'status' },
      `Text: ${formatNumber(diff.inserted_words)} Wörter eingefügt, ${formatNumber(diff.deleted_words)} gelöscht, ${formatNumber(diff.equal_words)} unverändert.`),
    el('p', { class: 'kern-body diff-legend' }, 'Legende: ', el('ins', { class: 'diff-ins' }, 'eingefügt (unterstrichen)'), ' ',
      el('del', { class: 'diff-del' }, 'gelöscht (durchgestrichen)')),
    changed(cmp.title_diff) ? [el('h2', { class: 'kern-heading-small' }, 'Titel'), diffView(cmp.title_diff, { id: 'papier-vergleich-titel' })] : null,
    changed(cmp.summary_diff) ? [el('h2', { class: 'kern-heading-small' }, 'Kurzfassung'), diffView(cmp.summary_diff, { id: 'papier-vergleich-kurzfassung' })] : null,
    el('h2', { class: 'kern-heading-small' }, 'Text'),
    diffView(diff, { id: 'papier-vergleich-text' }));
}

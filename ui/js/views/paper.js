// Screen of one Konzeptpapier (and "Neues Konzeptpapier"): its Angaben (title, Handlungsfeld,
// authors, lead organisation, summary), the body text in Markdown with a live preview built from
// the core's document tree, autosaved as a draft of the next version ("Entwurf gespeichert 14:32";
// nothing typed is lost: the draft is restored on reopening and leaving waits for it), "Neue
// Version speichern" with a note, the versions (open read-only, compare word by word, restore as a
// new version), the status with its history (beschlossen names a session's Beschluss), Anhänge and
// the links to sessions and TOPs. What may change when is the core's rule; its German message is
// shown as it comes.
//
// The sections are modules of their own: paper-text.js, paper-meta.js, paper-history.js,
// paper-attachments.js, with what they share in paper-parts.js.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { formatDateTime, formatNumber } from '../format.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, flash, showError } from '../notices.js';
import { diffView, documentView } from '../document-view.js';
import { PAPER_STATUS } from './papers.js';
import { handlungsfeldField } from './paper-parts.js';
import { renderText } from './paper-text.js';
import { renderMeta } from './paper-meta.js';
import { renderVersions, renderStatus } from './paper-history.js';
import { renderAttachments, renderLinks } from './paper-attachments.js';

export { formatSize } from './paper-attachments.js';

export const title = 'Konzeptpapier';

export async function render(container, params) {
  if (params[0] === 'neu') return renderNew(container);
  const id = Number(params[0]);
  if (params[1] === 'version') return renderVersion(container, id, Number(params[2]));
  if (params[1] === 'vergleich') return renderCompare(container, id, Number(params[2]), Number(params[3]));
  if (params[1] === 'entwurf-vergleich') return renderDraftCompare(container, id, Number(params[2]));
  return renderPaper(container, id);
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

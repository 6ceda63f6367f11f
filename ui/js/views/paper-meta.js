// The Angaben of a Konzeptpapier: title, Handlungsfeld, authors, lead organisation, summary.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { contactName, handlungsfeldField, sectionHeading } from './paper-parts.js';

/** Title, Handlungsfeld, authors, lead organisation, summary. */
export function renderMeta(section, view, fields, organisations, frozen, reload) {
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

// Screen "Organisationen": the list (German order, filter by kind and Regierungsbezirk) and the
// form to create, change or delete one. Rows can be ticked to give many organisations one Kreis at
// once ("Kreis zuordnen"): after an import most have none. The row checkboxes follow the contacts
// list (plain `row-check`, no per-row KERN component: KERN's `:has()` rules are slow in WebKit). Deleting an organisation that still has contacts asks
// whether to keep them (without organisation) or delete them too; deleting them too names the
// number and needs a deliberate tick. The form shows every field error at once, asks before
// unsaved changes are left behind and sends the version it started from.

import { call } from '../api.js';
import { button, filterSelect } from '../controls.js';
import { ask } from '../dialog.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { collator } from '../format.js';
import { districtOptionLabel, formatCount, organisationKindLabel, organisationKinds } from '../labels.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, clearSuccess, flash, showError, showSuccess } from '../notices.js';
import { headerCells, sortState, sorted } from '../sortable.js';

export const title = 'Organisationen';

const filters = { query: '', kind: '', region: '' };
/** Ids of the ticked organisations; kept while searching, so several searches can be gathered. */
const chosen = new Set();
const order = sortState('organisationen', [
  { key: 'name', label: 'Name', value: (o) => o.name },
  { key: 'kind', label: 'Art', value: (o) => organisationKindLabel(o.kind) },
  { key: 'district', label: 'Stadt-/Landkreis', value: (o) => o.district_name },
  { key: 'city', label: 'Ort', value: (o) => o.city },
  { key: 'contacts', label: 'Kontakte', value: (o) => String(o.contact_count) },
]);

export async function render(container, params = []) {
  if (params.length > 0) return renderForm(container, params[0] === 'neu' ? null : Number(params[0]));
  const [loaded, regions, districts] = await Promise.all([
    call('list_organisations'), call('list_regions'), call('list_districts', { filter: { region_code: null } })]);
  let organisations = loaded;
  const present = new Set(organisations.map((o) => o.id));
  for (const id of [...chosen]) if (!present.has(id)) chosen.delete(id);
  const sortedDistricts = [...districts].sort((a, b) => collator.compare(a.name, b.name));
  let shown = [];
  const select = (id, label, key, options) => filterSelect({
    id, label, options, value: filters[key], onChange: (value) => { filters[key] = value; fill(); },
  });

  replaceChildren(container,
    el('div', { class: 'view-head view-head--compact' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('div', { class: 'head-actions' },
        button({ label: 'Neue Organisation', variant: 'primary', href: '#/organisationen/neu', id: 'organisation-neu' }))),
    el('div', { class: 'list-band list-band--short' },
      el('div', { class: 'kern-form-input band-search' },
        el('label', { class: 'kern-label', for: 'organisationen-suche' }, 'Suchen'),
        el('input', {
          class: 'kern-form-input__input', id: 'organisationen-suche', type: 'search', value: filters.query,
          autocomplete: 'off', placeholder: 'Name oder Ort …', 'aria-controls': 'organisationen-tabelle',
          onInput: (e) => { filters.query = e.target.value; fill(); },
        })),
      select('filter-org-art', 'Art', 'kind', organisationKinds()),
      select('filter-org-bezirk', 'Regierungsbezirk', 'region', regions.map((r) => [r.name, r.name]))),
    el('div', { class: 'list-status' },
      el('p', { class: 'kern-body status', id: 'organisationen-status', role: 'status' }),
      el('p', { class: 'kern-body', id: 'organisationen-auswahl', 'aria-live': 'polite' })),
    el('div', { class: 'bulk-band is-hidden', id: 'organisationen-sammel', hidden: true },
      el('div', { class: 'kern-form-input filter-select' },
        el('label', { class: 'kern-label', for: 'organisationen-kreis-wahl' }, 'Stadt-/Landkreis für die Auswahl'),
        el('div', { class: 'kern-form-input__select-wrapper' },
          el('select', { class: 'kern-form-input__select', id: 'organisationen-kreis-wahl' },
            el('option', { value: '' }, 'Bitte wählen …'),
            el('option', { value: 'keiner' }, 'keiner (Kreis entfernen)'),
            sortedDistricts.map((d) => el('option', { value: d.ags }, districtOptionLabel(d)))))),
      button({ label: 'Kreis zuordnen', variant: 'primary', id: 'organisationen-kreis-zuordnen', onClick: assignDistrict }),
      button({ label: 'Auswahl aufheben', variant: 'tertiary', id: 'organisationen-auswahl-aufheben',
        onClick: () => { chosen.clear(); sync(true); document.getElementById('organisationen-alle').focus(); } })),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'organisationen-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Organisationen'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          el('td', { class: 'kern-table__header select-cell' },
            el('div', { class: 'row-check' },
              el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: 'organisationen-alle',
                onChange: (e) => selectAll(e.target.checked) }),
              el('label', { class: 'kern-sr-only', for: 'organisationen-alle' }, 'Alle Organisationen der Liste auswählen'))),
          headerCells(order, () => fill()))),
        el('tbody', { class: 'kern-table__body', id: 'organisationen-zeilen' }))));

  function fill() {
    const words = fold(filters.query).split(/\s+/).filter(Boolean);
    shown = sorted(order, organisations)
      .filter((o) => words.every((w) => fold(`${o.name} ${o.city || ''} ${o.district_name || ''}`).split(/[\s,.;:()/-]+/).some((t) => t.startsWith(w))))
      .filter((o) => !filters.kind || o.kind === filters.kind)
      .filter((o) => !filters.region || o.region_name === filters.region);
    replaceChildren(document.getElementById('organisationen-zeilen'), shown.map((o) =>
      el('tr', { class: 'kern-table__row', 'data-id': o.id },
        el('td', { class: 'kern-table__cell select-cell' },
          el('div', { class: 'row-check' },
            el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: `org-auswahl-${o.id}`, 'data-id': o.id,
              checked: chosen.has(o.id),
              onChange: (e) => { if (e.target.checked) chosen.add(o.id); else chosen.delete(o.id); sync(); } }),
            el('label', { class: 'kern-sr-only', for: `org-auswahl-${o.id}` }, `${o.name} auswählen`))),
        el('th', { class: 'kern-table__header', scope: 'row' }, el('a', { class: 'row-link', href: `#/organisationen/${o.id}` }, o.name)),
        el('td', { class: 'kern-table__cell' }, organisationKindLabel(o.kind)),
        el('td', { class: 'kern-table__cell' }, o.district_name || ''),
        el('td', { class: 'kern-table__cell' }, o.city || ''),
        el('td', { class: 'kern-table__cell kern-table__cell--numeric' }, String(o.contact_count)))));
    replaceChildren(document.getElementById('organisationen-status'), formatCount(shown.length, 'organisation'));
    sync();
  }

  function selectAll(on) {
    for (const o of shown) {
      if (on) chosen.add(o.id); else chosen.delete(o.id);
    }
    sync(true);
  }

  /** The "select all" box, the selection line and the Kreis band in line with `chosen`. */
  function sync(boxes = false) {
    if (boxes) {
      for (const box of document.querySelectorAll('#organisationen-zeilen input[type=checkbox]')) {
        box.checked = chosen.has(Number(box.dataset.id));
      }
    }
    const inList = shown.filter((o) => chosen.has(o.id)).length;
    const all = document.getElementById('organisationen-alle');
    all.checked = shown.length > 0 && inList === shown.length;
    all.indeterminate = inList > 0 && inList < shown.length;
    const n = chosen.size;
    let text = n === 0 ? '' : `${formatCount(n, 'organisation')} ausgewählt.`;
    const elsewhere = n - inList;
    if (elsewhere > 0) text += ` ${formatCount(elsewhere, 'organisation')} davon nicht in der aktuellen Liste.`;
    replaceChildren(document.getElementById('organisationen-auswahl'), text);
    setHidden(document.getElementById('organisationen-sammel'), n === 0);
  }

  /** Gives every ticked organisation the chosen Kreis (or none), then shows the list anew. */
  async function assignDistrict() {
    clearNotices();
    const select = document.getElementById('organisationen-kreis-wahl');
    if (select.value === '') {
      showError({ code: 'Validation', message: 'Bitte wählen Sie zuerst einen Stadt- oder Landkreis oder „keiner“.' });
      select.focus();
      return;
    }
    const ags = select.value === 'keiner' ? null : select.value;
    try {
      const n = await call('set_organisation_district', { ids: [...chosen], ags });
      const district = sortedDistricts.find((d) => d.ags === ags);
      organisations = await call('list_organisations');
      chosen.clear();
      select.value = '';
      fill();
      sync(true);
      showSuccess(district
        ? `Stadt-/Landkreis „${district.name}“ für ${formatCount(n, 'organisation')} gespeichert.`
        : `Stadt-/Landkreis für ${formatCount(n, 'organisation')} entfernt.`);
      document.getElementById('organisationen-alle').focus();
    } catch (error) {
      showError(error);
    }
  }
  fill();
}

/**
 * Lower case without umlauts and accents ("Müller", "Mueller" → "muller"), as the core's search
 * folds, so the few hundred organisations can be searched in the window as you type.
 */
function fold(text) {
  return String(text).toLowerCase()
    .replace(/ä|ae/g, 'a').replace(/ö|oe/g, 'o').replace(/ü|ue/g, 'u').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

async function renderForm(container, id) {
  const [org, districts] = await Promise.all([
    id ? call('get_organisation', { id }) : Promise.resolve(null),
    call('list_districts', { filter: { region_code: null } }),
  ]);
  const o = org || {};
  const heading = org ? org.name : 'Neue Organisation';
  document.title = `${heading} – Netzwerkmappe`;
  const sortedDistricts = [...districts].sort((a, b) => collator.compare(a.name, b.name));
  const f = {
    name: textField({ name: 'org-name', label: 'Name', value: o.name, required: true }),
    kind: selectField({ name: 'org-art', label: 'Art', value: o.kind ?? '', options: [['', 'aus dem Namen ableiten'], ...organisationKinds()] }),
    district: selectField({ name: 'org-kreis', label: 'Stadt-/Landkreis', value: o.district_ags ?? '',
      options: [['', 'keiner'], ...sortedDistricts.map((d) => [d.ags, districtOptionLabel(d)])] }),
    street: textField({ name: 'org-strasse', label: 'Straße', value: o.street }),
    postal_code: textField({ name: 'org-plz', label: 'PLZ', value: o.postal_code }),
    city: textField({ name: 'org-ort', label: 'Ort', value: o.city }),
    phone: textField({ name: 'org-telefon', label: 'Telefon', value: o.phone, type: 'tel' }),
    web: textField({ name: 'org-web', label: 'Internetseite', value: o.web }),
    notes: textArea({ name: 'org-notizen', label: 'Notizen', value: o.notes }),
  };
  const form = el('form', {
    class: 'record-form', id: 'organisation-formular', novalidate: true,
    onSubmit: (e) => { e.preventDefault(); save(); }, onInput: clearSuccess,
  },
    el('div', { class: 'form-grid' }, f.name, f.kind, f.district, f.street, f.postal_code, f.city, f.phone, f.web),
    f.notes,
    el('div', { class: 'form-actions' },
      button({ label: 'Speichern', variant: 'primary', id: 'organisation-speichern', type: 'submit' }),
      button({ label: 'Abbrechen', href: '#/organisationen' }),
      org ? button({ label: 'Löschen', variant: 'tertiary', id: 'organisation-loeschen', onClick: confirmDelete }) : null));
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/organisationen' }, '← Zurück zu den Organisationen')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, heading),
    org ? el('p', { class: 'kern-body' }, `Kontakte dieser Organisation: ${formatCount(org.contact_count, 'kontakt')}.`) : null,
    form);

  function readInput() {
    return {
      name: f.name.input.value, kind: optional(f.kind.input), district_ags: optional(f.district.input),
      street: optional(f.street.input), postal_code: optional(f.postal_code.input), city: optional(f.city.input),
      phone: optional(f.phone.input), web: optional(f.web.input), notes: optional(f.notes.input),
    };
  }
  const changes = trackChanges(readInput);
  protectUnsaved(changes.isDirty);
  let version = org ? org.version : null;

  async function save() {
    clearFieldErrors(form);
    clearNotices();
    const input = readInput();
    if (org && version !== undefined && version !== null) input.expected_version = version;
    try {
      const saved = org ? await call('update_organisation', { id: org.id, input }) : await call('create_organisation', { input });
      changes.markSaved();
      version = saved.version;
      if (org) {
        showSuccess(`${saved.name} wurde gespeichert.`);
      } else {
        flash(`${saved.name} wurde gespeichert.`);
        window.location.hash = `#/organisationen/${saved.id}`;
      }
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }

  async function confirmDelete() {
    const n = org.contact_count;
    const contacts = formatCount(n, 'kontakt');
    const answer = await ask({
      title: `${org.name} wirklich löschen?`,
      body: n > 0
        ? [`Diese Organisation hat ${contacts}. Was soll mit ${n === 1 ? 'ihm' : 'ihnen'} geschehen?`,
          'Gelöschte Kontakte lassen sich nicht wiederherstellen.']
        : 'Die Organisation wird gelöscht.',
      choices: n > 0
        ? [{ value: 'detach', label: 'Kontakte ohne Organisation behalten', variant: 'primary', id: 'loeschen-behalten' },
          { value: 'delete', label: 'Kontakte mitlöschen', id: 'loeschen-alle', deliberate: true }]
        : [{ value: 'refuse', label: 'Ja, löschen', variant: 'primary', id: 'loeschen-ja' }],
      cancelId: 'loeschen-abbrechen',
      deliberateLabel: n > 0 ? `Ich möchte ${contacts} endgültig löschen.` : null,
    });
    if (answer) remove(answer);
  }

  async function remove(contacts) {
    try {
      await call('delete_organisation', { id: org.id, contacts });
      releaseUnsaved();
      flash(`${org.name} wurde gelöscht.`);
      window.location.hash = '#/organisationen';
    } catch (error) {
      showError(error);
    }
  }
}

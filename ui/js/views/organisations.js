// Screen "Organisationen": the list (German order, filter by kind and Regierungsbezirk) and the
// form to create, change or delete one. Deleting an organisation that still has contacts asks
// whether to keep them (without organisation) or delete them too.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, optional, selectField, showFieldError, textArea, textField } from '../form.js';
import { collator } from '../format.js';
import { ORGANISATION_KINDS, organisationKindLabel } from '../labels.js';
import { clearNotices, flash, showError, showSuccess } from '../notices.js';
import { headerCells, sortState, sorted } from '../sortable.js';

export const title = 'Organisationen';

const filters = { kind: '', region: '' };
const order = sortState('organisationen', [
  { key: 'name', label: 'Name', value: (o) => o.name },
  { key: 'kind', label: 'Art', value: (o) => organisationKindLabel(o.kind) },
  { key: 'district', label: 'Stadt-/Landkreis', value: (o) => o.district_name },
  { key: 'city', label: 'Ort', value: (o) => o.city },
  { key: 'contacts', label: 'Kontakte', value: (o) => String(o.contact_count) },
]);

export async function render(container, params = []) {
  if (params.length > 0) return renderForm(container, params[0] === 'neu' ? null : Number(params[0]));
  const [organisations, regions] = await Promise.all([call('list_organisations'), call('list_regions')]);
  const select = (id, label, key, options) => el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label),
    el('div', { class: 'kern-form-input__select-wrapper' },
      el('select', { class: 'kern-form-input__select', id, onChange: (e) => { filters[key] = e.target.value; fill(); } },
        el('option', { value: '' }, 'Alle'),
        options.map(([v, t]) => el('option', { value: v, selected: v === filters[key] }, t)))));

  replaceChildren(container,
    el('div', { class: 'view-head' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('a', { class: 'kern-btn kern-btn--primary', href: '#/organisationen/neu', id: 'organisation-neu' },
        el('span', { class: 'kern-label' }, 'Neue Organisation'))),
    el('div', { class: 'filters' },
      select('filter-org-art', 'Art', 'kind', ORGANISATION_KINDS),
      select('filter-org-bezirk', 'Regierungsbezirk', 'region', regions.map((r) => [r.name, r.name]))),
    el('p', { class: 'kern-body status', id: 'organisationen-status', role: 'status' }),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'organisationen-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Organisationen'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          headerCells(order, () => fill()))),
        el('tbody', { class: 'kern-table__body', id: 'organisationen-zeilen' }))));

  function fill() {
    const shown = sorted(order, organisations)
      .filter((o) => !filters.kind || o.kind === filters.kind)
      .filter((o) => !filters.region || o.region_name === filters.region);
    replaceChildren(document.getElementById('organisationen-zeilen'), shown.map((o) =>
      el('tr', { class: 'kern-table__row', 'data-id': o.id },
        el('th', { class: 'kern-table__header', scope: 'row' }, el('a', { class: 'kern-link', href: `#/organisationen/${o.id}` }, o.name)),
        el('td', { class: 'kern-table__cell' }, organisationKindLabel(o.kind)),
        el('td', { class: 'kern-table__cell' }, o.district_name || ''),
        el('td', { class: 'kern-table__cell' }, o.city || ''),
        el('td', { class: 'kern-table__cell kern-table__cell--numeric' }, String(o.contact_count)))));
    replaceChildren(document.getElementById('organisationen-status'),
      shown.length === 1 ? '1 Organisation' : `${shown.length} Organisationen`);
  }
  fill();
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
    kind: selectField({ name: 'org-art', label: 'Art', value: o.kind ?? '', options: [['', 'aus dem Namen ableiten'], ...ORGANISATION_KINDS] }),
    district: selectField({ name: 'org-kreis', label: 'Stadt-/Landkreis', value: o.district_ags ?? '',
      options: [['', 'keiner'], ...sortedDistricts.map((d) => [d.ags, `${d.name} (${d.kind === 'stadtkreis' ? 'Stadtkreis' : 'Landkreis'})`])] }),
    street: textField({ name: 'org-strasse', label: 'Straße', value: o.street }),
    postal_code: textField({ name: 'org-plz', label: 'PLZ', value: o.postal_code }),
    city: textField({ name: 'org-ort', label: 'Ort', value: o.city }),
    phone: textField({ name: 'org-telefon', label: 'Telefon', value: o.phone, type: 'tel' }),
    web: textField({ name: 'org-web', label: 'Internetseite', value: o.web }),
    notes: textArea({ name: 'org-notizen', label: 'Notizen', value: o.notes }),
  };
  const form = el('form', { class: 'record-form', id: 'organisation-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); save(); } },
    el('div', { class: 'form-grid' }, f.name, f.kind, f.district, f.street, f.postal_code, f.city, f.phone, f.web),
    f.notes,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'organisation-speichern' }, el('span', { class: 'kern-label' }, 'Speichern')),
      el('a', { class: 'kern-btn kern-btn--secondary', href: '#/organisationen' }, el('span', { class: 'kern-label' }, 'Abbrechen')),
      org ? el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'organisation-loeschen', onClick: confirmDelete },
        el('span', { class: 'kern-label' }, 'Löschen')) : null),
    el('div', { id: 'loeschen-bestaetigung' }));
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/organisationen' }, '← Zurück zu den Organisationen')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, heading),
    org ? el('p', { class: 'kern-body' }, `${org.contact_count} Kontakte gehören zu dieser Organisation.`) : null,
    form);

  async function save() {
    clearFieldErrors(form);
    clearNotices();
    const input = {
      name: f.name.input.value, kind: optional(f.kind.input), district_ags: optional(f.district.input),
      street: optional(f.street.input), postal_code: optional(f.postal_code.input), city: optional(f.city.input),
      phone: optional(f.phone.input), web: optional(f.web.input), notes: optional(f.notes.input),
    };
    try {
      const saved = org ? await call('update_organisation', { id: org.id, input }) : await call('create_organisation', { input });
      if (org) {
        showSuccess(`${saved.name} wurde gespeichert.`);
      } else {
        flash(`${saved.name} wurde gespeichert.`);
        window.location.hash = `#/organisationen/${saved.id}`;
      }
    } catch (error) {
      showError(error);
      showFieldError(form, error);
    }
  }

  function confirmDelete() {
    const region = document.getElementById('loeschen-bestaetigung');
    const button = (id, text, contacts, primary) => el('button', {
      type: 'button', id, class: `kern-btn ${primary ? 'kern-btn--primary' : 'kern-btn--secondary'}`,
      onClick: () => (contacts ? remove(contacts) : cancel()),
    }, el('span', { class: 'kern-label' }, text));
    const cancel = () => { replaceChildren(region); document.getElementById('organisation-loeschen').focus(); };
    const hasContacts = org.contact_count > 0;
    const question = el('div', { class: 'kern-alert kern-alert--warning', role: 'alertdialog', 'aria-labelledby': 'loeschen-frage', tabindex: '-1' },
      el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'loeschen-frage' }, `${org.name} wirklich löschen?`)),
      el('div', { class: 'kern-alert__body' },
        el('p', { class: 'kern-body' }, hasContacts
          ? `Zu dieser Organisation gehören ${org.contact_count} Kontakte. Was soll mit ihnen geschehen?`
          : 'Die Organisation wird gelöscht.'),
        el('div', { class: 'form-actions' },
          hasContacts ? button('loeschen-behalten', 'Kontakte ohne Organisation behalten', 'detach', true) : button('loeschen-ja', 'Ja, löschen', 'refuse', true),
          hasContacts ? button('loeschen-alle', 'Kontakte mitlöschen', 'delete', false) : null,
          button('loeschen-abbrechen', 'Abbrechen', null, false))));
    replaceChildren(region, question);
    question.focus();
  }

  async function remove(contacts) {
    try {
      await call('delete_organisation', { id: org.id, contacts });
      flash(`${org.name} wurde gelöscht.`);
      window.location.hash = '#/organisationen';
    } catch (error) {
      showError(error);
    }
  }
}

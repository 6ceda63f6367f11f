// Screen "Stadt- und Landkreise": the 44 districts shipped as reference data, sortable by every
// column (buttons in the headers, aria-sort) and filterable by Regierungsbezirk.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { showError, clearNotices } from '../notices.js';
import { headerCells, sortState, sorted } from '../sortable.js';

export const title = 'Stadt- und Landkreise';

const COLUMNS = [
  { key: 'ags', label: 'Kreisschlüssel', value: (d) => d.ags },
  { key: 'name', label: 'Name', value: (d) => d.name },
  { key: 'kind', label: 'Art', value: (d) => KIND_LABELS[d.kind] },
  { key: 'region', label: 'Regierungsbezirk', value: (d) => d.region_name },
];
const KIND_LABELS = { stadtkreis: 'Stadtkreis', landkreis: 'Landkreis' };

// Kept across visits of the screen, like a person expects when coming back to it.
const state = { regionCode: '', regions: [], districts: [] };
const order = sortState('', COLUMNS, 'ags');

export async function render(container) {
  if (state.regions.length === 0) state.regions = await call('list_regions');
  state.districts = await loadDistricts();

  const select = el('select', { class: 'kern-form-input__select', id: 'filter-bezirk', onChange: onFilter },
    el('option', { value: '' }, 'Alle Regierungsbezirke'),
    state.regions.map((r) => el('option', { value: r.code, selected: r.code === state.regionCode }, r.name)));

  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body' },
      'Die 9 Stadtkreise und 35 Landkreise Baden-Württembergs mit amtlichem Kreisschlüssel (AGS). ',
      'Organisationen können einem dieser Kreise zugeordnet werden.'),
    el('div', { class: 'kern-form-input filter' },
      el('label', { class: 'kern-label', for: 'filter-bezirk' }, 'Regierungsbezirk'),
      el('div', { class: 'kern-form-input__select-wrapper' }, select)),
    el('p', { class: 'kern-body status', id: 'kreise-status', role: 'status' }),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'kreise-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Stadt- und Landkreise, sortierbar'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' }, headerCells(order, fillRows))),
        el('tbody', { class: 'kern-table__body', id: 'kreise-zeilen' }))));
  fillRows();
}

async function loadDistricts() {
  return call('list_districts', { filter: { region_code: state.regionCode || null } });
}

function fillRows() {
  const rows = sorted(order, state.districts).map((d) =>
    el('tr', { class: 'kern-table__row', 'data-ags': d.ags },
      COLUMNS.map((c, i) => i === 1
        ? el('th', { class: 'kern-table__header', scope: 'row' }, c.value(d))
        : el('td', { class: 'kern-table__cell' }, c.value(d)))));
  replaceChildren(document.getElementById('kreise-zeilen'), rows);
  const region = state.regions.find((r) => r.code === state.regionCode);
  const count = state.districts.length;
  replaceChildren(document.getElementById('kreise-status'),
    region ? `${count} Kreise im Regierungsbezirk ${region.name}` : `${count} Kreise`);
}

async function onFilter(event) {
  state.regionCode = event.target.value;
  try {
    state.districts = await loadDistricts();
    clearNotices();
    fillRows();
  } catch (error) {
    showError(error);
  }
}

// Screen "Konzeptpapiere": every paper with its Handlungsfeld, status and current version,
// searchable as you type (title, summary, text of the current version, authors; umlaut-insensitive)
// and narrowed by status and Handlungsfeld. Titles are plain `row-link`s (no per-row KERN
// components), so long lists stay quick.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { filterSelect } from '../controls.js';
import { formatDateTime } from '../format.js';
import { showError } from '../notices.js';

export const title = 'Konzeptpapiere';

/** German words for the core's status codes (core/src/paper_status.rs `label`). */
export const PAPER_STATUS = {
  entwurf: 'Entwurf', in_abstimmung: 'in Abstimmung', beschlossen: 'beschlossen', archiviert: 'archiviert',
};

const state = { text: '', status: '', handlungsfeld: '' };
let requestNumber = 0;

export async function render(container) {
  const fields = await call('list_handlungsfelder');
  const search = el('input', {
    class: 'kern-form-input__input', id: 'papiere-suche', type: 'search', value: state.text, autocomplete: 'off',
    'aria-describedby': 'papiere-suche-hinweis', 'aria-controls': 'papiere-liste',
    onInput: (e) => { state.text = e.target.value; refresh(); },
  });
  replaceChildren(container,
    el('div', { class: 'view-head' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('div', { class: 'form-actions' },
        el('a', { class: 'kern-btn kern-btn--primary', href: '#/konzeptpapiere/neu', id: 'papier-neu' },
          el('span', { class: 'kern-label' }, 'Neues Konzeptpapier')))),
    el('div', { class: 'filter-band' },
      el('div', { class: 'kern-form-input search-field' },
        el('label', { class: 'kern-label', for: 'papiere-suche' }, 'Suchen'),
        el('div', { class: 'kern-hint', id: 'papiere-suche-hinweis' }, 'Titel, Kurzfassung, Text, Handlungsfeld oder Autorin – Umlaute egal'),
        search),
      filterSelect({
        id: 'papiere-status', label: 'Status', value: state.status,
        options: Object.entries(PAPER_STATUS), onChange: (v) => { state.status = v; refresh(); },
      }),
      filterSelect({
        id: 'papiere-handlungsfeld', label: 'Handlungsfeld', value: state.handlungsfeld,
        options: fields.map((f) => [f.id, f.name]), onChange: (v) => { state.handlungsfeld = v; refresh(); },
      })),
    el('p', { class: 'kern-body status', id: 'papiere-status-zeile', role: 'status' }),
    el('div', { id: 'papiere-liste' }));
  await refresh();
}

async function refresh() {
  const mine = ++requestNumber;
  const text = state.text.trim();
  const filter = {
    text: text === '' ? null : text,
    status: state.status || null,
    handlungsfeld_id: state.handlungsfeld ? Number(state.handlungsfeld) : null,
  };
  try {
    const rows = await call('list_papers', { filter });
    if (mine !== requestNumber) return;
    show(rows, filter);
  } catch (error) {
    showError(error);
  }
}

function show(rows, filter) {
  const count = rows.length === 1 ? '1 Konzeptpapier' : `${rows.length} Konzeptpapiere`;
  const narrowed = filter.text || filter.status || filter.handlungsfeld_id;
  replaceChildren(document.getElementById('papiere-status-zeile'), narrowed ? `${count} gefunden` : count);
  const list = document.getElementById('papiere-liste');
  if (rows.length === 0) {
    replaceChildren(list, el('p', { class: 'kern-body' }, narrowed
      ? 'Kein Konzeptpapier passt zu Suche und Filter.'
      : 'Noch keine Konzeptpapiere. Legen Sie mit „Neues Konzeptpapier“ das erste an.'));
    return;
  }
  replaceChildren(list, el('div', { class: 'kern-table-responsive' },
    el('table', { class: 'kern-table kern-table--striped', id: 'papiere-tabelle' },
      el('caption', { class: 'kern-sr-only' }, 'Konzeptpapiere'),
      el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
        ['Titel', 'Handlungsfeld', 'Status', 'Version', 'Zuletzt geändert'].map((h) =>
          el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
      el('tbody', { class: 'kern-table__body', id: 'papiere-zeilen' }, rows.map(row)))));
}

function row(p) {
  return el('tr', { 'data-id': p.id },
    el('th', { scope: 'row' }, el('a', { class: 'row-link', href: `#/konzeptpapiere/${p.id}` }, p.title)),
    el('td', {}, p.handlungsfeld || ''),
    el('td', {}, PAPER_STATUS[p.status] || p.status),
    el('td', {}, p.current_version ? String(p.current_version) : '–'),
    el('td', {}, formatDateTime(p.updated_at)));
}

// Screen "Kontakte": the list with a search box that answers as you type (umlaut-insensitive,
// prefix match) and filters by Regierungsbezirk, Kreis, Organisationsart and Gruppe.
// Long lists are shown in pages of PAGE rows so thousands of contacts stay smooth.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { ORGANISATION_KINDS } from '../labels.js';
import { showError, showSuccess, clearNotices } from '../notices.js';

export const title = 'Kontakte';

const PAGE = 200;
const state = { query: '', region_code: '', district_ags: '', organisation_kind: '', group: '', shown: PAGE };
let rows = [];
let requestNumber = 0;

export async function render(container) {
  const [regions, districts, groups] = await Promise.all([
    call('list_regions'), call('list_districts', { filter: { region_code: null } }), call('list_groups'),
  ]);

  const search = el('input', {
    class: 'kern-form-input__input', id: 'kontakte-suche', type: 'search', value: state.query,
    autocomplete: 'off', 'aria-describedby': 'kontakte-suche-hinweis', 'aria-controls': 'kontakte-tabelle',
    onInput: (e) => { state.query = e.target.value; state.shown = PAGE; refresh(); },
  });
  const filter = (id, label, key, options) => el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label),
    el('div', { class: 'kern-form-input__select-wrapper' },
      el('select', {
        class: 'kern-form-input__select', id,
        onChange: (e) => { state[key] = e.target.value; state.shown = PAGE; refresh(); },
      }, el('option', { value: '' }, 'Alle'),
      options.map(([v, t]) => el('option', { value: v, selected: v === state[key] }, t)))));

  replaceChildren(container,
    el('div', { class: 'view-head' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('div', { class: 'form-actions' },
        el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'kontakte-email', onClick: writeEmail },
          el('span', { class: 'kern-label' }, 'E-Mail schreiben')),
        el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'kontakte-exportieren', onClick: exportCsv },
          el('span', { class: 'kern-label' }, 'Als CSV exportieren')),
        el('a', { class: 'kern-btn kern-btn--secondary', href: '#/import', id: 'kontakte-importieren' },
          el('span', { class: 'kern-label' }, 'Importieren')),
        el('a', { class: 'kern-btn kern-btn--primary', href: '#/kontakte/neu', id: 'kontakt-neu' },
          el('span', { class: 'kern-label' }, 'Neuer Kontakt')))),
    el('div', { class: 'kern-form-input search-field' },
      el('label', { class: 'kern-label', for: 'kontakte-suche' }, 'Suchen'),
      el('div', { class: 'kern-hint', id: 'kontakte-suche-hinweis' },
        'Name, Organisation, Funktion, E-Mail oder Gruppe – Umlaute egal („mueller“ findet „Müller“)'),
      search),
    el('div', { class: 'filters' },
      filter('filter-kontakt-bezirk', 'Regierungsbezirk', 'region_code', regions.map((r) => [r.code, r.name])),
      filter('filter-kontakt-kreis', 'Stadt-/Landkreis', 'district_ags',
        districts.map((d) => [d.ags, `${d.name} (${d.kind === 'stadtkreis' ? 'Stadtkreis' : 'Landkreis'})`])),
      filter('filter-kontakt-art', 'Organisationsart', 'organisation_kind', ORGANISATION_KINDS),
      filter('filter-kontakt-gruppe', 'Gruppe', 'group', groups.map((g) => [g, g]))),
    el('div', { id: 'kontakte-email-adressen' }),
    el('p', { class: 'kern-body status', id: 'kontakte-status', role: 'status' }),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'kontakte-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Kontakte'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Name', 'Funktion', 'Organisation', 'Kreis', 'E-Mail', 'Telefon'].map((h) =>
            el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        el('tbody', { class: 'kern-table__body', id: 'kontakte-zeilen' }))),
    el('div', { id: 'kontakte-mehr' }));
  await refresh();
}

function filterArgs() {
  const orNull = (v) => (v === '' ? null : v);
  return {
    query: orNull(state.query.trim()), region_code: orNull(state.region_code), district_ags: orNull(state.district_ags),
    organisation_kind: orNull(state.organisation_kind), group: orNull(state.group),
  };
}

async function refresh() {
  const mine = ++requestNumber;
  try {
    const result = await call('list_contacts', { filter: filterArgs() });
    if (mine !== requestNumber) return; // a newer keystroke already asked again
    rows = result;
    clearNotices();
    fill();
  } catch (error) {
    showError(error);
  }
}

/**
 * Opens the mail program with everyone in the list (as shown) in BCC. When the link would be too
 * long for Windows mail programs, or no mail program answers, the addresses are shown for copying.
 */
async function writeEmail() {
  const region = document.getElementById('kontakte-email-adressen');
  replaceChildren(region);
  try {
    const outcome = await call('write_email', { filter: filterArgs() });
    const d = outcome.draft;
    const missing = outcome.without_email > 0 ? ` ${outcome.without_email} Kontakte ohne E-Mail-Adresse sind nicht dabei.` : '';
    if (d.kind === 'empty') {
      showError({ code: 'Validation', message: 'Niemand in der Liste hat eine E-Mail-Adresse.' });
    } else if (d.kind === 'link' && outcome.opened) {
      showSuccess(`Ihr E-Mail-Programm öffnet eine neue Nachricht an ${d.recipients} Empfänger (in BCC).${missing}`);
    } else {
      const addresses = d.kind === 'copy' ? d.addresses : decodeURIComponent(d.url.replace('mailto:?bcc=', '')).split(',').join('; ');
      const reason = d.kind === 'copy'
        ? `Die ${d.recipients} Adressen sind zu viele für einen E-Mail-Link.`
        : 'Es wurde kein E-Mail-Programm gefunden.';
      const text = el('textarea', { class: 'kern-form-input__input', id: 'kontakte-adressen', readonly: true, rows: '4' });
      text.value = addresses;
      replaceChildren(region, el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'adressen-titel' },
        el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'adressen-titel' }, 'Adressen zum Kopieren')),
        el('div', { class: 'kern-alert__body' },
          el('p', { class: 'kern-body' }, `${reason} Kopieren Sie sie in das BCC-Feld Ihrer Nachricht.${missing}`),
          el('label', { class: 'kern-label', for: 'kontakte-adressen' }, 'E-Mail-Adressen, durch Semikolon getrennt'),
          text,
          el('div', { class: 'form-actions' },
            el('button', { type: 'button', class: 'kern-btn kern-btn--primary', id: 'adressen-kopieren', onClick: async () => {
              text.select();
              try {
                await navigator.clipboard.writeText(addresses);
                showSuccess('Die Adressen sind in der Zwischenablage.');
              } catch {
                showSuccess('Die Adressen sind markiert: kopieren Sie sie mit Strg+C.');
              }
            } }, el('span', { class: 'kern-label' }, 'Adressen kopieren'))))));
      text.focus();
    }
  } catch (error) {
    showError(error);
  }
}

/** Writes the list as shown (search and filters applied) as CSV for Excel into Downloads. */
async function exportCsv() {
  try {
    const path = await call('export_contacts_csv', { filter: filterArgs() });
    showSuccess(`${rows.length === 1 ? '1 Kontakt' : `${rows.length} Kontakte`} als CSV gespeichert: ${path}`);
  } catch (error) {
    showError(error);
  }
}

export function displayName(c) {
  return [c.title, c.first_name, c.last_name].filter(Boolean).join(' ');
}

function fill() {
  const body = document.getElementById('kontakte-zeilen');
  if (!body) return;
  replaceChildren(body, rows.slice(0, state.shown).map((c) =>
    el('tr', { class: 'kern-table__row', 'data-id': c.id },
      el('th', { class: 'kern-table__header', scope: 'row' },
        el('a', { class: 'kern-link', href: `#/kontakte/${c.id}` }, displayName(c))),
      el('td', { class: 'kern-table__cell' }, c.function || ''),
      el('td', { class: 'kern-table__cell' }, c.organisation_name || ''),
      el('td', { class: 'kern-table__cell' }, c.district_name || ''),
      el('td', { class: 'kern-table__cell' }, c.email || ''),
      el('td', { class: 'kern-table__cell' }, c.phone || ''))));
  const total = rows.length;
  const searching = state.query.trim() !== '';
  let status = total === 1 ? '1 Kontakt' : `${total} Kontakte`;
  if (searching) status += ` für „${state.query.trim()}“`;
  if (total > state.shown) status += `, die ersten ${state.shown} werden angezeigt`;
  replaceChildren(document.getElementById('kontakte-status'), status);
  replaceChildren(document.getElementById('kontakte-mehr'), total > state.shown
    ? el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'kontakte-mehr-knopf',
        onClick: () => { state.shown += PAGE; fill(); } },
      el('span', { class: 'kern-label' }, `Weitere ${Math.min(PAGE, total - state.shown)} anzeigen`))
    : null);
}

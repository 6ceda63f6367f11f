// Screen "Kontakte": the list with a search box that answers as you type (umlaut-insensitive,
// prefix match) and filters by Regierungsbezirk, Kreis, Organisationsart and Gruppe.
// Rows can be selected (kept across searches, so people from several searches can be gathered);
// "E-Mail schreiben" and the vCard export act on the selection, or on the whole list when nothing
// is selected. Long lists render PAGE rows at a time, more as the user scrolls near the end (or
// presses "Weitere anzeigen"), so thousands of contacts stay smooth.

import { call } from '../api.js';
import { writeEmail } from './contacts-mail.js';
import { button, filterSelect } from '../controls.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { formatNumber } from '../format.js';
import { districtOptionLabel, formatCount, organisationKinds } from '../labels.js';
import { showError, showSuccess, clearNotices } from '../notices.js';
import { headerCells, sortState, sorted } from '../sortable.js';

export const title = 'Kontakte';

const PAGE = 200;
const COLUMNS = [
  { key: 'name', label: 'Name', value: (c) => `${c.last_name} ${c.first_name || ''}` },
  { key: 'function', label: 'Funktion', value: (c) => c.function },
  { key: 'organisation', label: 'Organisation', value: (c) => c.organisation_name },
  { key: 'district', label: 'Kreis', value: (c) => c.district_name },
  { key: 'email', label: 'E-Mail', value: (c) => c.email },
  { key: 'phone', label: 'Telefon', value: (c) => c.phone },
];
const order = sortState('kontakte', COLUMNS);
const state = { query: '', region_code: '', district_ags: '', organisation_kind: '', group: '', shown: PAGE };
/** Ids of the selected contacts; survives new searches and filters. */
const selected = new Set();
let rows = [];
let rendered = 0;
let nearEnd = null;
let requestNumber = 0;

export async function render(container) {
  const [regions, districts, groups] = await Promise.all([
    call('list_regions'), call('list_districts', { filter: { region_code: null } }), call('list_groups'),
  ]);

  const search = el('input', {
    class: 'kern-form-input__input', id: 'kontakte-suche', type: 'search', value: state.query,
    autocomplete: 'off', 'aria-describedby': 'kontakte-suche-hinweis', 'aria-controls': 'kontakte-tabelle',
    placeholder: 'Name, Organisation, E-Mail …',
    onInput: (e) => { state.query = e.target.value; state.shown = PAGE; refresh(); },
  });
  const filter = (id, label, key, options) => filterSelect({
    id, label, options, value: state[key],
    onChange: (value) => { state[key] = value; state.shown = PAGE; refresh(); },
  });

  replaceChildren(container,
    // One line of actions: the primary "Neuer Kontakt" last (right, where the eye ends), the
    // secondary ones grouped before it; exports share one menu.
    el('div', { class: 'view-head view-head--compact' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('div', { class: 'head-actions' },
        button({ label: 'E-Mail schreiben', id: 'kontakte-email', onClick: () => writeEmail(targetFilter(), targetWords()), attrs: { 'aria-describedby': 'kontakte-auswahl' } }),
        exportMenu(),
        button({ label: 'Importieren', href: '#/import', id: 'kontakte-importieren' }),
        button({ label: 'Neuer Kontakt', variant: 'primary', href: '#/kontakte/neu', id: 'kontakt-neu' }))),
    // Search and filters in one compact band, so the first rows show without scrolling.
    el('div', { class: 'list-band' },
      el('div', { class: 'kern-form-input band-search' },
        el('label', { class: 'kern-label', for: 'kontakte-suche' }, 'Suchen'),
        el('div', { class: 'kern-sr-only', id: 'kontakte-suche-hinweis' },
          'Name, Organisation, Funktion, E-Mail oder Gruppe – Umlaute egal („mueller“ findet „Müller“)'),
        search),
      filter('filter-kontakt-bezirk', 'Regierungsbezirk', 'region_code', regions.map((r) => [r.code, r.name])),
      filter('filter-kontakt-kreis', 'Stadt-/Landkreis', 'district_ags', districts.map((d) => [d.ags, districtOptionLabel(d)])),
      filter('filter-kontakt-art', 'Organisationsart', 'organisation_kind', organisationKinds()),
      filter('filter-kontakt-gruppe', 'Gruppe', 'group', groups.map((g) => [g, g]))),
    el('div', { id: 'kontakte-email-adressen' }),
    el('div', { class: 'list-status' },
      el('p', { class: 'kern-body status', id: 'kontakte-status', role: 'status' }),
      el('p', { class: 'kern-body', id: 'kontakte-auswahl', 'aria-live': 'polite' }),
      button({ label: 'Auswahl aufheben', variant: 'tertiary', id: 'kontakte-auswahl-aufheben', attrs: { class: 'kern-btn kern-btn--tertiary is-hidden', hidden: true },
        // The button hides itself; focus moves to the "select all" box so keyboard users keep their place.
        onClick: () => { selected.clear(); syncSelection(true); document.getElementById('kontakte-alle').focus(); } })),
    el('div', { id: 'kontakte-leer' }),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'kontakte-tabelle' },
        el('caption', { class: 'kern-sr-only' }, 'Kontakte'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          el('td', { class: 'kern-table__header select-cell' },
            el('div', { class: 'kern-form-check' },
              el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: 'kontakte-alle',
                onChange: (e) => selectAll(e.target.checked) }),
              el('label', { class: 'kern-label kern-sr-only', for: 'kontakte-alle' }, 'Alle Kontakte der Liste auswählen'))),
          headerCells(order, onSort))),
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
    rows = sorted(order, result);
    if (Object.values(filterArgs()).every((v) => v === null)) {
      // The unfiltered list is every contact: forget selected ones deleted meanwhile.
      const present = new Set(rows.map((c) => c.id));
      for (const id of [...selected]) if (!present.has(id)) selected.delete(id);
    }
    clearNotices();
    fill(true);
  } catch (error) {
    showError(error);
  }
}

/**
 * "Exportieren": a disclosure button with the two exports below it. Escape or leaving the group
 * closes it; choosing an export closes it and gives the focus back to the button.
 */
function exportMenu() {
  const setOpen = (open) => {
    setHidden(list, !open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  const choose = (action) => () => { setOpen(false); toggle.focus(); action(); };
  const list = el('div', { class: 'action-menu__list is-hidden', id: 'kontakte-export-menue', hidden: true },
    button({ label: 'Liste als CSV exportieren', variant: 'tertiary', id: 'kontakte-exportieren', onClick: choose(exportCsv),
      attrs: { 'aria-describedby': 'kontakte-auswahl' } }),
    button({ label: 'Als vCard exportieren', variant: 'tertiary', id: 'kontakte-vcard', onClick: choose(exportVcard),
      attrs: { 'aria-describedby': 'kontakte-auswahl' } }),
    button({ label: 'Je Kontakt eine vCard (ZIP)', variant: 'tertiary', id: 'kontakte-vcard-zip', onClick: choose(exportVcardZip),
      attrs: { 'aria-describedby': 'kontakte-auswahl' } }));
  const toggle = button({ label: 'Exportieren', id: 'kontakte-export-knopf',
    attrs: { 'aria-expanded': 'false', 'aria-controls': 'kontakte-export-menue' },
    onClick: () => setOpen(list.hidden) });
  const group = el('div', {
    class: 'action-menu',
    onKeydown: (e) => { if (e.key === 'Escape' && !list.hidden) { setOpen(false); toggle.focus(); } },
    // Focus moving to another control closes it (focus going nowhere, e.g. a click on empty
    // space, is handled by the document listener below).
    onFocusout: (e) => { if (e.relatedTarget && !group.contains(e.relatedTarget)) setOpen(false); },
  }, toggle, list);
  const onDocumentClick = (e) => {
    if (!group.isConnected) { document.removeEventListener('click', onDocumentClick); return; }
    if (!list.hidden && !group.contains(e.target)) setOpen(false);
  };
  document.addEventListener('click', onDocumentClick);
  return group;
}

/**
 * Below an empty list: a search that found nothing says how to widen it and offers to reset; an
 * empty address book greets a new user with the first steps.
 */
function showEmptyHint(total) {
  const region = document.getElementById('kontakte-leer');
  if (!region) return;
  const narrowed = Object.values(filterArgs()).some((v) => v !== null);
  if (total > 0) {
    replaceChildren(region);
  } else if (narrowed) {
    const query = state.query.trim();
    replaceChildren(region, el('div', { class: 'empty-hint' },
      el('p', { class: 'kern-body' },
        query ? `Kein Kontakt passt zu „${query}“ mit den gewählten Filtern. ` : 'Kein Kontakt passt zu den gewählten Filtern. ',
        'Suchen Sie nach dem Anfang eines Namens oder Worts (Umlaute egal), mit weniger Wörtern, oder stellen Sie die Filter auf „Alle“.'),
      button({ label: 'Suche zurücksetzen', id: 'kontakte-suche-zuruecksetzen', onClick: resetSearch })));
  } else {
    replaceChildren(region, el('div', { class: 'empty-hint' },
      el('p', { class: 'kern-body' },
        'Willkommen! Netzwerkmappe hält die Kontakte und Organisationen des Netzwerks Integration Baden-Württemberg ',
        'bereit – für Einladungen, Teilnehmendenlisten und E-Mails. So fangen Sie an:'),
      el('div', { class: 'head-actions' },
        button({ label: 'Kontakte aus Outlook oder Excel importieren', variant: 'primary', href: '#/import', id: 'kontakte-erster-import' }),
        button({ label: 'Ersten Kontakt anlegen', href: '#/kontakte/neu', id: 'kontakte-erster-kontakt' }),
        button({ label: 'Beispielnetzwerk laden', id: 'kontakte-beispiel', onClick: loadDemo })),
      el('p', { class: 'kern-hint' },
        'Das Beispielnetzwerk (erfundene Personen bei den echten Landratsämtern und Stadtverwaltungen, ',
        'drei Sitzungen mit Protokollen) ist zum Ausprobieren; es lässt sich nur in eine leere Datendatei laden.')));
  }
}

/** Fills the empty data file with the demo network (the core refuses a file that holds data). */
async function loadDemo() {
  clearNotices();
  try {
    const s = await call('load_demo');
    await refresh();
    showSuccess(`Beispielnetzwerk geladen: ${formatCount(s.contacts, 'kontakt')}, ${s.organisations} Organisationen, ${s.sessions} Sitzungen.`);
    document.querySelector('#kontakte-zeilen a')?.focus();
  } catch (error) {
    showError(error);
  }
}

/** Empties the search box and sets every filter back to "Alle". */
function resetSearch() {
  Object.assign(state, { query: '', region_code: '', district_ags: '', organisation_kind: '', group: '', shown: PAGE });
  document.getElementById('kontakte-suche').value = '';
  for (const id of ['filter-kontakt-bezirk', 'filter-kontakt-kreis', 'filter-kontakt-art', 'filter-kontakt-gruppe']) {
    document.getElementById(id).value = '';
  }
  document.getElementById('kontakte-suche').focus();
  refresh();
}

/** What "E-Mail schreiben" and the vCard export act on: the selection, else the list as shown. */
function targetFilter() {
  return selected.size > 0 ? { ids: [...selected] } : filterArgs();
}

function targetWords() {
  return selected.size > 0 ? 'in der Auswahl' : 'in der Liste';
}

function countWords(n) {
  return formatCount(n, 'kontakt');
}

/**
 * The ids in the order the table shows them (the person may have sorted by a column): exports
 * follow it. Selected contacts outside the current list follow behind them.
 */
function screenOrder() {
  return rows.map((c) => c.id);
}

/**
 * Writes the selection, else the list as shown (search and filters applied), as CSV for Excel
 * (e.g. for a mail merge). Rust opens "Speichern unter" (Downloads, "Kontakte_<Datum>.csv");
 * `null` means the person cancelled.
 */
async function exportCsv() {
  try {
    const outcome = await call('export_contacts_csv', { filter: targetFilter(), order: screenOrder() });
    if (outcome) showSuccess(`${countWords(outcome.count)} als CSV für Excel gespeichert: ${outcome.path}`);
  } catch (error) {
    showError(error);
  }
}

/** Writes the selected contacts (or the list) as one vCard 3.0 file, after "Speichern unter". */
async function exportVcard() {
  try {
    const outcome = await call('export_contacts_vcard', { filter: targetFilter(), order: screenOrder() });
    if (outcome) showSuccess(`${countWords(outcome.count)} als vCard gespeichert: ${outcome.path}`);
  } catch (error) {
    showError(error);
  }
}

/**
 * The same contacts as "Als vCard exportieren", one file per person in a ZIP: Outlook desktop
 * imports only the first card of a file with several.
 */
async function exportVcardZip() {
  try {
    const outcome = await call('export_contacts_vcard_zip', { filter: targetFilter(), order: screenOrder() });
    if (outcome) showSuccess(`${countWords(outcome.count)} als einzelne vCards (ZIP) gespeichert: ${outcome.path}`);
  } catch (error) {
    showError(error);
  }
}

/** A deleted contact leaves the selection (its id could be given to a new contact later). */
export function forgetSelected(id) {
  selected.delete(id);
}

export function displayName(c) {
  return [c.title, c.first_name, c.last_name].filter(Boolean).join(' ');
}

/** A new column order: the rows already shown stay shown, in the new order. */
function onSort() {
  rows = sorted(order, rows);
  state.shown = Math.max(PAGE, rendered);
  fill(true);
}

function selectAll(on) {
  for (const c of rows) {
    if (on) selected.add(c.id); else selected.delete(c.id);
  }
  syncSelection(true);
}

/**
 * Brings the selection line, the "select all" box and the action buttons in line with `selected`;
 * with `boxes` also every row's checkbox (after "select all" or "Auswahl aufheben"; new rows are
 * created with the right state, so appending rows skips that walk over thousands of boxes).
 */
function syncSelection(boxes = false) {
  if (boxes) {
    for (const box of document.querySelectorAll('#kontakte-zeilen input[type=checkbox]')) {
      box.checked = selected.has(Number(box.dataset.id));
    }
  }
  const all = document.getElementById('kontakte-alle');
  if (!all) return;
  const inList = rows.filter((c) => selected.has(c.id)).length;
  all.checked = rows.length > 0 && inList === rows.length;
  all.indeterminate = inList > 0 && inList < rows.length;
  const n = selected.size;
  const elsewhere = n - inList;
  let text = n === 0
    ? 'Keine Auswahl: E-Mail und Exporte gelten für die ganze Liste.'
    : `${countWords(n)} ausgewählt – E-Mail und Exporte gelten für die Auswahl.`;
  if (elsewhere > 0) text += ` ${formatNumber(elsewhere)} davon ${elsewhere === 1 ? 'steht' : 'stehen'} nicht in der aktuellen Liste.`;
  setText(document.getElementById('kontakte-auswahl'), text);
  setHidden(document.getElementById('kontakte-auswahl-aufheben'), n === 0);
  replaceChildren(document.querySelector('#kontakte-email .kern-label'), n ? `E-Mail an Auswahl (${n})` : 'E-Mail schreiben');
  replaceChildren(document.querySelector('#kontakte-vcard .kern-label'), n ? `Auswahl als vCard (${n})` : 'Als vCard exportieren');
  replaceChildren(document.querySelector('#kontakte-exportieren .kern-label'), n ? `Auswahl als CSV (${n})` : 'Liste als CSV exportieren');
}

function row(c) {
  const name = displayName(c);
  return el('tr', { class: 'kern-table__row', 'data-id': c.id },
    el('td', { class: 'kern-table__cell select-cell' },
      el('div', { class: 'row-check' },
        el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: `auswahl-${c.id}`, 'data-id': c.id,
          checked: selected.has(c.id),
          onChange: (e) => { if (e.target.checked) selected.add(c.id); else selected.delete(c.id); syncSelection(); } }),
        el('label', { class: 'kern-sr-only', for: `auswahl-${c.id}` }, `${name} auswählen`))),
    el('th', { class: 'kern-table__header', scope: 'row', title: name },
      el('a', { class: 'row-link', href: `#/kontakte/${c.id}` }, name)),
    clipped(c.function), clipped(c.organisation_name), clipped(c.district_name), clipped(c.email), clipped(c.phone));
}

/**
 * A cell on one line; what does not fit ends in "…", the full value shows on hover (title) and
 * while the row has the keyboard focus (CSS `:focus-within`), never broken mid-word.
 */
function clipped(value) {
  return el('td', { class: 'kern-table__cell', title: value || null }, value || '');
}

/** Renders rows up to `state.shown`; `reset` starts over (new search), else only appends. */
function fill(reset) {
  const body = document.getElementById('kontakte-zeilen');
  if (!body) return;
  if (reset) {
    replaceChildren(body);
    rendered = 0;
  }
  const upTo = Math.min(state.shown, rows.length);
  if (upTo > rendered) {
    const fragment = document.createDocumentFragment();
    for (const c of rows.slice(rendered, upTo)) fragment.append(row(c));
    body.append(fragment);
    rendered = upTo;
  }
  const total = rows.length;
  const searching = state.query.trim() !== '';
  let status = countWords(total);
  if (searching) status += ` für „${state.query.trim()}“`;
  if (total > rendered) status += `, die ersten ${formatNumber(rendered)} werden angezeigt`;
  setText(document.getElementById('kontakte-status'), status);
  showEmptyHint(total);
  const more = document.getElementById('kontakte-mehr');
  const label = `Weitere ${Math.min(PAGE, total - rendered)} anzeigen`;
  const button = document.getElementById('kontakte-mehr-knopf');
  if (total <= rendered) {
    replaceChildren(more);
  } else if (button) {
    // Kept (not replaced) so it keeps the focus when rows were added by scrolling.
    setText(button.querySelector('.kern-label'), label);
  } else {
    replaceChildren(more, el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'kontakte-mehr-knopf',
      onClick: () => showMore(true) }, el('span', { class: 'kern-label' }, label)));
  }
  watchNearEnd(more);
  syncSelection();
}

/** Changes a live region's text only when it differs, so screen readers do not repeat it. */
function setText(node, text) {
  if (node.textContent !== text) replaceChildren(node, text);
}

/** `byButton`: a keyboard user pressed "Weitere anzeigen"; focus moves to the first new row. */
function showMore(byButton) {
  const first = rendered;
  state.shown = rendered + PAGE;
  fill(false);
  if (byButton) document.querySelectorAll('#kontakte-zeilen tr')[first]?.querySelector('a')?.focus();
}

/** Loads the next rows while the user scrolls towards the end of the list. */
function watchNearEnd(more) {
  if (nearEnd) nearEnd.disconnect();
  if (!more.firstChild) return;
  nearEnd = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && document.getElementById('kontakte-mehr-knopf')) showMore(false);
  }, { root: document.getElementById('inhalt'), rootMargin: '0px 0px 600px 0px' });
  nearEnd.observe(more);
}

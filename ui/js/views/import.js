// Screen "Kontakte importieren": pick a CSV (Outlook, Excel) or vCard file, see a preview with
// how the file was read, the column mapping (changeable), every row's status (neu, doppelt,
// Fehler with row and field, and what the reader had to change as a Hinweis), the kind and Kreis
// each row's organisation will have (stored, or what a new one gets), choose what happens to duplicates and faulty rows, then import in
// one go. Nothing is stored before "Importieren"; a failed import stores nothing.
// The file is picked in the system's dialog, opened by Rust (`choose_import_file`), which keeps
// the path and reads the file itself: no file contents cross the bridge, and a mapping change
// just asks for the preview again.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { formatNumber } from '../format.js';
import { encodingLabel, formatCount, organisationKindLabel } from '../labels.js';
import { clearNotices, flash, showError } from '../notices.js';

export const title = 'Kontakte importieren';

const STATUS = { new: 'neu', duplicate: 'doppelt', error: 'Fehler' };
const DELIMITERS = { ';': 'Semikolon', ',': 'Komma', '\t': 'Tabulator' };
/** Which rows the preview table shows; the counts name how many each choice has. */
const SHOW = [
  { value: 'all', label: 'Alle Zeilen', keep: () => true },
  { value: 'error', label: 'Nur Zeilen mit Fehlern', keep: (r) => r.status === 'error' },
  { value: 'duplicate', label: 'Nur doppelte Zeilen', keep: (r) => r.status === 'duplicate' },
  { value: 'warning', label: 'Nur Zeilen mit Hinweisen', keep: (r) => r.warnings.length > 0 },
  { value: 'new', label: 'Nur neue Zeilen', keep: (r) => r.status === 'new' },
];
/** Rows rendered at a time: a 5,000-row file shows its first rows at once, more on demand. */
const PAGE = 200;
let mapping = null;
let show = 'all';
let requestNumber = 0;
let nearEnd = null;

export async function render(container) {
  mapping = null;
  show = 'all';
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/kontakte' }, '← Zurück zu den Kontakten')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body', id: 'import-datei-hinweis' },
      'CSV aus Outlook oder Excel (Komma oder Semikolon, Windows-1252 oder UTF-8) oder vCard (.vcf). ',
      'Vor dem Speichern sehen Sie eine Vorschau; gespeichert wird erst mit „Importieren“.'),
    el('div', { class: 'file-picker' },
      el('button', { type: 'button', class: 'kern-btn kern-btn--primary', id: 'import-waehlen',
        'aria-describedby': 'import-datei-hinweis', onClick: chooseFile },
        el('span', { class: 'kern-label' }, 'Datei auswählen …')),
      el('span', { class: 'kern-body', id: 'import-dateiname', 'aria-live': 'polite' }, 'Keine Datei ausgewählt')),
    el('p', { class: 'kern-body', id: 'import-arbeit', role: 'status' }),
    el('div', { id: 'import-vorschau' }));
}

/** Opens the system's file dialog; a cancelled dialog changes nothing. */
async function chooseFile() {
  let name;
  try {
    name = await call('choose_import_file');
  } catch (error) {
    showError(error);
    return;
  }
  if (!name) return;
  clearNotices();
  replaceChildren(document.getElementById('import-dateiname'), `Ausgewählt: ${name}`);
  mapping = null;
  show = 'all';
  await preview(name);
}

/**
 * Asks Rust for the preview of the picked file (read again by path, e.g. after a mapping change).
 * Large files take a moment: a status line says so, and only the newest request is shown.
 */
async function preview(name) {
  const mine = ++requestNumber;
  const region = document.getElementById('import-vorschau');
  const working = document.getElementById('import-arbeit');
  region.setAttribute('aria-busy', 'true');
  replaceChildren(working, `${name} wird gelesen und geprüft …`);
  try {
    const p = await call('preview_import', { mapping });
    if (mine !== requestNumber) return;
    mapping = p.mapping.length ? p.mapping : null;
    // A mapping select keeps the focus across the new preview.
    const focused = region.contains(document.activeElement) ? document.activeElement.id : null;
    replaceChildren(region, renderPreview(p, name));
    if (focused) document.getElementById(focused)?.focus();
  } catch (error) {
    if (mine !== requestNumber) return;
    replaceChildren(region);
    showError(error);
  } finally {
    if (mine === requestNumber) {
      region.removeAttribute('aria-busy');
      replaceChildren(working);
    }
  }
}

function renderPreview(p, name) {
  const how = p.kind === 'VCard'
    ? 'vCard-Datei'
    : `CSV-Datei, Zeichensatz ${encodingLabel(p.encoding)}, Trennzeichen ${DELIMITERS[p.delimiter] || `„${p.delimiter}“`}`;
  const parts = [
    el('h2', { class: 'kern-heading-medium' }, 'Vorschau'),
    el('p', { class: 'kern-body', id: 'import-erkannt' }, `${name}: ${how}.`),
    el('p', { class: 'kern-body', id: 'import-zusammenfassung', role: 'status' },
      `${formatNumber(p.new_count)} neu, ${formatNumber(p.duplicate_count)} doppelt, ${formatNumber(p.error_count)} mit Fehlern`,
      p.warning_count > 0 ? `; ${formatCount(p.warning_count, 'zeile')} mit Hinweisen.` : '.'),
  ];
  if (p.kind === 'Csv') parts.push(mappingTable(p, name));
  parts.push(showFilter(p));
  parts.push(el('div', { id: 'import-zeilen-bereich' }, rowsTable(p)));
  parts.push(options(p));
  return parts;
}

function mappingTable(p, name) {
  // Open when at least half the rows fail: then the columns are more likely mapped wrong than the
  // rows broken. Otherwise the rows come first (a 5,000-row file should show its people, not 13
  // mapping selects).
  const suspicious = p.error_count > 0 && p.error_count * 2 >= p.rows.length;
  return el('details', { class: 'mapping', open: suspicious },
    el('summary', { class: 'kern-body' }, 'Spaltenzuordnung prüfen oder ändern'),
    el('table', { class: 'kern-table kern-table--small', id: 'import-zuordnung' },
      el('caption', { class: 'kern-sr-only' }, 'Zuordnung der Spalten zu Feldern'),
      el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
        el('th', { class: 'kern-table__header', scope: 'col' }, 'Spalte in der Datei'),
        el('th', { class: 'kern-table__header', scope: 'col' }, 'Feld in Netzwerkmappe'))),
      el('tbody', { class: 'kern-table__body' }, p.headers.map((header, i) => {
        const id = `zuordnung-${i}`;
        return el('tr', { class: 'kern-table__row' },
          el('th', { class: 'kern-table__header', scope: 'row' }, el('label', { for: id }, header)),
          el('td', { class: 'kern-table__cell' },
            // The wrapper draws KERN's select arrow; without it the select looks like plain text.
            el('div', { class: 'kern-form-input__select-wrapper' },
              el('select', { class: 'kern-form-input__select', id, onChange: (e) => {
                mapping[i] = e.target.value === '' ? null : e.target.value;
                preview(name);
              } },
              el('option', { value: '' }, 'nicht übernehmen'),
              p.fields.map((f) => el('option', { value: f.value, selected: p.mapping[i] === f.value }, f.label))))));
      }))));
}

/** "Anzeigen": all rows, or only errors, duplicates or new ones (with their counts). */
function showFilter(p) {
  const counts = {
    all: p.rows.length, error: p.error_count, duplicate: p.duplicate_count, warning: p.warning_count, new: p.new_count,
  };
  return el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: 'import-anzeigen' }, 'Anzeigen'),
    el('div', { class: 'kern-form-input__select-wrapper' },
      el('select', {
        class: 'kern-form-input__select', id: 'import-anzeigen', 'aria-controls': 'import-zeilen',
        onChange: (e) => {
          show = e.target.value;
          replaceChildren(document.getElementById('import-zeilen-bereich'), rowsTable(p));
        },
      }, SHOW.map((s) => el('option', { value: s.value, selected: s.value === show }, `${s.label} (${formatNumber(counts[s.value])})`)))));
}

/**
 * The reason a row is flagged, from the row's own parts: `field` is shown in its column and
 * `message` says what is wrong with it; further fields at fault follow with their labels.
 */
function reason(r) {
  const further = (r.fields || []).slice(1).map((f) => `${f.field}: ${f.message}`);
  return [r.message || '', ...further].filter(Boolean).join(' ');
}

/**
 * "neu: Wohlfahrtsverband, Ortenaukreis" / "vorhanden: Landratsamt, Tübingen": what the row's
 * organisation will be, so a wrong guess is seen before it is stored.
 */
function organisationDetail(r) {
  if (!r.organisation) return null;
  const kind = r.organisation_kind ? organisationKindLabel(r.organisation_kind) : '';
  const kreis = r.organisation_district || 'ohne Kreis';
  return el('span', { class: 'import-org-detail' },
    `${r.organisation_new ? 'wird angelegt' : 'vorhanden'}: ${[kind, kreis].filter(Boolean).join(', ')}`);
}

/** The reason a row is flagged, then what the reader had to change, one line each. */
function notes(r) {
  const lines = [];
  const text = reason(r);
  if (text) lines.push(el('span', { class: 'import-note' }, text));
  for (const w of r.warnings) lines.push(el('span', { class: 'import-note import-warning' }, `Hinweis: ${w}`));
  return lines;
}

function rowElement(r) {
  return el('tr', { class: `kern-table__row import-${r.status}`, 'data-status': r.status,
    'data-warnings': r.warnings.length > 0 ? String(r.warnings.length) : null },
    el('td', { class: 'kern-table__cell' }, r.position_label),
    el('th', { class: 'kern-table__header', scope: 'row' }, r.name || '–'),
    el('td', { class: 'kern-table__cell' }, r.organisation || '', organisationDetail(r)),
    el('td', { class: 'kern-table__cell' }, r.email || ''),
    el('td', { class: 'kern-table__cell' }, el('span', { class: `kern-badge ${r.status === 'error' ? 'kern-badge--danger' : r.status === 'duplicate' ? 'kern-badge--warning' : 'kern-badge--success'}` }, STATUS[r.status])),
    el('td', { class: 'kern-table__cell' }, r.field || ''),
    el('td', { class: 'kern-table__cell' }, notes(r)));
}

/**
 * The rows the "Anzeigen" choice keeps, PAGE at a time: more follow when the person scrolls near
 * the end or presses "Weitere … anzeigen" (then focus moves to the first new row).
 */
function rowsTable(p) {
  const keep = (SHOW.find((s) => s.value === show) || SHOW[0]).keep;
  const rows = p.rows.filter(keep);
  const body = el('tbody', { class: 'kern-table__body' });
  const more = el('div', { id: 'import-mehr' });
  const count = el('p', { class: 'kern-body', id: 'import-angezeigt' });
  const button = el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'import-mehr-knopf',
    onClick: () => append(true) }, el('span', { class: 'kern-label' }));
  let rendered = 0;
  const append = (byButton) => {
    const first = rendered;
    const fragment = document.createDocumentFragment();
    for (const r of rows.slice(rendered, rendered + PAGE)) fragment.append(rowElement(r));
    body.append(fragment);
    rendered = Math.min(rows.length, rendered + PAGE);
    if (rendered >= rows.length) {
      replaceChildren(more);
      if (nearEnd) nearEnd.disconnect();
    } else {
      replaceChildren(count, `Die ersten ${formatNumber(rendered)} von ${formatCount(rows.length, 'zeile')} werden angezeigt.`);
      replaceChildren(button.querySelector('.kern-label'), `Weitere ${formatNumber(Math.min(PAGE, rows.length - rendered))} anzeigen`);
      if (!more.firstChild) replaceChildren(more, count, button);
    }
    const firstNew = byButton ? body.children[first]?.querySelector('th') : null;
    if (firstNew) {
      firstNew.setAttribute('tabindex', '-1');
      firstNew.focus();
    }
  };
  append(false);
  if (nearEnd) nearEnd.disconnect();
  if (more.firstChild) {
    nearEnd = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && more.firstChild) append(false);
    }, { root: document.getElementById('inhalt'), rootMargin: '0px 0px 600px 0px' });
    nearEnd.observe(more);
  }
  return [el('div', { class: 'kern-table-responsive' },
    el('table', { class: 'kern-table kern-table--striped', id: 'import-zeilen' },
      el('caption', { class: 'kern-sr-only' }, 'Zeilen der Datei'),
      el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
        ['Stelle', 'Name', 'Organisation', 'E-Mail', 'Status', 'Feld', 'Hinweis'].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
      body)), more];
}

function radio(name, value, label, checked) {
  const id = `${name}-${value}`;
  return el('div', { class: 'kern-form-check' },
    el('input', { class: 'kern-form-check__radio', type: 'radio', name, id, value, checked }),
    el('label', { class: 'kern-label', for: id }, label));
}

function options(p) {
  const nothing = p.new_count === 0 && p.duplicate_count === 0;
  return el('form', { id: 'import-optionen', class: 'record-form', onSubmit: (e) => { e.preventDefault(); apply(); } },
    p.duplicate_count > 0 ? el('fieldset', { class: 'kern-fieldset' },
      el('legend', { class: 'kern-label' }, `${formatCount(p.duplicate_count, 'kontakt')} gibt es schon. Was soll damit geschehen?`),
      el('div', { class: 'kern-fieldset__body' },
        radio('duplikate', 'skip', 'Überspringen (nichts ändern)', true),
        radio('duplikate', 'update', 'Aktualisieren (leere Felder füllen, Adressen und Nummern ergänzen)', false),
        radio('duplikate', 'import_anyway', 'Trotzdem als neue Kontakte importieren', false))) : null,
    p.error_count > 0 ? el('fieldset', { class: 'kern-fieldset' },
      el('legend', { class: 'kern-label' }, `Die Datei hat ${formatCount(p.error_count, 'zeile')} mit Fehlern (siehe Hinweis in der Tabelle).`),
      el('div', { class: 'kern-fieldset__body' },
        radio('fehler', 'skip', 'Nur die fehlerfreien Zeilen importieren', true),
        radio('fehler', 'none', 'Nichts importieren, ich korrigiere die Datei', false))) : null,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'import-starten', disabled: nothing },
        el('span', { class: 'kern-label' }, 'Importieren')),
      el('a', { class: 'kern-btn kern-btn--secondary', href: '#/kontakte' }, el('span', { class: 'kern-label' }, 'Abbrechen'))));
}

async function apply() {
  const form = document.getElementById('import-optionen');
  const duplicates = (form.querySelector('input[name=duplikate]:checked') || { value: 'skip' }).value;
  const errors = (form.querySelector('input[name=fehler]:checked') || { value: 'skip' }).value;
  if (errors === 'none') {
    window.location.hash = '#/kontakte';
    return;
  }
  try {
    const s = await call('apply_import', { mapping, duplicates, skipErrorRows: true });
    flash(`Import abgeschlossen: ${formatNumber(s.created)} neu, ${formatNumber(s.updated)} aktualisiert, `
      + `${formatNumber(s.skipped)} übersprungen, ${formatCount(s.failed, 'zeile')} mit Fehlern ausgelassen, `
      + `${formatCount(s.organisations_created, 'organisation')} angelegt.`);
    window.location.hash = '#/kontakte';
  } catch (error) {
    showError(error);
  }
}

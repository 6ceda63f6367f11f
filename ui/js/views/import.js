// Screen "Kontakte importieren": pick a CSV (Outlook, Excel) or vCard file, see a preview with
// how the file was read, the column mapping (changeable), every row's status (neu, doppelt,
// Fehler with row and field), choose what happens to duplicates and faulty rows, then import in
// one go. Nothing is stored before "Importieren"; a failed import stores nothing.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { clearNotices, flash, showError } from '../notices.js';

export const title = 'Kontakte importieren';

const STATUS = { new: 'neu', duplicate: 'doppelt', error: 'Fehler' };
const DELIMITERS = { ';': 'Semikolon', ',': 'Komma', '\t': 'Tabulator' };
let bytes = null;
let mapping = null;

export async function render(container) {
  bytes = null;
  mapping = null;
  // The native file input labels its button in the system language ("Choose File" on an
  // English system); a button of ours opens the same native dialog with a German label.
  const input = el('input', {
    type: 'file', id: 'import-datei', hidden: true, tabindex: '-1',
    accept: '.csv,.txt,.vcf,.vcard,text/csv,text/vcard', onChange: onFile,
  });
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/kontakte' }, '← Zurück zu den Kontakten')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body', id: 'import-datei-hinweis' },
      'CSV aus Outlook oder Excel (Komma oder Semikolon, Windows-1252 oder UTF-8) oder vCard (.vcf). ',
      'Vor dem Speichern sehen Sie eine Vorschau; gespeichert wird erst mit „Importieren“.'),
    el('div', { class: 'file-picker' },
      el('button', { type: 'button', class: 'kern-btn kern-btn--primary', id: 'import-waehlen',
        'aria-describedby': 'import-datei-hinweis', onClick: () => input.click() },
        el('span', { class: 'kern-label' }, 'Datei auswählen …')),
      el('span', { class: 'kern-body', id: 'import-dateiname', 'aria-live': 'polite' }, 'Keine Datei ausgewählt'),
      input),
    el('div', { id: 'import-vorschau' }));
}

async function onFile(event) {
  const file = event.target.files && event.target.files[0];
  if (!file) return;
  clearNotices();
  replaceChildren(document.getElementById('import-dateiname'), `Ausgewählt: ${file.name}`);
  try {
    bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
  } catch {
    showError({ code: 'Io', message: `Die Datei „${file.name}“ konnte nicht gelesen werden.` });
    return;
  }
  mapping = null;
  await preview(file.name);
}

async function preview(name) {
  const region = document.getElementById('import-vorschau');
  try {
    const p = await call('preview_import', { bytes, mapping });
    mapping = p.mapping.length ? p.mapping : null;
    replaceChildren(region, renderPreview(p, name));
  } catch (error) {
    replaceChildren(region);
    showError(error);
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
      `${p.new_count} neu, ${p.duplicate_count} doppelt, ${p.error_count} mit Fehlern.`),
  ];
  if (p.kind === 'Csv') parts.push(mappingTable(p, name));
  parts.push(rowsTable(p));
  parts.push(options(p));
  return parts;
}

function encodingLabel(e) {
  return { Utf8: 'UTF-8', Utf8Bom: 'UTF-8 mit BOM', Windows1252: 'Windows-1252 (ANSI)' }[e] || e;
}

function mappingTable(p, name) {
  return el('details', { class: 'mapping', open: p.error_count > 0 },
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
            el('select', { class: 'kern-form-input__select', id, onChange: (e) => {
              mapping[i] = e.target.value === '' ? null : e.target.value;
              preview(name);
            } },
            el('option', { value: '' }, 'nicht übernehmen'),
            p.fields.map((f) => el('option', { value: f.value, selected: p.mapping[i] === f.value }, f.label)))));
      }))));
}

function rowsTable(p) {
  return el('div', { class: 'kern-table-responsive' },
    el('table', { class: 'kern-table kern-table--striped', id: 'import-zeilen' },
      el('caption', { class: 'kern-sr-only' }, 'Zeilen der Datei'),
      el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
        ['Stelle', 'Name', 'Organisation', 'E-Mail', 'Status', 'Hinweis'].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
      el('tbody', { class: 'kern-table__body' }, p.rows.map((r) =>
        el('tr', { class: `kern-table__row import-${r.status}`, 'data-status': r.status },
          el('td', { class: 'kern-table__cell' }, r.position_label),
          el('th', { class: 'kern-table__header', scope: 'row' }, r.name || '–'),
          el('td', { class: 'kern-table__cell' }, r.organisation || ''),
          el('td', { class: 'kern-table__cell' }, r.email || ''),
          el('td', { class: 'kern-table__cell' }, el('span', { class: `kern-badge ${r.status === 'error' ? 'kern-badge--danger' : r.status === 'duplicate' ? 'kern-badge--warning' : 'kern-badge--success'}` }, STATUS[r.status])),
          el('td', { class: 'kern-table__cell' }, r.message ? r.message.replace(/^[^:]+: /, '') : ''))))));
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
      el('legend', { class: 'kern-label' }, `${p.duplicate_count} Kontakte gibt es schon. Was soll mit ihnen geschehen?`),
      el('div', { class: 'kern-fieldset__body' },
        radio('duplikate', 'skip', 'Überspringen (nichts ändern)', true),
        radio('duplikate', 'update', 'Aktualisieren (leere Felder füllen, Adressen und Nummern ergänzen)', false),
        radio('duplikate', 'import_anyway', 'Trotzdem als neue Kontakte importieren', false))) : null,
    p.error_count > 0 ? el('fieldset', { class: 'kern-fieldset' },
      el('legend', { class: 'kern-label' }, `${p.error_count} Zeilen haben Fehler (siehe Hinweis in der Tabelle).`),
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
    const s = await call('apply_import', { bytes, mapping, duplicates, skipErrorRows: true });
    flash(`Import abgeschlossen: ${s.created} neu, ${s.updated} aktualisiert, ${s.skipped} übersprungen, ${s.failed} fehlerhafte Zeilen ausgelassen, ${s.organisations_created} Organisationen angelegt.`);
    window.location.hash = '#/kontakte';
  } catch (error) {
    showError(error);
  }
}

// Screen "Info": version, where the data file is, the SQLite version, how many records exist, and
// where the reference data the app ships (the Gemeinden list) comes from, with what it covers
// (for now only the Stadtkreise, and Info must say so), date and licence. Above all that, the
// way to the Hilfe (the Benutzerhandbuch in the window; F1 opens it from any screen).

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';

export const title = 'Info';

export async function render(container) {
  const info = await call('app_info');
  const item = (key, value, id) => el('div', { class: 'kern-description-list-item' },
    el('dt', { class: 'kern-description-list-item__key' }, key),
    el('dd', { class: 'kern-description-list-item__value', id }, value));

  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, 'Info'),
    el('section', { 'aria-labelledby': 'info-hilfe-titel', id: 'info-hilfe' },
      el('h2', { class: 'kern-heading-medium', id: 'info-hilfe-titel' }, 'Hilfe'),
      el('p', { class: 'kern-body' },
        'Das Benutzerhandbuch erklärt Schritt für Schritt, wie Sie Kontakte übernehmen, Sitzungen planen, ',
        'Protokolle schreiben und Ihre Daten sichern. Mit der Taste F1 öffnen Sie es von jeder Ansicht aus.'),
      el('a', { class: 'kern-btn kern-btn--secondary', href: '#/hilfe', id: 'info-hilfe-oeffnen', 'aria-keyshortcuts': 'F1' },
        el('span', { class: 'kern-label' }, 'Benutzerhandbuch öffnen'))),
    el('h2', { class: 'kern-heading-medium' }, 'Programm und Datendatei'),
    el('dl', { class: 'kern-description-list' },
      item('Version', `Netzwerkmappe ${info.app_version}`, 'info-version'),
      item('Datendatei', el('code', { class: 'path' }, info.data_file), 'info-datendatei'),
      item('SQLite-Version', info.sqlite_version, 'info-sqlite'),
      item('Schema-Version', String(info.schema_version), 'info-schema'),
      item('Datenbestand angelegt', formatDateTime(info.created_at) || 'unbekannt', 'info-angelegt'),
      item('Lizenz', 'EUPL-1.2 (Europäische Union Public Licence)', 'info-lizenz'),
      item('Gestaltung', 'KERN-UX, der offene UX-Standard der deutschen Verwaltung', 'info-kern')),
    el('h2', { class: 'kern-heading-medium' }, 'Einträge'),
    el('table', { class: 'kern-table counts', id: 'info-anzahl' },
      el('caption', { class: 'kern-sr-only' }, 'Anzahl der Einträge je Art'),
      el('thead', { class: 'kern-table__head' },
        el('tr', { class: 'kern-table__row' },
          el('th', { class: 'kern-table__header', scope: 'col' }, 'Art'),
          el('th', { class: 'kern-table__header kern-table__header--numeric', scope: 'col' }, 'Anzahl'))),
      el('tbody', { class: 'kern-table__body' },
        info.counts.map((c) => el('tr', { class: 'kern-table__row', 'data-key': c.key },
          el('th', { class: 'kern-table__header', scope: 'row' }, c.label),
          el('td', { class: 'kern-table__cell kern-table__cell--numeric' }, formatNumber(c.count)))))),
    el('h2', { class: 'kern-heading-medium' }, 'Referenzdaten'),
    (info.data_sources || []).map((s) => el('section', { id: `info-quelle-${s.key}` },
      el('h3', { class: 'kern-heading-small' }, s.label),
      el('dl', { class: 'kern-description-list' },
        item('Umfang', s.scope
          ? `${formatNumber(s.count)} Einträge (${s.scope})`
          : `${formatNumber(s.count)} Einträge`),
        item('Gebietsstand', s.as_of),
        item('Quelle', s.source),
        item('Lizenz', s.licence)))));
}

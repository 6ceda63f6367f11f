// Screen "Sitzungen": upcoming sessions first (soonest first), the past below (latest first),
// searchable as you type (title, date, place, host, TOP titles; umlaut-insensitive). Each title is
// a plain `row-link` (no per-row KERN components: see FACTS "KERN in WebKitGTK"), and each list
// draws PAGE rows at first and more as the user scrolls near its end (or presses "Weitere
// anzeigen"). Measured one after the other on the same busy machine (debug build, Xvfb, 2,000
// sessions; tests/e2e/session_figures.rs, `make bench`): drawing every row took a median 854 ms
// to open the screen and 276 ms per search keystroke (max 1,378 ms); 50 rows per list take 51 ms
// and 108 ms (max 199 ms).
// An empty data file offers "Beispielnetzwerk laden".

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { formatDate, formatNumber } from '../format.js';
import { clearNotices, showError, showSuccess } from '../notices.js';

export const title = 'Sitzungen';

export const STATUS_LABELS = {
  geplant: 'geplant', eingeladen: 'eingeladen', durchgefuehrt: 'durchgeführt', abgesagt: 'abgesagt',
};
export const FORMAT_LABELS = { praesenz: 'Präsenz', online: 'Online', hybrid: 'Hybrid' };

/** Rows drawn at first per list, and added each time its end comes near. */
const PAGE = 50;

const state = { query: '' };
let requestNumber = 0;
/** Watches the "Weitere anzeigen" buttons; replaced with every new list. */
let nearEnd = null;

/** "Mi., 16.12.2026, 14:00–16:30 Uhr" from stored values. */
export function whenText(date, start, end) {
  const d = new Date(`${date}T12:00:00`);
  const day = Number.isNaN(d.getTime()) ? date : `${['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'][d.getDay()]}, ${formatDate(date)}`;
  return end ? `${day}, ${start}–${end} Uhr` : `${day}, ${start} Uhr`;
}

export async function render(container) {
  const search = el('input', {
    class: 'kern-form-input__input', id: 'sitzungen-suche', type: 'search', value: state.query, autocomplete: 'off',
    'aria-describedby': 'sitzungen-suche-hinweis', 'aria-controls': 'sitzungen-listen',
    onInput: (e) => { state.query = e.target.value; refresh(); },
  });
  replaceChildren(container,
    el('div', { class: 'view-head' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
      el('div', { class: 'form-actions' },
        el('a', { class: 'kern-btn kern-btn--primary', href: '#/sitzungen/neu', id: 'sitzung-neu' },
          el('span', { class: 'kern-label' }, 'Neue Sitzung')))),
    el('div', { class: 'kern-form-input search-field' },
      el('label', { class: 'kern-label', for: 'sitzungen-suche' }, 'Suchen'),
      el('div', { class: 'kern-hint', id: 'sitzungen-suche-hinweis' },
        'Titel, Datum (z. B. 24.11.2026), Ort, Gastgeber oder TOP – Umlaute egal'),
      search),
    el('p', { class: 'kern-body status', id: 'sitzungen-status', role: 'status' }),
    el('div', { id: 'sitzungen-demo' }),
    el('div', { id: 'sitzungen-listen' }));
  await refresh();
}

async function refresh() {
  const mine = ++requestNumber;
  const query = state.query.trim();
  try {
    const rows = await call('list_sessions', { filter: { query: query === '' ? null : query } });
    if (mine !== requestNumber) return;
    show(rows, query);
  } catch (error) {
    showError(error);
  }
}

function show(rows, query) {
  const upcoming = rows.filter((r) => r.upcoming);
  const past = rows.filter((r) => !r.upcoming);
  const count = rows.length === 1 ? '1 Sitzung' : `${formatNumber(rows.length)} Sitzungen`;
  const status = document.getElementById('sitzungen-status');
  const text = query ? `${count} für „${query}“` : count;
  if (status.textContent !== text) replaceChildren(status, text);
  replaceChildren(document.getElementById('sitzungen-listen'),
    section('kommende', 'Kommende Sitzungen', upcoming, 'Keine kommenden Sitzungen.'),
    section('vergangene', 'Vergangene Sitzungen', past, 'Keine vergangenen Sitzungen.'));
  watchNearEnd();
  const demo = document.getElementById('sitzungen-demo');
  if (rows.length === 0 && !query) {
    replaceChildren(demo, el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'demo-titel' },
      el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'demo-titel' }, 'Noch keine Sitzungen')),
      el('div', { class: 'kern-alert__body' },
        el('p', { class: 'kern-body' },
          'Zum Ausprobieren können Sie ein Beispielnetzwerk laden: die 44 Stadt- und Landkreise mit je einer ',
          'Integrationsbeauftragten, das Ministerium, die kommunalen Landesverbände und drei Sitzungen mit Protokollen. ',
          'Das geht nur, solange die Datendatei leer ist.'),
        el('div', { class: 'form-actions' },
          el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'demo-laden', onClick: loadDemo },
            el('span', { class: 'kern-label' }, 'Beispielnetzwerk laden'))))));
  } else {
    replaceChildren(demo);
  }
}

async function loadDemo() {
  clearNotices();
  try {
    const s = await call('load_demo');
    await refresh();
    showSuccess(`Beispielnetzwerk geladen: ${s.organisations} Organisationen, ${s.contacts} Kontakte, ${s.sessions} Sitzungen.`);
    document.querySelector('#sitzungen-listen a.row-link')?.focus();
  } catch (error) {
    showError(error);
  }
}

/**
 * One list (kommende or vergangene) with its first PAGE rows; the rest follow through
 * "Weitere … anzeigen" below it, pressed by the user or by scrolling near it.
 */
function section(id, heading, rows, empty) {
  if (rows.length === 0) {
    return el('section', { 'aria-labelledby': `sitzungen-${id}-titel` },
      el('h2', { class: 'kern-heading-medium', id: `sitzungen-${id}-titel` }, heading),
      el('p', { class: 'kern-body' }, empty));
  }
  const body = el('tbody', { class: 'kern-table__body', id: `sitzungen-${id}-zeilen` }, rows.slice(0, PAGE).map(row));
  const more = el('div', { class: 'list-more', id: `sitzungen-${id}-mehr` });
  let shown = Math.min(PAGE, rows.length);
  const drawMore = (byButton) => {
    const first = shown;
    const upTo = Math.min(shown + PAGE, rows.length);
    const fragment = document.createDocumentFragment();
    for (const r of rows.slice(shown, upTo)) fragment.append(row(r));
    body.append(fragment);
    shown = upTo;
    label();
    // Observed anew: a list end still near after the new rows must report that again.
    if (nearEnd && more.firstChild) { nearEnd.unobserve(more); nearEnd.observe(more); }
    if (byButton) body.children[first]?.querySelector('a')?.focus();
  };
  const button = el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: `sitzungen-${id}-mehr-knopf`,
    onClick: () => drawMore(true) }, el('span', { class: 'kern-label' }));
  button.drawMore = drawMore;
  const label = () => {
    if (shown >= rows.length) { replaceChildren(more); return; }
    replaceChildren(button.firstChild, `Weitere ${formatNumber(Math.min(PAGE, rows.length - shown))} von ${formatNumber(rows.length - shown)} anzeigen`);
    if (!button.isConnected) replaceChildren(more, button);
  };
  label();
  return el('section', { 'aria-labelledby': `sitzungen-${id}-titel` },
    el('h2', { class: 'kern-heading-medium', id: `sitzungen-${id}-titel` },
      heading, rows.length > PAGE ? el('span', { class: 'kern-body' }, ` (${formatNumber(rows.length)})`) : null),
    el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: `sitzungen-${id}` },
        el('caption', { class: 'kern-sr-only' }, heading),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Nr.', 'Sitzung', 'Termin', 'Ort', 'Status', 'Teilnehmende'].map((h) =>
            el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        body)),
    more);
}

/** Draws more rows of a list while the user scrolls towards its end. */
function watchNearEnd() {
  if (nearEnd) nearEnd.disconnect();
  nearEnd = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const button = e.target.querySelector('button');
      if (e.isIntersecting && button) button.drawMore(false);
    }
  }, { root: document.getElementById('inhalt'), rootMargin: '0px 0px 600px 0px' });
  for (const more of document.querySelectorAll('#sitzungen-listen .list-more')) nearEnd.observe(more);
}

function row(s) {
  let status = STATUS_LABELS[s.status] || s.status;
  if (s.minutes_status === 'freigegeben') status += ', Protokoll freigegeben';
  else if (s.minutes_status === 'entwurf') status += ', Protokoll im Entwurf';
  return el('tr', { 'data-id': s.id },
    el('td', {}, String(s.id)),
    el('th', { scope: 'row' }, el('a', { class: 'row-link', href: `#/sitzungen/${s.id}` }, s.title)),
    el('td', {}, whenText(s.date, s.start_time, s.end_time)),
    el('td', {}, [s.place, s.host_organisation_name].filter(Boolean).join(', ') || FORMAT_LABELS[s.format] || ''),
    el('td', {}, status),
    el('td', {}, String(s.participant_count)));
}

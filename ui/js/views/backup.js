// Screen "Datensicherung": back up now to a place the person chooses, the automatic daily backups
// (restore any of them), restore from a file, the full check of the data file, and how long
// backups keep data (the DSGVO notes point here).
// Also the page a damaged data file leads to (#/datensicherung/beschaedigt): what happened, the
// newest good backup to restore, or, only when chosen, an empty start. The damaged file is never
// deleted; the core sets it aside in the backup folder.

import { call } from '../api.js';
import { button } from '../controls.js';
import { confirm } from '../dialog.js';
import { el, replaceChildren } from '../dom.js';
import { clearNotices, flash, showError, showSuccess } from '../notices.js';

export const title = 'Datensicherung';

const KIND_LABELS = {
  automatic: 'Automatisch',
  before_restore: 'Stand vor einer Wiederherstellung',
  damaged: 'Beschädigte Datendatei (beiseitegelegt)',
};

export async function render(container, params = []) {
  if (params[0] === 'beschaedigt') return renderDamaged(container);
  const overview = await call('backup_overview');
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('section', { 'aria-labelledby': 'sicherung-jetzt-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'sicherung-jetzt-titel' }, 'Jetzt sichern'),
      el('p', { class: 'kern-body' },
        'Speichert eine geprüfte Kopie aller Daten in eine Datei, die Sie auswählen – zum Beispiel auf einem '
        + 'USB-Stick oder im Netzlaufwerk Ihrer Dienststelle.'),
      el('div', { class: 'form-actions' },
        button({ label: 'Jetzt sichern …', variant: 'primary', id: 'sicherung-jetzt', onClick: backupNow }))),
    el('section', { 'aria-labelledby': 'sicherung-liste-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'sicherung-liste-titel' }, 'Automatische Sicherungen'),
      el('p', { class: 'kern-body' },
        'Netzwerkmappe sichert einmal am Tag beim Start in den Ordner ',
        el('code', { class: 'path', id: 'sicherung-ordner' }, overview.folder), '.'),
      backupTable(overview.backups),
      el('div', { class: 'form-actions' },
        button({ label: 'Aus Datei wiederherstellen …', id: 'sicherung-aus-datei', onClick: restoreFromFile }))),
    el('section', { 'aria-labelledby': 'sicherung-pruefung-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'sicherung-pruefung-titel' }, 'Prüfung der Datendatei'),
      el('p', { class: 'kern-body', id: 'sicherung-pruefung', role: 'status' },
        checkText(overview.last_check, overview.backups)),
      el('div', { class: 'form-actions' },
        button({ label: 'Jetzt vollständig prüfen', id: 'sicherung-pruefen', onClick: checkNow }))),
    el('section', { 'aria-labelledby': 'sicherung-aufbewahrung-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'sicherung-aufbewahrung-titel' }, 'Aufbewahrung'),
      el('p', { class: 'kern-body', id: 'sicherung-aufbewahrung' }, overview.retention_note)));
}

function backupTable(backups) {
  if (backups.length === 0) {
    return el('p', { class: 'kern-body', id: 'sicherung-keine' },
      'Noch keine Sicherung vorhanden. Die erste entsteht wenige Sekunden nach dem Start.');
  }
  return el('div', { class: 'kern-table-responsive' },
    el('table', { class: 'kern-table kern-table--striped', id: 'sicherung-tabelle' },
      el('caption', { class: 'kern-sr-only' }, 'Sicherungen im Sicherungsordner, die neueste zuerst'),
      el('thead', { class: 'kern-table__head' },
        el('tr', { class: 'kern-table__row' },
          el('th', { class: 'kern-table__header', scope: 'col' }, 'Stand'),
          el('th', { class: 'kern-table__header', scope: 'col' }, 'Art'),
          el('th', { class: 'kern-table__header kern-table__header--numeric', scope: 'col' }, 'Größe'),
          el('th', { class: 'kern-table__header', scope: 'col' }, el('span', { class: 'kern-sr-only' }, 'Aktion')))),
      el('tbody', { class: 'kern-table__body' },
        backups.map((b) => el('tr', { class: 'kern-table__row', 'data-datei': b.file_name },
          el('th', { class: 'kern-table__header', scope: 'row' }, b.when),
          el('td', { class: 'kern-table__cell' }, KIND_LABELS[b.kind] || b.kind),
          el('td', { class: 'kern-table__cell kern-table__cell--numeric' }, b.size_label),
          el('td', { class: 'kern-table__cell' },
            b.kind === 'automatic'
              ? button({
                label: 'Wiederherstellen', variant: 'tertiary',
                attrs: { 'aria-label': `Sicherung vom ${b.when} wiederherstellen`, 'data-wiederherstellen': b.file_name },
                onClick: () => restoreListed(b),
              })
              : ''))))));
}

function checkText(check, backups = []) {
  if (check) return `${check.when}: ${check.message}`;
  // Every automatic backup is made only after the data file passed the full check.
  const automatic = backups.find((b) => b.kind === 'automatic');
  if (automatic) {
    return `Zuletzt vollständig geprüft am ${automatic.when}, vor der automatischen Sicherung: ohne Fehler.`;
  }
  return 'Die Datendatei wurde noch nicht vollständig geprüft.';
}

async function backupNow() {
  clearNotices();
  try {
    const made = await call('backup_now');
    if (made) showSuccess(`Sicherung gespeichert und geprüft: ${made.path} (${made.size_label})`);
  } catch (error) {
    showError(error);
  }
}

async function checkNow() {
  clearNotices();
  const out = document.getElementById('sicherung-pruefung');
  out.textContent = 'Die Datendatei wird geprüft …';
  try {
    const check = await call('check_data_file');
    out.textContent = checkText(check);
    if (!check.ok) window.location.hash = '#/datensicherung/beschaedigt';
  } catch (error) {
    out.textContent = checkText(null);
    showError(error);
  }
}

function restoredMessage(outcome, what) {
  const f = outcome.facts;
  const kept = outcome.set_aside ? ` Der vorherige Stand liegt unter ${outcome.set_aside}.` : '';
  return `${what} wurde wiederhergestellt (${f.summary}).${kept}`;
}

/** Every screen loads its data afresh, so showing the contacts list shows the restored data. */
function showRestored(message) {
  flash(message);
  window.location.hash = '#/kontakte';
}

async function restoreListed(entry) {
  const ok = await confirm({
    title: `Sicherung vom ${entry.when} wiederherstellen?`,
    body: 'Alle Daten kehren auf den Stand dieser Sicherung zurück. Der jetzige Stand wird vorher in den '
      + 'Sicherungsordner gelegt und nicht gelöscht.',
    confirmLabel: 'Wiederherstellen', confirmId: 'wiederherstellen-bestaetigen',
  });
  if (!ok) return;
  try {
    const outcome = await call('restore_backup', { fileName: entry.file_name });
    showRestored(restoredMessage(outcome, `Die Sicherung vom ${entry.when}`));
  } catch (error) {
    showError(error);
  }
}

async function restoreFromFile() {
  clearNotices();
  try {
    const outcome = await call('restore_from_file');
    if (outcome) showRestored(restoredMessage(outcome, 'Die gewählte Sicherung'));
  } catch (error) {
    showError(error);
  }
}

async function renderDamaged(container) {
  const state = await call('startup_state');
  if (!state.damaged) {
    replaceChildren(container,
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, 'Die Datendatei ist in Ordnung'),
      el('p', { class: 'kern-body' }, 'Es wurde kein Schaden gemeldet.'),
      button({ label: 'Zur Datensicherung', href: '#/datensicherung' }));
    return;
  }
  const newest = state.damaged.newest_backup;
  const choices = el('div', { class: 'form-actions' },
    newest
      ? button({
        label: `Sicherung vom ${newest.when} wiederherstellen`, variant: 'primary', id: 'schaden-sicherung',
        onClick: () => recover(newest.file_name, `Die Sicherung vom ${newest.when} wurde wiederhergestellt.`),
      })
      : '',
    button({ label: 'Aus Datei wiederherstellen …', id: 'schaden-aus-datei', onClick: restoreFromFile }),
    button({ label: 'Leer beginnen …', variant: 'tertiary', id: 'schaden-leer', onClick: startEmpty }));
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, 'Die Datendatei ist beschädigt'),
    el('div', { class: 'kern-alert kern-alert--danger', role: 'alert', id: 'schaden-meldung' },
      el('div', { class: 'kern-alert__body' }, el('p', { class: 'kern-body' }, state.damaged.message))),
    el('p', { class: 'kern-body' },
      'Die beschädigte Datei wird nicht gelöscht: Bei jeder Wahl unten wird sie in den Sicherungsordner gelegt '
      + '(„beschaedigt-…“), damit Ihre IT sie untersuchen kann.'),
    el('p', { class: 'kern-body', id: 'schaden-angebot' }, newest
      ? `Die neueste einwandfreie Sicherung ist vom ${newest.when} (${newest.size_label}). Änderungen nach diesem `
        + 'Tag fehlen darin.'
      : 'Es gibt keine einwandfreie automatische Sicherung. Haben Sie selbst eine Sicherung gespeichert, stellen Sie '
        + 'diese aus der Datei wieder her.'),
    choices);
}

async function recover(fileName, message) {
  clearNotices();
  try {
    await call('recover_data_file', { fileName });
    showRestored(message);
  } catch (error) {
    showError(error);
  }
}

async function startEmpty() {
  const ok = await confirm({
    title: 'Mit einer leeren Datendatei beginnen?',
    body: 'Netzwerkmappe beginnt ohne Kontakte, Sitzungen und Protokolle. Die beschädigte Datei bleibt im '
      + 'Sicherungsordner erhalten; eine Sicherung können Sie auch später noch wiederherstellen.',
    confirmLabel: 'Leer beginnen', confirmId: 'leer-bestaetigen',
  });
  if (ok) await recover(null, 'Netzwerkmappe beginnt mit einer leeren Datendatei.');
}

// Messages for the person at the desk: a KERN alert at the top of the main area, read out by
// screen readers (the container is aria-live).

import { el, replaceChildren } from './dom.js';

const TITLES = {
  Validation: 'Bitte prüfen Sie Ihre Eingabe',
  DamagedDatabase: 'Die Datendatei ist beschädigt',
  NewerDatabase: 'Neuere Datendatei',
  Busy: 'Datendatei belegt',
  DiskFull: 'Datenträger voll',
  ReadOnly: 'Datendatei schreibgeschützt',
  CannotOpen: 'Datendatei lässt sich nicht öffnen',
  DiskIo: 'Fehler des Datenträgers',
  Conflict: 'Inzwischen an anderer Stelle geändert',
};

export function showError(error) {
  const title = TITLES[error.code] || 'Das hat nicht geklappt';
  const box = el('div', { class: 'kern-alert kern-alert--danger', role: 'alert', 'data-code': error.code },
    el('div', { class: 'kern-alert__header' },
      el('span', { class: 'kern-icon kern-icon--danger', 'aria-hidden': 'true' }),
      el('span', { class: 'kern-title' }, title)),
    el('div', { class: 'kern-alert__body' }, el('p', { class: 'kern-body' }, error.message)));
  replaceChildren(document.getElementById('meldungen'), box);
}

export function clearNotices() {
  replaceChildren(document.getElementById('meldungen'));
}

export function showSuccess(message) {
  const box = el('div', { class: 'kern-alert kern-alert--success', role: 'status' },
    el('div', { class: 'kern-alert__header' },
      el('span', { class: 'kern-icon kern-icon--success', 'aria-hidden': 'true' }),
      el('span', { class: 'kern-title' }, message)));
  replaceChildren(document.getElementById('meldungen'), box);
}

/**
 * Done, but with something the person should know (an attachment left out of a PDF): a warning
 * alert with the message as its title and `lines` as a list below it.
 */
export function showWarning(message, lines) {
  const box = el('div', { class: 'kern-alert kern-alert--warning', role: 'status', id: 'hinweis-warnung' },
    el('div', { class: 'kern-alert__header' },
      el('span', { class: 'kern-icon kern-icon--warning', 'aria-hidden': 'true' }),
      el('span', { class: 'kern-title' }, message)),
    el('div', { class: 'kern-alert__body' },
      el('ul', { class: 'kern-list' }, lines.map((line) => el('li', {}, line)))));
  replaceChildren(document.getElementById('meldungen'), box);
}

// A success message that should survive the navigation it causes (e.g. after creating a record).
let pending = null;

export function flash(message) {
  pending = message;
}

export function showPendingFlash() {
  if (pending) showSuccess(pending);
  pending = null;
}

/**
 * Removes a success notice (not an error): "… gespeichert" belongs to the moment of saving and
 * must not linger once the person types again or is asked the next question.
 */
export function clearSuccess() {
  for (const box of document.querySelectorAll('#meldungen .kern-alert--success')) box.remove();
}

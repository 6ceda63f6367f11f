// Screen "Datenschutz" (DSGVO). `#/datenschutz`: contacts without a recorded legal basis (to
// complete in the contact form) and the retention review (contacts not involved in anything for
// the years set in Einstellungen: Anonymisieren, Löschen or Behalten). `#/datenschutz/<id>`: one
// person: what is stored about them (the Art. 15 Auskunft, exported as JSON + text via "Speichern
// unter") and "Person löschen/anonymisieren" (Art. 17) after a deliberate confirmation that says
// what happens. The rules are the core's (core/src/privacy.rs); this screen only asks and shows.

import { call } from '../api.js';
import { button } from '../controls.js';
import { ask } from '../dialog.js';
import { el, replaceChildren } from '../dom.js';
import { formatDate, formatNumber } from '../format.js';
import { formatCount, privacyBackupNotice } from '../labels.js';
import { clearNotices, flash, showError, showPendingFlash, showSuccess } from '../notices.js';
import { renderAnonymised } from './contact-form.js';

export const title = 'Datenschutz';

// After an import of thousands of contacts without a legal basis, the lists show the first rows
// only (the count says how many there are): enough to work through, quick to draw.
const SHOWN = 500;

export async function render(container, params = []) {
  if (params.length > 0) return renderPerson(container, Number(params[0]));
  const [without, retention, settings] = await Promise.all([
    call('contacts_without_basis'), call('retention_candidates'), call('get_settings'),
  ]);
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    el('p', { class: 'kern-body' },
      'Kontaktdaten sind personenbezogene Daten. Hier prüfen Sie die Rechtsgrundlagen und die Aufbewahrung. '
      + 'Auskunft und Löschung für eine Person finden Sie im Kontakt unter „Datenschutz“. Jede Löschung steht im ',
      el('a', { class: 'kern-link', href: '#/aenderungsprotokoll' }, 'Änderungsprotokoll'), '.'),
    el('h2', { class: 'kern-heading-medium', id: 'ohne-grundlage' }, 'Kontakte ohne erfasste Rechtsgrundlage'),
    el('p', { class: 'kern-body status', role: 'status', id: 'ohne-grundlage-anzahl' }, without.length === 0
      ? 'Für alle Kontakte ist eine Rechtsgrundlage erfasst.'
      : `${formatCount(without.length, 'kontakt')} ohne Rechtsgrundlage${without.length > SHOWN ? ` (die ersten ${formatNumber(SHOWN)} sind aufgeführt)` : ''}. `
        + 'Bitte im Kontakt unter „Einwilligung (DSGVO)“ ergänzen.'),
    without.length === 0 ? null : el('ul', { class: 'kern-list', id: 'ohne-grundlage-liste' },
      without.slice(0, SHOWN).map((c) => el('li', {},
        el('a', { class: 'row-link', href: `#/kontakte/${c.id}` }, c.name),
        c.organisation ? ` – ${c.organisation}` : ''))),
    el('h2', { class: 'kern-heading-medium', id: 'aufbewahrung' }, 'Aufbewahrung prüfen'),
    el('p', { class: 'kern-body' },
      `Kontakte, die seit mindestens ${formatNumber(settings.retention_years)} Jahren an nichts beteiligt waren `
      + '(keine Sitzung, kein TOP, keine Aufgabe, keine Änderung). Die Frist stellen Sie in den Einstellungen ein. '
      + 'Wer früher an Sitzungen beteiligt war, kann nur anonymisiert werden: So bleiben die Protokolle vollständig.'),
    el('p', { class: 'kern-body status', role: 'status', id: 'aufbewahrung-anzahl' }, retention.length === 0
      ? 'Keine Kontakte zu prüfen.'
      : `${formatCount(retention.length, 'kontakt')} zu prüfen${retention.length > SHOWN ? `, die ${formatNumber(SHOWN)} am längsten unbeteiligten sind aufgeführt` : ''}.`),
    retention.length === 0 ? null : el('table', { class: 'kern-table participant-table', id: 'aufbewahrung-tabelle' },
      el('caption', { class: 'kern-sr-only' }, 'Kontakte zur Prüfung der Aufbewahrung'),
      el('thead', {}, el('tr', {}, ['Person', 'Organisation', 'Letzte Aktivität', 'Beteiligt an', 'Aktion'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, retention.slice(0, SHOWN).map(retentionRow))));
}

function retentionRow(c) {
  const act = (label, id, onClick) => el('button', { type: 'button', class: 'agenda-move', id, 'aria-label': `${c.name}: ${label}`, onClick }, label);
  return el('tr', { 'data-id': c.id },
    el('th', { scope: 'row' }, el('a', { class: 'row-link', href: `#/datenschutz/${c.id}` }, c.name)),
    el('td', {}, c.organisation || ''),
    el('td', {}, formatDate(c.last_activity)),
    // Why one row offers "Löschen" and another does not.
    el('td', {}, c.involved ? 'Sitzungen, TOPs oder Aufgaben' : 'nichts'),
    el('td', {},
      act('Anonymisieren', `aufbewahrung-${c.id}-anonymisieren`, () => confirmErase(c.id, c.name, '#/datenschutz')),
      ' ',
      c.involved ? null : act('Löschen', `aufbewahrung-${c.id}-loeschen`, () => confirmDelete(c)),
      c.involved ? null : ' ',
      act('Behalten', `aufbewahrung-${c.id}-behalten`, () => keep(c))));
}

async function keep(c) {
  clearNotices();
  try {
    await call('keep_contact', { id: c.id });
    flash(`${c.name} bleibt gespeichert; die Prüfung wurde im Änderungsprotokoll vermerkt.`);
    await rerender();
  } catch (error) {
    showError(error);
  }
}

async function confirmDelete(c) {
  const choice = await ask({
    title: `${c.name} löschen?`,
    body: ['Der Kontakt wird mit allen Angaben gelöscht. Er war an keiner Sitzung, keinem TOP und keiner Aufgabe beteiligt.',
      privacyBackupNotice()],
    choices: [{ value: true, label: 'Ja, löschen', variant: 'primary', id: 'loeschen-ja' }],
    cancelId: 'loeschen-abbrechen',
  });
  if (choice !== true) return;
  try {
    await call('delete_contact', { id: c.id });
    flash(`${c.name} wurde gelöscht.`);
    await rerender();
  } catch (error) {
    showError(error);
  }
}

/** The deliberate question before an erasure, naming what happens; then the erasure itself. */
async function confirmErase(id, name, back) {
  const choice = await ask({
    title: `Daten von ${name} löschen (Art. 17 DSGVO)?`,
    body: [
      'Name, Anrede, Funktion, Organisation, Anschrift, E-Mail-Adressen, Telefonnummern, Gruppen, Notizen und die Einwilligung werden gelöscht.',
      'In Teilnehmerlisten, bei Tagesordnungspunkten und Aufgaben steht danach „anonymisierte Person“. '
        + 'Wo der Name in Protokolltexten, Beschlüssen oder Aufgaben steht, wird er ersetzt. Freigegebene Protokolle erhalten dazu einen Nachtrag.',
      'Die Daten werden auch aus dem Suchindex und aus freien Bereichen der Datendatei entfernt. Das lässt sich nicht rückgängig machen.',
      privacyBackupNotice(),
    ],
    choices: [{ value: true, label: 'Person löschen/anonymisieren', variant: 'primary', id: 'anonymisieren-ja', deliberate: true }],
    cancelId: 'anonymisieren-abbrechen',
    deliberateLabel: 'Ich habe verstanden, dass die Daten dieser Person endgültig entfernt werden.',
  });
  if (choice !== true) return;
  try {
    const report = await call('erase_contact', { id });
    const sessions = report.sessions_affected === 1 ? '1 Sitzung' : `${formatNumber(report.sessions_affected)} Sitzungen`;
    const done = report.kept_as_placeholder
      ? `Die Daten der Person wurden gelöscht. In ${sessions} steht jetzt „anonymisierte Person“.`
      : 'Der Kontakt wurde mit allen Angaben gelöscht.';
    const rest = report.file_scrubbed ? ''
      : ' Reste in der Datendatei werden beim Beenden von Netzwerkmappe entfernt; bitte schließen Sie das Programm einmal.';
    flash(`${done}${rest} ${report.backup_notice}`);
    if (window.location.hash === back) await rerender();
    else window.location.hash = back;
  } catch (error) {
    showError(error);
  }
}

async function rerender() {
  await render(document.getElementById('ansicht'), []);
  const heading = document.querySelector('#ansicht h1');
  if (heading) heading.focus();
  showPendingFlash();
}

async function renderPerson(container, id) {
  // Back to this page after the erasure: there is nothing left to show or erase.
  const contact = await call('get_contact', { id });
  if (contact.anonymised_at) {
    renderAnonymised(container, contact);
    return;
  }
  const a = await call('subject_access', { id });
  const c = a.contact;
  const name = [c.title, c.first_name, c.last_name].filter(Boolean).join(' ');
  const item = (label, n, noun) => el('li', {}, `${label}: ${formatCount(n, noun)}`);
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: `#/kontakte/${id}` }, `← Zurück zu ${name}`)),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `Datenschutz: ${name}`),
    el('h2', { class: 'kern-heading-medium' }, 'Was über diese Person gespeichert ist'),
    el('ul', { class: 'kern-list', id: 'auskunft-uebersicht' },
      el('li', {}, `Rechtsgrundlage: ${c.consent_basis || 'nicht erfasst'}${c.consent_date ? ` (seit ${formatDate(c.consent_date)})` : ''}`),
      el('li', {}, `Organisation: ${a.organisation ? a.organisation.name : 'keine'}`),
      item('E-Mail-Adressen', c.emails.length, 'adresse'),
      item('Gruppen', c.groups.length, 'gruppe'),
      item('Sitzungen auf der Teilnehmerliste', a.sessions.length, 'eintrag'),
      item('Verantwortlich für Tagesordnungspunkte', a.agenda_items.length, 'eintrag'),
      item('Aufgaben', a.action_items.length, 'eintrag'),
      item('Erwähnungen in Protokollen und Beschlüssen', a.mentions.length, 'treffer'),
      item('Konzeptpapiere (Autorschaft und Erwähnungen)', a.papers.length, 'eintrag'),
      item('Einträge im Änderungsprotokoll', a.audit_entries.length, 'eintrag')),
    el('h2', { class: 'kern-heading-medium' }, 'Auskunft nach Art. 15 DSGVO'),
    el('p', { class: 'kern-body' },
      'Speichert alles oben Gezählte vollständig als maschinenlesbare JSON-Datei und daneben als lesbare Textdatei.'),
    el('div', { class: 'form-actions' },
      button({ label: 'Auskunft exportieren', variant: 'primary', id: 'auskunft-exportieren', onClick: exportAccess })),
    el('h2', { class: 'kern-heading-medium' }, 'Löschen oder anonymisieren (Art. 17 DSGVO)'),
    el('p', { class: 'kern-body' },
      'Entfernt die personenbezogenen Daten. Alte Protokolle und Teilnehmerlisten behalten ihre Struktur mit „anonymisierte Person“.'),
    el('div', { class: 'form-actions' },
      button({ label: 'Person löschen/anonymisieren', variant: 'secondary', id: 'person-anonymisieren',
        onClick: () => confirmErase(id, name, '#/datenschutz') })));

  async function exportAccess() {
    clearNotices();
    try {
      const saved = await call('export_subject_access', { id });
      if (saved) showSuccess(`Die Auskunft wurde gespeichert: ${saved.json}, ${saved.text} und ${saved.pdf} (zum Drucken)`);
    } catch (error) {
      showError(error);
    }
  }
}

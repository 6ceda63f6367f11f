// Screen "Kontakt anlegen / bearbeiten": every field labelled, several e-mail addresses and phone
// numbers with one preferred, groups, and the DSGVO consent record. Every validation error from the
// core is shown at the field it names, all at once; nothing is lost from the form on an error, and
// leaving with unsaved changes asks first. Edits send the version they started from, so a save
// over someone else's newer change is refused (code `Conflict`) instead of overwriting it.

import { call } from '../api.js';
import { button } from '../controls.js';
import { confirm } from '../dialog.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { formatDate, formatDateTime } from '../format.js';
import { emailKinds, phoneKinds, privacyBackupNotice } from '../labels.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, clearSuccess, flash, showError, showSuccess } from '../notices.js';
import { displayName, forgetSelected } from './contacts.js';

export const title = 'Kontakt';

const CONSENT_BASES = [
  ['', 'nicht erfasst'],
  ['Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)', 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)'],
  ['Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)', 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)'],
  ['Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)', 'Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)'],
];

export async function render(container, params) {
  const id = params[0] && params[0] !== 'neu' ? Number(params[0]) : null;
  const [contact, organisations] = await Promise.all([
    id ? call('get_contact', { id }) : Promise.resolve(null),
    call('list_organisations'),
  ]);
  if (contact && contact.anonymised_at) {
    renderAnonymised(container, contact);
    return;
  }
  const c = contact || { emails: [], phones: [], groups: [] };
  const heading = contact ? displayName(contact) : 'Neuer Kontakt';
  document.title = `${heading} – Netzwerkmappe`;

  const f = {
    salutation: textField({ name: 'anrede', label: 'Anrede', value: c.salutation }),
    title: textField({ name: 'titel', label: 'Titel', value: c.title }),
    first_name: textField({ name: 'vorname', label: 'Vorname', value: c.first_name }),
    last_name: textField({ name: 'nachname', label: 'Nachname', value: c.last_name, required: true }),
    function: textField({ name: 'funktion', label: 'Funktion', value: c.function, hint: 'z. B. Integrationsbeauftragte' }),
    organisation: selectField({
      name: 'organisation', label: 'Organisation', value: c.organisation_id ?? '',
      options: [['', 'keine'], ...organisations.map((o) => [o.id, o.name])],
    }),
    street: textField({ name: 'strasse', label: 'Straße', value: c.street }),
    postal_code: textField({ name: 'plz', label: 'PLZ', value: c.postal_code }),
    city: textField({ name: 'ort', label: 'Ort', value: c.city }),
    groups: textField({ name: 'gruppen', label: 'Gruppen', value: c.groups.join(', '), hint: 'durch Komma getrennt, z. B. Kernnetzwerk, Sprache' }),
    notes: textArea({ name: 'notizen', label: 'Notizen', value: c.notes }),
    consent_basis: selectField({ name: 'einwilligung-grundlage', label: 'Rechtsgrundlage', options: CONSENT_BASES, value: c.consent_basis ?? '' }),
    consent_date: textField({ name: 'einwilligung-datum', label: 'Einwilligung am', value: formatDate(c.consent_date), hint: 'TT.MM.JJJJ' }),
    consent_source: textField({ name: 'einwilligung-quelle', label: 'Quelle', value: c.consent_source, hint: 'z. B. Anmeldebogen Netzwerktreffen' }),
    consent_note: textField({ name: 'einwilligung-notiz', label: 'Notiz zur Einwilligung', value: c.consent_note }),
  };
  const emails = multiValue('email', 'E-Mail-Adresse', 'E-Mail-Adressen', emailKinds(), c.emails.map((e) => [e.address, e.kind, e.preferred]), 'email');
  const phones = multiValue('telefon', 'Telefon', 'Telefonnummern', phoneKinds(), c.phones.map((p) => [p.number, p.kind, p.preferred]), 'tel');

  const form = el('form', {
    class: 'record-form', id: 'kontakt-formular', novalidate: true,
    onSubmit: (e) => { e.preventDefault(); save(); },
    // Typing again ends the moment of "… gespeichert".
    onInput: clearSuccess,
  },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Person'),
      el('div', { class: 'form-grid' }, f.salutation, f.title, f.first_name, f.last_name, f.function, f.organisation)),
    emails.fieldset, phones.fieldset,
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Anschrift'),
      el('div', { class: 'form-grid' }, f.street, f.postal_code, f.city)),
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Gruppen und Notizen'),
      f.groups, f.notes),
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Einwilligung (DSGVO)'),
      el('div', { class: 'form-grid' }, f.consent_basis, f.consent_date, f.consent_source, f.consent_note)),
    contact ? el('p', { class: 'kern-body kern-body--small' },
      `Angelegt: ${formatDateTime(contact.created_at)} · Geändert: ${formatDateTime(contact.updated_at)}`) : null,
    el('div', { class: 'form-actions' },
      button({ label: 'Speichern', variant: 'primary', id: 'kontakt-speichern', type: 'submit' }),
      button({ label: 'Abbrechen', href: '#/kontakte' }),
      contact ? button({ label: 'Löschen', variant: 'tertiary', id: 'kontakt-loeschen', onClick: confirmDelete }) : null,
      // Auskunft (Art. 15) and erasure (Art. 17) live on the Datenschutz screen for this person.
      contact ? button({ label: 'Datenschutz: Auskunft, Löschen', variant: 'tertiary', id: 'kontakt-datenschutz', href: `#/datenschutz/${contact.id}` }) : null));

  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/kontakte' }, '← Zurück zu den Kontakten')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, heading),
    form);

  /** What the form would save, read from the fields (also the basis of "unsaved changes"). */
  function readInput() {
    return {
      salutation: optional(f.salutation.input), title: optional(f.title.input),
      first_name: optional(f.first_name.input), last_name: f.last_name.input.value,
      function: optional(f.function.input),
      organisation_id: f.organisation.input.value === '' ? null : Number(f.organisation.input.value),
      emails: emails.values().map(([address, kind, preferred]) => ({ address, kind, preferred })),
      phones: phones.values().map(([number, kind, preferred]) => ({ number, kind, preferred })),
      street: optional(f.street.input), postal_code: optional(f.postal_code.input), city: optional(f.city.input),
      notes: optional(f.notes.input),
      groups: f.groups.input.value.split(/[,;]/).map((g) => g.trim()).filter(Boolean),
      consent_basis: optional(f.consent_basis.input), consent_date: optional(f.consent_date.input),
      consent_source: optional(f.consent_source.input), consent_note: optional(f.consent_note.input),
    };
  }
  const changes = trackChanges(readInput);
  protectUnsaved(changes.isDirty);
  // The version this form started from; a newer one in the store means someone else saved since.
  let version = contact ? contact.version : null;

  async function save() {
    clearFieldErrors(form);
    clearNotices();
    const input = readInput();
    if (contact && version !== undefined && version !== null) input.expected_version = version;
    try {
      const saved = contact
        ? await call('update_contact', { id: contact.id, input })
        : await call('create_contact', { input });
      changes.markSaved();
      version = saved.version;
      if (contact) {
        showSuccess(`${displayName(saved)} wurde gespeichert.`);
      } else {
        flash(`${displayName(saved)} wurde gespeichert.`);
        window.location.hash = `#/kontakte/${saved.id}`;
      }
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }

  async function confirmDelete() {
    const yes = await confirm({
      title: `${heading} wirklich löschen?`,
      // The same word on backups as every other deletion of a person (DSGVO: say how long they last).
      body: ['Alle gespeicherten Angaben zu dieser Person werden gelöscht.', privacyBackupNotice()],
      confirmLabel: 'Ja, löschen', confirmId: 'loeschen-ja', cancelId: 'loeschen-abbrechen',
    });
    if (yes) remove();
  }

  async function remove() {
    try {
      await call('delete_contact', { id: contact.id });
      forgetSelected(contact.id);
      releaseUnsaved(); // deleted: its unsaved edits have nothing left to be saved to
      flash(`${heading} wurde gelöscht.`);
      window.location.hash = '#/kontakte';
    } catch (error) {
      showError(error);
      // The refusal for a person in minutes points to "Datenschutz": offer the way there at once.
      if (error.code === 'Validation') {
        const body = document.querySelector('#meldungen .kern-alert__body');
        if (body) {
          body.appendChild(el('p', { class: 'kern-body' },
            el('a', { class: 'kern-link', id: 'kontakt-zum-datenschutz', href: `#/datenschutz/${contact.id}` },
              `Zum Datenschutz: ${heading} löschen/anonymisieren`)));
        }
      }
    }
  }
}

/**
 * An erased person (Art. 17 DSGVO) opened by number, e.g. from an old link or by going back to
 * their Datenschutz page (privacy.js shows the same): the row is only the
 * placeholder old minutes point at. It holds no personal data and takes no save (the core refuses
 * one too), so there is no form, only what happened and where the person still appears.
 */
export function renderAnonymised(container, contact) {
  document.title = 'Anonymisierte Person – Netzwerkmappe';
  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/kontakte' }, '← Zurück zu den Kontakten')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, 'Anonymisierte Person'),
    el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'anonymisiert-titel', id: 'kontakt-anonymisiert' },
      el('div', { class: 'kern-alert__header' },
        el('span', { class: 'kern-icon kern-icon--info', 'aria-hidden': 'true' }),
        el('span', { class: 'kern-title', id: 'anonymisiert-titel' }, 'Personenbezogene Daten gelöscht')),
      el('div', { class: 'kern-alert__body' },
        el('p', { class: 'kern-body' },
          `Die Daten dieses Kontakts (Nr. ${contact.id}) wurden am ${formatDateTime(contact.anonymised_at)} `
          + 'nach Art. 17 DSGVO gelöscht.'),
        el('p', { class: 'kern-body' },
          'In alten Protokollen, Teilnehmerlisten und Aufgaben steht an seiner Stelle „anonymisierte Person“. '
          + 'Der Eintrag kann nicht mehr bearbeitet werden.'),
        el('p', { class: 'kern-body' },
          el('a', { class: 'kern-link', href: '#/aenderungsprotokoll' }, 'Im Änderungsprotokoll nachsehen')))));
}

/** A fieldset of value + kind rows with one "bevorzugt" radio; always one empty row to add more. */
function multiValue(name, label, legend, kinds, initial, type) {
  const list = el('div', { class: 'multi-list' });
  let n = 0;
  const addRow = ([value, kind, preferred] = ['', 'work', false]) => {
    const i = ++n;
    const id = `${name}-${i}`;
    const row = el('div', { class: 'multi-row' },
      el('div', { class: 'kern-form-input' },
        el('label', { class: 'kern-label', for: id }, `${label} ${i}`),
        el('input', { class: 'kern-form-input__input', id, type, value, autocomplete: 'off', 'data-label': label, 'data-role': 'value' })),
      el('div', { class: 'kern-form-input' },
        el('label', { class: 'kern-label', for: `${id}-art` }, 'Art'),
        el('div', { class: 'kern-form-input__select-wrapper' },
          el('select', { class: 'kern-form-input__select', id: `${id}-art`, 'data-role': 'kind' },
            kinds.map(([k, t]) => el('option', { value: k, selected: k === kind }, t))))),
      el('div', { class: 'kern-form-check' },
        el('input', { class: 'kern-form-check__radio', type: 'radio', name: `${name}-bevorzugt`, id: `${id}-bevorzugt`, checked: preferred, 'data-role': 'preferred' }),
        el('label', { class: 'kern-label', for: `${id}-bevorzugt` }, 'bevorzugt')));
    list.appendChild(row);
  };
  initial.forEach(addRow);
  addRow();
  const fieldset = el('fieldset', { class: 'kern-fieldset' },
    el('legend', { class: 'kern-label kern-label--large' }, legend), list,
    button({ label: `Weitere ${label === 'Telefon' ? 'Telefonnummer' : 'E-Mail-Adresse'}`, variant: 'tertiary',
      onClick: () => { addRow(); list.lastChild.querySelector('input').focus(); } }));
  const values = () => [...list.children]
    .map((row) => [row.querySelector('[data-role=value]').value.trim(), row.querySelector('[data-role=kind]').value, row.querySelector('[data-role=preferred]').checked])
    .filter(([v]) => v !== '');
  return { fieldset, values };
}

// Screen "Einstellungen": the office's settings (recipients per e-mail, reminders on/off and how
// many days ahead, the name the Änderungsprotokoll records, the retention review's years).
// The core checks the values and names the field of every error; this screen only shows them at
// the field, asks before unsaved changes are left behind and confirms a save.

import { call } from '../api.js';
import { button } from '../controls.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, showFieldErrors, textField, trackChanges } from '../form.js';
import { protectUnsaved } from '../leave-guard.js';
import { clearNotices, clearSuccess, showError, showSuccess } from '../notices.js';

export const title = 'Einstellungen';

// The label is the field's name in the core's error (`settings.rs`), so errors land here.
const BATCH_LABEL = 'Empfänger je E-Mail';
const DAYS_LABEL = 'Erinnern … Tage vorher';
const USER_LABEL = 'Name im Änderungsprotokoll';
const RETENTION_LABEL = 'Aufbewahrung prüfen nach … Jahren';

export async function render(container) {
  const settings = await call('get_settings');
  const batch = textField({
    name: 'empfaenger-je-email', label: BATCH_LABEL, type: 'number', required: true,
    value: String(settings.mail_batch_size),
    hint: 'Viele Mailserver nehmen nur eine begrenzte Zahl von Empfängern je Nachricht an. '
      + '„E-Mail schreiben“ teilt größere Verteiler deshalb in mehrere Nachrichten mit höchstens so vielen Empfängern (1 bis 500).',
  });
  batch.input.setAttribute('min', '1');
  batch.input.setAttribute('max', '500');
  batch.input.setAttribute('step', '1');
  batch.input.setAttribute('inputmode', 'numeric');

  const enabled = el('input', {
    class: 'kern-form-check__checkbox', type: 'checkbox', id: 'erinnerungen-an', name: 'erinnerungen-an',
    checked: settings.reminders_enabled,
  });
  const days = textField({
    name: 'erinnern-tage', label: DAYS_LABEL, type: 'number', required: true,
    value: String(settings.reminder_days),
    hint: 'Sitzungen und fällige Aufgaben in so vielen Tagen (1 bis 60) werden einmal gemeldet, überfällige Aufgaben ebenfalls.',
  });
  days.input.setAttribute('min', '1');
  days.input.setAttribute('max', '60');
  days.input.setAttribute('step', '1');
  days.input.setAttribute('inputmode', 'numeric');

  const user = textField({
    name: 'name-protokoll', label: USER_LABEL, value: settings.user_name,
    hint: 'Wird bei Freigaben, Löschungen, Importen und Sicherungen festgehalten. Leer: der Anmeldename am Computer.',
  });
  const retention = textField({
    name: 'aufbewahrung-jahre', label: RETENTION_LABEL, type: 'number', required: true,
    value: String(settings.retention_years),
    hint: 'Kontakte, die so viele Jahre (1 bis 30) an nichts beteiligt waren, erscheinen unter „Datenschutz“ zur Prüfung.',
  });
  retention.input.setAttribute('min', '1');
  retention.input.setAttribute('max', '30');
  retention.input.setAttribute('inputmode', 'numeric');

  const form = el('form', {
    class: 'record-form', id: 'einstellungen-formular', novalidate: true,
    onSubmit: (e) => { e.preventDefault(); save(); }, onInput: clearSuccess,
  },
    batch,
    el('div', { class: 'kern-form-check' },
      enabled,
      el('label', { class: 'kern-label', for: 'erinnerungen-an' }, 'Erinnerungen an Sitzungen und Aufgaben anzeigen')),
    days,
    user,
    retention,
    el('div', { class: 'form-actions' },
      button({ label: 'Speichern', variant: 'primary', id: 'einstellungen-speichern', type: 'submit' })));
  replaceChildren(container,
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, title),
    form);

  function readInput() {
    // Anything that is not a whole number the core could receive (empty, "viele", -3) is sent as
    // 0, which the core refuses with the field's own message; the typed text stays in the field.
    const whole = (input) => {
      const text = input.value.trim();
      return /^\d{1,9}$/.test(text) ? Number(text) : 0;
    };
    return {
      mail_batch_size: whole(batch.input),
      reminders_enabled: enabled.checked,
      reminder_days: whole(days.input),
      user_name: user.input.value.trim(),
      retention_years: whole(retention.input),
    };
  }
  const changes = trackChanges(() => [batch.input.value.trim(), enabled.checked, days.input.value.trim(),
    user.input.value.trim(), retention.input.value.trim()].join('|'));
  protectUnsaved(changes.isDirty);

  async function save() {
    clearFieldErrors(form);
    clearNotices();
    try {
      const saved = await call('update_settings', { settings: readInput() });
      batch.input.value = String(saved.mail_batch_size);
      enabled.checked = saved.reminders_enabled;
      days.input.value = String(saved.reminder_days);
      user.input.value = saved.user_name;
      retention.input.value = String(saved.retention_years);
      changes.markSaved();
      showSuccess('Die Einstellungen wurden gespeichert.');
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }
}

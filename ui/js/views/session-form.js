// Screen "Sitzung planen / bearbeiten": the session's fields (German date and times), then, once
// saved, its Tagesordnung (session-agenda.js), its Teilnehmende and attendance
// (session-participants.js) and "Als Kalenderdatei speichern" (.ics through "Speichern unter").
// Validation messages from the core land at the field they name; the form keeps what was typed.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, optional, selectField, showFieldErrors, textArea, textField, trackChanges } from '../form.js';
import { formatDate } from '../format.js';
import { confirm } from '../dialog.js';
import { protectUnsaved, releaseUnsaved } from '../leave-guard.js';
import { clearNotices, flash, showError, showSuccess } from '../notices.js';
import { FORMAT_LABELS, STATUS_LABELS, whenText } from './sessions.js';
import { renderAgenda } from './session-agenda.js';
import { renderParticipants } from './session-participants.js';
import * as minutesView from './session-minutes.js';
import { pdfMenu } from './session-pdf.js';

export const title = 'Sitzung';

export async function render(container, params) {
  // "#/sitzungen/12/protokoll": the minutes of session 12.
  if (params[1] === 'protokoll') return minutesView.render(container, params);
  const id = params[0] && params[0] !== 'neu' ? Number(params[0]) : null;
  // "#/sitzungen/neu/vorlage/12": a new session with the agenda and participants of session 12.
  const templateId = !id && params[1] === 'vorlage' ? Number(params[2]) : null;
  const [session, template, organisations] = await Promise.all([
    id ? call('get_session', { id }) : Promise.resolve(null),
    templateId ? call('get_session', { id: templateId }) : Promise.resolve(null),
    call('list_organisations'),
  ]);
  // From a template: time, format, place, link and host carry over; title and date are new.
  const s = session || (template
    ? { ...template, title: '', date: '', status: 'geplant', notes: null }
    : { format: 'praesenz', status: 'geplant' });
  const heading = session ? session.title : (template ? `Neue Sitzung nach Vorlage „${template.title}“` : 'Neue Sitzung');
  document.title = `${heading} – Netzwerkmappe`;

  const f = {
    title: textField({ name: 'sitzung-titel', label: 'Titel', value: s.title, required: true, hint: 'z. B. 3. Netzwerktreffen 2027' }),
    date: textField({ name: 'sitzung-datum', label: 'Datum', value: formatDate(s.date), required: true, hint: 'TT.MM.JJJJ, z. B. 24.11.2026' }),
    start: textField({ name: 'sitzung-beginn', label: 'Beginn', value: s.start_time, required: true, hint: 'z. B. 14:00' }),
    end: textField({ name: 'sitzung-ende', label: 'Ende', value: s.end_time, hint: 'z. B. 16:30' }),
    format: selectField({ name: 'sitzung-format', label: 'Format', value: s.format, options: Object.entries(FORMAT_LABELS) }),
    status: selectField({ name: 'sitzung-status', label: 'Status', value: s.status, options: Object.entries(STATUS_LABELS) }),
    place: textField({ name: 'sitzung-ort', label: 'Ort', value: s.place, hint: 'Adresse und Raum' }),
    link: textField({ name: 'sitzung-link', label: 'Videolink', value: s.video_link, hint: 'beginnt mit https://' }),
    host: selectField({
      name: 'sitzung-gastgeber', label: 'Gastgeber', value: s.host_organisation_id ?? '',
      options: [['', 'keiner'], ...organisations.map((o) => [o.id, o.name])],
    }),
    notes: textArea({ name: 'sitzung-notizen', label: 'Notizen', value: s.notes }),
  };

  const form = el('form', { class: 'record-form', id: 'sitzung-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); save(); } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Termin'),
      f.title, el('div', { class: 'form-grid' }, f.date, f.start, f.end, f.status)),
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Ort und Format'),
      el('div', { class: 'form-grid' }, f.format, f.place, f.link, f.host)),
    f.notes,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'sitzung-speichern' },
        el('span', { class: 'kern-label' }, session ? 'Änderungen speichern' : 'Sitzung anlegen')),
      el('a', { class: 'kern-btn kern-btn--secondary', href: '#/sitzungen' }, el('span', { class: 'kern-label' }, 'Abbrechen')),
      session ? el('a', { class: 'kern-btn kern-btn--tertiary', id: 'sitzung-vorlage', href: `#/sitzungen/neu/vorlage/${session.id}` },
        el('span', { class: 'kern-label' }, 'Als Vorlage für die nächste Sitzung verwenden')) : null,
      session ? el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'sitzung-loeschen', onClick: confirmDelete },
        el('span', { class: 'kern-label' }, 'Sitzung löschen')) : null));

  const parts = [
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: '#/sitzungen' }, '← Zurück zu den Sitzungen')),
    el('div', { class: 'view-head' },
      el('h1', { class: 'kern-heading-large', tabindex: '-1' }, heading),
      session ? el('div', { class: 'form-actions' },
        el('a', { class: 'kern-btn kern-btn--secondary', id: 'sitzung-protokoll', href: `#/sitzungen/${session.id}/protokoll` },
          el('span', { class: 'kern-label' }, 'Protokoll')),
        el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'sitzung-einladen', onClick: writeInvitation },
          el('span', { class: 'kern-label' }, 'Einladung per E-Mail')),
        el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'sitzung-ics', onClick: saveIcs },
          el('span', { class: 'kern-label' }, 'Als Kalenderdatei (.ics) speichern')),
        pdfMenu(session)) : null),
    el('div', { id: 'sitzung-einladung' }),
    session ? el('p', { class: 'kern-body', id: 'sitzung-termin' },
      `Nr. ${session.id} · ${whenText(session.date, session.start_time, session.end_time)}`,
      session.minutes_status === 'freigegeben' ? ' · Protokoll freigegeben' : '') : null,
    el('section', { 'aria-labelledby': 'sitzung-angaben-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'sitzung-angaben-titel' }, 'Angaben zur Sitzung'),
      template ? el('p', { class: 'kern-body', id: 'sitzung-vorlage-hinweis' },
        `Tagesordnung und Teilnehmende von „${template.title}“ werden übernommen (ohne Protokolltexte; alle wieder als „eingeladen“).`) : null,
      form),
  ];
  if (session) {
    parts.push(
      el('section', { 'aria-labelledby': 'tagesordnung-titel', id: 'tagesordnung' }),
      el('section', { 'aria-labelledby': 'teilnehmende-titel', id: 'teilnehmende' }));
  }
  replaceChildren(container, ...parts);
  if (session) {
    await Promise.all([
      renderAgenda(document.getElementById('tagesordnung'), session),
      renderParticipants(document.getElementById('teilnehmende'), session),
    ]);
  }

  function readInput() {
    return {
      title: f.title.input.value,
      date: f.date.input.value,
      start_time: f.start.input.value,
      end_time: optional(f.end.input),
      format: f.format.input.value,
      status: f.status.input.value,
      place: optional(f.place.input),
      video_link: optional(f.link.input),
      host_organisation_id: f.host.input.value === '' ? null : Number(f.host.input.value),
      notes: f.notes.input.value.trim() === '' ? null : f.notes.input.value,
      expected_version: session ? session.version : null,
    };
  }
  const changes = trackChanges(readInput);
  protectUnsaved(changes.isDirty);

  async function save() {
    clearFieldErrors(form);
    clearNotices();
    const input = readInput();
    try {
      const saved = session
        ? await call('update_session', { id: session.id, input })
        : template
          ? await call('create_session_from_template', { source: template.id, input })
          : await call('create_session', { input });
      changes.markSaved();
      if (session) {
        // Re-render: the heading, the agenda's clock times and the version follow the saved values.
        await render(container, [String(saved.id)]);
        showSuccess(`„${saved.title}“ wurde gespeichert.`);
      } else {
        flash(`„${saved.title}“ wurde angelegt. Jetzt können Sie die Tagesordnung und die Teilnehmenden eintragen.`);
        window.location.hash = `#/sitzungen/${saved.id}`;
      }
    } catch (error) {
      showError(error);
      showFieldErrors(form, error);
    }
  }

  async function confirmDelete() {
    const yes = await confirm({
      title: `„${session.title}“ wirklich löschen?`,
      body: 'Die Sitzung wird mit Tagesordnung, Teilnehmenden und Protokollentwurf gelöscht. Eine Sitzung mit freigegebenem Protokoll bleibt erhalten.',
      confirmLabel: 'Ja, löschen', confirmId: 'sitzung-loeschen-ja', cancelId: 'sitzung-loeschen-abbrechen',
    });
    if (yes) remove();
  }

  async function remove() {
    try {
      await call('delete_session', { id: session.id });
      releaseUnsaved(); // deleted: its unsaved edits have nothing left to be saved to
      flash(`„${session.title}“ wurde gelöscht.`);
      window.location.hash = '#/sitzungen';
    } catch (error) {
      showError(error);
      document.getElementById('sitzung-loeschen')?.focus();
    }
  }

  /** Opens the mail program, or shows subject, text and addresses for copying. */
  async function writeInvitation() {
    clearNotices();
    const region = document.getElementById('sitzung-einladung');
    replaceChildren(region);
    try {
      const mail = await call('write_invitation', { id: session.id });
      const people = mail.recipients === 1 ? '1 Person' : `${mail.recipients} Personen`;
      if (mail.opened) {
        showSuccess(`Ihr E-Mail-Programm öffnet die Einladung an ${people} (in BCC).`);
        return;
      }
      const reason = mail.link ? 'Es wurde kein E-Mail-Programm gefunden.' : `Die Einladung an ${people} ist zu lang für einen E-Mail-Link.`;
      const copyField = (id, label, value, rows) => {
        const input = el('textarea', { class: 'kern-form-input__input', id, readonly: true, rows: String(rows) });
        input.value = value;
        return el('div', { class: 'kern-form-input' }, el('label', { class: 'kern-label', for: id }, label), input,
          el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: `${id}-kopieren`, onClick: () => copy(input, label) },
            el('span', { class: 'kern-label' }, `${label} kopieren`)));
      };
      replaceChildren(region, el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'einladung-titel' },
        el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'einladung-titel' }, 'Einladung zum Kopieren')),
        el('div', { class: 'kern-alert__body' },
          el('p', { class: 'kern-body' }, `${reason} Kopieren Sie Betreff, Text und Adressen (in das BCC-Feld) in eine neue Nachricht.`),
          copyField('einladung-betreff', 'Betreff', mail.subject, 2),
          copyField('einladung-text', 'Text', mail.body, 10),
          copyField('einladung-adressen', 'Adressen', mail.addresses, 3))));
      document.getElementById('einladung-betreff').focus();
    } catch (error) {
      showError(error);
    }
  }

  async function copy(input, label) {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      showSuccess(`${label} ist in der Zwischenablage.`);
    } catch {
      showSuccess(`${label} ist markiert: kopieren Sie mit Strg+C.`);
    }
  }

  async function saveIcs() {
    clearNotices();
    try {
      const saved = await call('export_session_ics', { id: session.id });
      if (saved) showSuccess(`Die Kalenderdatei wurde gespeichert: ${saved.path}`);
    } catch (error) {
      showError(error);
    }
  }
}

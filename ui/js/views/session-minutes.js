// Screen "Protokoll" of a session (#/sitzungen/<id>/protokoll): per TOP the discussion (saved
// while typing, about a second after the last key, and when the field is left: nothing to forget),
// the Beschlüsse with their numbers ("Beschluss 3/2027-2") and the Aufgaben (what, who, by when).
// "Protokoll freigeben" makes it read-only; afterwards a correction is a Nachtrag (date, reason,
// text) that stays visible. The lock itself is the core's: this screen only mirrors it.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, showFieldErrors, textArea, textField } from '../form.js';
import { formatDate, formatDateTime } from '../format.js';
import { confirm } from '../dialog.js';
import { protectUnsaved } from '../leave-guard.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { picker } from '../picker.js';
import { whenText } from './sessions.js';

export const title = 'Protokoll';

/** How long after the last keystroke a discussion is saved. */
const AUTOSAVE_MS = 1000;

export async function render(container, params) {
  const id = Number(params[0]);
  const [session, agenda, view, participants] = await Promise.all([
    call('get_session', { id }),
    call('list_agenda', { session: id }),
    call('get_minutes', { session: id }),
    call('list_participants', { session: id }),
  ]);
  const approved = view.minutes && view.minutes.status === 'freigegeben';
  document.title = `Protokoll: ${session.title} – Netzwerkmappe`;
  /** Saves of discussions still waiting for their second; run before the screen is drawn anew. */
  const pendingSaves = [];

  const state = approved
    ? `Freigegeben am ${formatDateTime(view.minutes.approved_at)} von ${view.minutes.approved_by}. Änderungen sind nur noch als Nachtrag möglich.`
    : 'Entwurf: Alles wird beim Tippen gespeichert.';

  replaceChildren(container,
    el('p', { class: 'kern-body' }, el('a', { class: 'kern-link', href: `#/sitzungen/${id}` }, `← Zurück zur Sitzung „${session.title}“`)),
    el('h1', { class: 'kern-heading-large', tabindex: '-1' }, `Protokoll: ${session.title}`),
    el('p', { class: 'kern-body' }, whenText(session.date, session.start_time, session.end_time)),
    el('p', { class: 'kern-body', id: 'protokoll-stand' }, state),
    el('p', { class: 'kern-body status', id: 'protokoll-speicherstand', role: 'status' }),
    minuteTaker(),
    attendance(),
    agenda.length === 0
      ? el('p', { class: 'kern-body' }, 'Die Sitzung hat noch keine Tagesordnung. Legen Sie zuerst die TOPs an.')
      : agenda.map(topSection),
    approved ? addenda() : approval());
  // Discussions save themselves; a decision, task or Nachtrag typed but not yet recorded would be
  // lost by leaving, so leaving asks first (the pickers' search text is not a value).
  protectUnsaved(() => [...container.querySelectorAll(
    '.inline-form textarea, .inline-form input:not(.picker-input), #nachtrag-formular textarea, #nachtrag-formular input',
  )].some((input) => input.value !== input.defaultValue));

  /**
   * Protokollführung: a contact picked from the contacts (the name is kept as it was on the day,
   * even if the contact changes later) or a name typed as written. Picking saves at once.
   */
  function minuteTaker() {
    const stored = view.minutes;
    if (approved) {
      return el('p', { class: 'kern-body', id: 'protokollfuehrung' },
        `Protokollführung: ${stored?.minute_taker_name || 'nicht eingetragen'}`);
    }
    const field = picker({
      name: 'protokollfuehrung', label: 'Protokollführung', freeText: true,
      hint: 'Namen tippen und mit ↓ und Enter aus den Kontakten wählen – oder den Namen so eintragen, wie er im Protokoll stehen soll.',
      onChange: () => save(),
    });
    if (stored?.minute_taker_name) {
      field.set([{ kind: stored.minute_taker_contact_id ? 'contact' : 'text', id: stored.minute_taker_contact_id, label: stored.minute_taker_name }]);
    }
    const form = el('form', { class: 'record-form', id: 'protokollfuehrung-formular', novalidate: true, onSubmit: (e) => { e.preventDefault(); save(); } },
      field,
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'protokollfuehrung-speichern' },
          el('span', { class: 'kern-label' }, 'Protokollführung speichern'))));

    async function save() {
      clearNotices();
      clearFieldErrors(form);
      const [chosen] = field.value();
      // The same contact as before keeps the name stored on the day; a newly picked one gets
      // today's name from the core.
      const same = chosen?.kind === 'contact' && chosen.id === stored?.minute_taker_contact_id;
      const input = {
        minute_taker_contact_id: chosen?.kind === 'contact' ? chosen.id : null,
        minute_taker_name: chosen?.kind === 'text' || same ? chosen.label : null,
      };
      try {
        const saved = await call('update_minutes', { session: id, input });
        view.minutes = saved;
        if (saved.minute_taker_name) {
          field.set([{ kind: saved.minute_taker_contact_id ? 'contact' : 'text', id: saved.minute_taker_contact_id, label: saved.minute_taker_name }]);
        } else {
          field.clear();
        }
        showSuccess(saved.minute_taker_name
          ? `Protokollführung: ${saved.minute_taker_name} – gespeichert.`
          : 'Die Protokollführung wurde entfernt.');
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    }
    return form;
  }

  /**
   * Anwesenheit is part of the minutes: who took part and who was excused, with the names and
   * organisations of the day. It is ticked in the session's checklist (linked here).
   */
  function attendance() {
    const names = (status) => participants.filter((p) => p.status === status)
      .map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name));
    const present = names('teilgenommen');
    const excused = names('entschuldigt');
    const line = (label, list, id) => el('p', { class: 'kern-body attendance-line', id },
      el('strong', {}, `${label} (${list.length}): `), list.length ? list.join(', ') : 'niemand eingetragen');
    return el('section', { 'aria-labelledby': 'anwesenheit-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'anwesenheit-titel' }, 'Anwesenheit'),
      line('Teilgenommen', present, 'anwesend'),
      line('Entschuldigt', excused, 'entschuldigt'),
      approved ? null : el('p', { class: 'kern-body' },
        el('a', { class: 'kern-link', href: `#/sitzungen/${id}`, id: 'anwesenheit-erfassen' },
          'Anwesenheit in der Teilnehmendenliste der Sitzung erfassen')));
  }

  function topSection(item) {
    const decisions = view.decisions.filter((d) => d.agenda_item_id === item.id);
    const actions = view.action_items.filter((a) => a.agenda_item_id === item.id);
    // Approved minutes are a record to read, not a form: the discussion is plain text then.
    let discussion;
    if (approved) {
      discussion = el('div', { class: 'minutes-discussion' },
        el('h3', { class: 'kern-heading-small' }, 'Diskussion'),
        el('p', { class: 'kern-body minutes-text', id: `diskussion-${item.id}` }, item.discussion || 'Keine Diskussion festgehalten.'));
    } else {
      discussion = textArea({ name: `diskussion-${item.id}`, label: `Diskussion zu TOP ${item.number}`, value: item.discussion });
      discussion.input.rows = 5;
      discussion.input.dataset.label = 'Diskussion';
      autosave(item, discussion.input);
    }
    return el('section', { class: 'minutes-top', 'aria-labelledby': `protokoll-top-${item.id}` },
      el('h2', { class: 'kern-heading-medium', id: `protokoll-top-${item.id}` }, `TOP ${item.number} ${item.title}`),
      item.responsible.length ? el('p', { class: 'kern-body' }, `Verantwortlich: ${item.responsible.map((r) => r.name).join(', ')}`) : null,
      // "Genehmigung des Protokolls": say what a decision here does before it is recorded.
      item.approves_session_id && !approved ? el('p', { class: 'kern-body', id: `genehmigung-hinweis-${item.id}` },
        'Ein Beschluss zu diesem TOP gibt das ',
        el('a', { class: 'kern-link', href: `#/sitzungen/${item.approves_session_id}/protokoll` }, 'Protokoll der letzten Sitzung'),
        ' frei, falls es noch ein Entwurf ist.') : null,
      discussion,
      el('h3', { class: 'kern-heading-small' }, 'Beschlüsse'),
      decisions.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Beschlüsse.')
        : el('ul', { class: 'minutes-list', id: `beschluesse-${item.id}` }, decisions.map((d) => decisionLine(item, d))),
      approved ? null : decisionForm(item),
      el('h3', { class: 'kern-heading-small' }, 'Aufgaben'),
      actions.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Aufgaben.')
        : el('ul', { class: 'minutes-list', id: `aufgaben-${item.id}` }, actions.map((a) => actionLine(item, a))),
      approved ? null : actionForm(item));
  }

  /** Saves the discussion a second after the last key and when the field is left; saves run one after another. */
  function autosave(item, input) {
    let version = item.version;
    let timer = null;
    let saved = input.value;
    let chain = Promise.resolve();
    const status = () => document.getElementById('protokoll-speicherstand');
    const saveNow = () => {
      clearTimeout(timer);
      timer = null;
      chain = chain.then(async () => {
        const text = input.value;
        if (text === saved) return;
        try {
          const updated = await call('set_discussion', { item: item.id, text, expectedVersion: version });
          version = updated.version;
          saved = text;
          replaceChildren(status(), `Diskussion zu TOP ${item.number} gespeichert.`);
        } catch (error) {
          showError(error);
        }
      });
      return chain;
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(saveNow, AUTOSAVE_MS);
    });
    input.addEventListener('blur', saveNow);
    pendingSaves.push(saveNow);
    window.addEventListener('hashchange', saveNow, { once: true });
  }

  function decisionForm(item) {
    const text = textArea({ name: `beschluss-${item.id}`, label: `Neuer Beschluss zu TOP ${item.number}`, required: true });
    text.input.dataset.label = 'Beschluss';
    const form = el('form', { class: 'record-form inline-form', novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        const d = await call('add_decision', { session: id, input: { agenda_item_id: item.id, text: text.input.value } });
        showAfterReload(`${d.label || 'Der Beschluss'} wurde aufgenommen.`);
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } }, text, el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: `beschluss-${item.id}-hinzufuegen` },
        el('span', { class: 'kern-label' }, 'Beschluss aufnehmen'))));
    return form;
  }

  /** A decision with "Bearbeiten" and "Löschen" while the minutes are a draft. */
  function decisionLine(item, d) {
    const li = el('li', { 'data-id': d.id, id: `beschluss-zeile-${d.id}` }, el('strong', {}, `${d.label}: `), d.text,
      approved ? null : el('span', { class: 'minutes-entry-actions' },
        el('button', { type: 'button', class: 'agenda-move', id: `beschluss-${d.id}-bearbeiten`,
          'aria-label': `${d.label} bearbeiten`, onClick: () => editDecision(item, d, li) }, 'Bearbeiten'),
        el('button', { type: 'button', class: 'agenda-move', id: `beschluss-${d.id}-loeschen`,
          'aria-label': `${d.label} löschen`, onClick: () => removeDecision(d) }, 'Löschen')));
    return li;
  }

  function editDecision(item, d, li) {
    clearNotices();
    const text = textArea({ name: `beschluss-text-${d.id}`, label: `Wortlaut von ${d.label}`, value: d.text, required: true });
    text.input.dataset.label = 'Beschluss';
    text.input.defaultValue = d.text; // unchanged is not "unsaved"
    text.input.value = d.text;
    const form = el('form', { class: 'record-form inline-form', id: `beschluss-${d.id}-formular`, novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        const saved = await call('update_decision', { id: d.id, input: { agenda_item_id: item.id, text: text.input.value, expected_version: d.version } });
        await showAfterReload(`${saved.label || 'Der Beschluss'} wurde geändert.`, `beschluss-${d.id}-bearbeiten`);
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } }, text, el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: `beschluss-${d.id}-speichern` },
        el('span', { class: 'kern-label' }, 'Änderung speichern')),
      el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: `beschluss-${d.id}-abbrechen`,
        onClick: () => { const fresh = decisionLine(item, d); li.replaceWith(fresh); fresh.querySelector('button')?.focus(); } },
      el('span', { class: 'kern-label' }, 'Abbrechen'))));
    replaceChildren(li, form);
    text.input.focus();
  }

  async function removeDecision(d) {
    clearNotices();
    const yes = await confirm({
      title: `${d.label} löschen?`,
      body: `„${d.text}“ wird aus dem Protokoll entfernt. Die folgenden Beschlüsse dieser Sitzung rücken in der Nummerierung nach.`,
      confirmLabel: 'Beschluss löschen', confirmId: 'beschluss-loeschen-bestaetigen',
    });
    if (!yes) return;
    try {
      await call('delete_decision', { id: d.id });
      await showAfterReload(`${d.label} wurde gelöscht.`);
    } catch (error) {
      showError(error);
    }
  }

  function actionLine(item, a) {
    const due = a.due_date ? `fällig ${formatDate(a.due_date)}` : 'ohne Frist';
    const state = a.status === 'erledigt' ? `erledigt${a.done_date ? ` am ${formatDate(a.done_date)}` : ''}` : 'offen';
    const li = el('li', { 'data-id': a.id, id: `aufgabe-zeile-${a.id}` }, el('strong', {}, a.what), ` – ${a.owner_name || 'niemand eingetragen'}, ${due}, ${state}`,
      approved ? null : el('span', { class: 'minutes-entry-actions' },
        el('button', { type: 'button', class: 'agenda-move', id: `aufgabe-${a.id}-bearbeiten`,
          'aria-label': `Aufgabe „${a.what}“ bearbeiten`, onClick: () => { const f = actionForm(item, a); li.replaceChildren(f); f.querySelector('input').focus(); } }, 'Bearbeiten'),
        el('button', { type: 'button', class: 'agenda-move', id: `aufgabe-${a.id}-loeschen`,
          'aria-label': `Aufgabe „${a.what}“ löschen`, onClick: () => removeAction(a) }, 'Löschen')));
    return li;
  }

  async function removeAction(a) {
    clearNotices();
    const yes = await confirm({
      title: 'Aufgabe löschen?',
      body: `„${a.what}“ wird aus dem Protokoll und aus der Aufgabenübersicht entfernt.`,
      confirmLabel: 'Aufgabe löschen', confirmId: 'aufgabe-loeschen-bestaetigen',
    });
    if (!yes) return;
    try {
      await call('delete_action_item', { id: a.id });
      await showAfterReload(`Die Aufgabe „${a.what}“ wurde gelöscht.`);
    } catch (error) {
      showError(error);
    }
  }

  /** The form for a new task on `item`, or (with `a`) for changing task `a`. */
  function actionForm(item, a = null) {
    const key = a ? `aufgabe-${a.id}-aendern` : `aufgabe-${item.id}`;
    const what = textField({ name: key, label: 'Aufgabe', required: true, value: a?.what });
    const due = textField({ name: `${key}-frist`, label: 'Fällig am', hint: 'TT.MM.JJJJ', value: a?.due_date ? formatDate(a.due_date) : '' });
    // The owner is a person or an organisation (a person's organisation is added by the core).
    const owner = picker({ name: `${key}-wer`, label: 'Zuständig', kinds: ['contact', 'organisation'],
      hint: 'Person oder Organisation: Namen tippen, mit ↓ wählen, Enter übernimmt.' });
    if (a && (a.owner_contact_id || a.owner_organisation_id)) {
      owner.set([a.owner_contact_id
        ? { kind: 'contact', id: a.owner_contact_id, label: a.owner_name }
        : { kind: 'organisation', id: a.owner_organisation_id, label: a.owner_name }]);
    }
    const form = el('form', { class: 'record-form inline-form', id: `${key}-formular`, novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      const [who] = owner.value();
      const input = {
        agenda_item_id: item.id, what: what.input.value, due_date: due.input.value.trim() || null,
        owner_contact_id: who?.kind === 'contact' ? who.id : null,
        owner_organisation_id: who?.kind === 'organisation' ? who.id : null,
        status: a ? a.status : 'offen', done_date: a?.done_date ?? null,
      };
      try {
        if (a) {
          input.expected_version = a.version;
          await call('update_action_item', { id: a.id, input });
          await showAfterReload(`Die Aufgabe „${what.input.value.trim()}“ wurde geändert.`, `aufgabe-${a.id}-bearbeiten`);
        } else {
          await call('add_action_item', { session: id, input });
          await showAfterReload(`Die Aufgabe „${what.input.value.trim()}“ wurde aufgenommen.`);
        }
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, a ? `Aufgabe „${a.what}“ ändern` : `Neue Aufgabe zu TOP ${item.number}`),
      el('div', { class: 'form-grid' }, what, due), owner),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: a ? 'kern-btn kern-btn--primary' : 'kern-btn kern-btn--secondary', id: a ? `aufgabe-${a.id}-speichern` : `aufgabe-${item.id}-hinzufuegen` },
        el('span', { class: 'kern-label' }, a ? 'Änderung speichern' : 'Aufgabe aufnehmen')),
      a ? el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: `aufgabe-${a.id}-abbrechen`,
        onClick: () => { const fresh = actionLine(item, a); form.closest('li').replaceWith(fresh); fresh.querySelector('button')?.focus(); } },
      el('span', { class: 'kern-label' }, 'Abbrechen')) : null));
    return form;
  }

  function approval() {
    const by = textField({ name: 'freigegeben-von', label: 'Freigegeben von', required: true, hint: 'z. B. Name der Sitzungsleitung oder „Beschluss in der nächsten Sitzung“' });
    const form = el('form', { class: 'record-form', id: 'freigabe-formular', novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        await call('approve_minutes', { session: id, by: by.input.value });
        showAfterReload('Das Protokoll ist freigegeben. Korrekturen sind ab jetzt nur als Nachtrag möglich.');
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } },
    el('h2', { class: 'kern-heading-medium' }, 'Protokoll freigeben'),
    el('p', { class: 'kern-body' }, 'Ein freigegebenes Protokoll kann nicht mehr geändert werden; Korrekturen werden als Nachtrag festgehalten.'),
    by,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'protokoll-freigeben' },
        el('span', { class: 'kern-label' }, 'Protokoll freigeben'))));
    return form;
  }

  function addenda() {
    const date = textField({ name: 'nachtrag-datum', label: 'Datum', hint: 'TT.MM.JJJJ; leer = heute' });
    const reason = textField({ name: 'nachtrag-grund', label: 'Grund', required: true });
    const text = textArea({ name: 'nachtrag-text', label: 'Text', required: true });
    const form = el('form', { class: 'record-form', id: 'nachtrag-formular', novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        await call('add_addendum', { session: id, input: { date: date.input.value.trim() || null, reason: reason.input.value, text: text.input.value } });
        showAfterReload('Der Nachtrag wurde festgehalten.');
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label kern-label--large' }, 'Nachtrag hinzufügen'),
      el('div', { class: 'form-grid' }, date, reason), text),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'nachtrag-speichern' },
        el('span', { class: 'kern-label' }, 'Nachtrag festhalten'))));
    return el('section', { 'aria-labelledby': 'nachtraege-titel' },
      el('h2', { class: 'kern-heading-medium', id: 'nachtraege-titel' }, 'Nachträge'),
      view.addenda.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Nachträge.')
        : el('ul', { class: 'minutes-list', id: 'nachtraege' }, view.addenda.map((n) =>
          el('li', {}, el('strong', {}, `Nachtrag vom ${formatDate(n.date)} (${n.reason}): `), n.text))),
      form);
  }

  /** Draws the screen anew from the store (numbers, lock) and then shows `message`; focus goes to `focusId` if it is there. */
  async function showAfterReload(message, focusId) {
    await Promise.all(pendingSaves.map((save) => save()));
    await render(container, params);
    showSuccess(message);
    (focusId && document.getElementById(focusId) || container.querySelector('h1'))?.focus();
  }
}

// Screen "Protokoll" of a session (#/sitzungen/<id>/protokoll): per TOP the discussion (saved
// while typing, about a second after the last key, and when the field is left: nothing to forget),
// the Beschlüsse with their numbers ("Beschluss 3/2027-2") and the Aufgaben (what, who, by when).
// "Protokoll freigeben" makes it read-only; afterwards a correction is a Nachtrag (date, reason,
// text) that stays visible. The lock itself is the core's: this screen only mirrors it.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { clearFieldErrors, showFieldErrors, textArea, textField } from '../form.js';
import { formatDate, formatDateTime } from '../format.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { whenText } from './sessions.js';

export const title = 'Protokoll';

/** How long after the last keystroke a discussion is saved. */
const AUTOSAVE_MS = 1000;

export async function render(container, params) {
  const id = Number(params[0]);
  const [session, agenda, view, contacts] = await Promise.all([
    call('get_session', { id }),
    call('list_agenda', { session: id }),
    call('get_minutes', { session: id }),
    call('list_contacts', { filter: {} }),
  ]);
  const approved = view.minutes && view.minutes.status === 'freigegeben';
  document.title = `Protokoll: ${session.title} – Netzwerkmappe`;
  /** Saves of discussions still waiting for their second; run before the screen is drawn anew. */
  const pendingSaves = [];
  const contactOptions = contacts.map((c) => [c.id, [[c.title, c.first_name, c.last_name].filter(Boolean).join(' '), c.organisation_name].filter(Boolean).join(', ')]);

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
    agenda.length === 0
      ? el('p', { class: 'kern-body' }, 'Die Sitzung hat noch keine Tagesordnung. Legen Sie zuerst die TOPs an.')
      : agenda.map(topSection),
    approved ? addenda() : approval());

  function minuteTaker() {
    const field = textField({ name: 'protokollfuehrung', label: 'Protokollführung', value: view.minutes?.minute_taker_name });
    field.input.readOnly = approved;
    const form = el('form', { class: 'record-form', id: 'protokollfuehrung-formular', novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        await call('update_minutes', { session: id, input: { minute_taker_name: field.input.value.trim() || null, minute_taker_contact_id: null } });
        showSuccess('Die Protokollführung wurde gespeichert.');
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } }, field, approved ? null : el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'protokollfuehrung-speichern' },
        el('span', { class: 'kern-label' }, 'Protokollführung speichern'))));
    return form;
  }

  function topSection(item) {
    const decisions = view.decisions.filter((d) => d.agenda_item_id === item.id);
    const actions = view.action_items.filter((a) => a.agenda_item_id === item.id);
    const discussion = textArea({ name: `diskussion-${item.id}`, label: `Diskussion zu TOP ${item.number}`, value: item.discussion });
    discussion.input.rows = 5;
    discussion.input.readOnly = approved;
    discussion.input.dataset.label = 'Diskussion';
    if (!approved) autosave(item, discussion.input);
    return el('section', { class: 'minutes-top', 'aria-labelledby': `protokoll-top-${item.id}` },
      el('h2', { class: 'kern-heading-medium', id: `protokoll-top-${item.id}` }, `TOP ${item.number} ${item.title}`),
      discussion,
      el('h3', { class: 'kern-heading-small' }, 'Beschlüsse'),
      decisions.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Beschlüsse.')
        : el('ul', { class: 'minutes-list', id: `beschluesse-${item.id}` }, decisions.map((d) =>
          el('li', {}, el('strong', {}, `${d.label}: `), d.text))),
      approved ? null : decisionForm(item),
      el('h3', { class: 'kern-heading-small' }, 'Aufgaben'),
      actions.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Aufgaben.')
        : el('ul', { class: 'minutes-list', id: `aufgaben-${item.id}` }, actions.map(actionLine)),
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
    const text = textArea({ name: `beschluss-${item.id}`, label: `Neuer Beschluss zu TOP ${item.number}` });
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

  function actionLine(a) {
    const due = a.due_date ? `fällig ${formatDate(a.due_date)}` : 'ohne Frist';
    const state = a.status === 'erledigt' ? `erledigt${a.done_date ? ` am ${formatDate(a.done_date)}` : ''}` : 'offen';
    return el('li', { 'data-id': a.id }, el('strong', {}, a.what), ` – ${a.owner_name || 'niemand eingetragen'}, ${due}, ${state}`);
  }

  function actionForm(item) {
    const what = textField({ name: `aufgabe-${item.id}`, label: 'Aufgabe', required: true });
    const due = textField({ name: `aufgabe-${item.id}-frist`, label: 'Fällig am', hint: 'TT.MM.JJJJ' });
    const ownerId = `aufgabe-${item.id}-wer`;
    const owner = el('select', { class: 'kern-form-input__select', id: ownerId, 'data-label': 'Zuständig' },
      el('option', { value: '' }, 'niemand'), contactOptions.map(([v, t]) => el('option', { value: v }, t)));
    const form = el('form', { class: 'record-form inline-form', novalidate: true, onSubmit: async (e) => {
      e.preventDefault();
      clearNotices();
      clearFieldErrors(form);
      try {
        await call('add_action_item', { session: id, input: {
          agenda_item_id: item.id, what: what.input.value, due_date: due.input.value.trim() || null,
          owner_contact_id: owner.value === '' ? null : Number(owner.value), owner_organisation_id: null, status: 'offen',
        } });
        showAfterReload(`Die Aufgabe „${what.input.value.trim()}“ wurde aufgenommen.`);
      } catch (error) {
        showError(error);
        showFieldErrors(form, error);
      }
    } },
    el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, `Neue Aufgabe zu TOP ${item.number}`),
      el('div', { class: 'form-grid' }, what,
        el('div', { class: 'kern-form-input' },
          el('label', { class: 'kern-label', for: ownerId }, 'Zuständig', el('span', { class: 'kern-label__optional' }, ' – optional')),
          el('div', { class: 'kern-form-input__select-wrapper' }, owner)),
        due)),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: `aufgabe-${item.id}-hinzufuegen` },
        el('span', { class: 'kern-label' }, 'Aufgabe aufnehmen'))));
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
    const text = textArea({ name: 'nachtrag-text', label: 'Text' });
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

  /** Draws the screen anew from the store (numbers, lock) and then shows `message`. */
  async function showAfterReload(message) {
    await Promise.all(pendingSaves.map((save) => save()));
    await render(container, params);
    showSuccess(message);
    container.querySelector('h1')?.focus();
  }
}

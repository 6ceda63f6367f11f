// Small pieces the Konzeptpapier screen's sections share: the clock time of an autosave, a
// contact's name, the Handlungsfeld select with its inline "Neues Handlungsfeld …" form and the
// sections' headings.

import { call } from '../api.js';
import { el, setHidden } from '../dom.js';
import { button } from '../controls.js';
import { clearFieldErrors, selectField, showFieldErrors, textField } from '../form.js';
import { showError, showSuccess } from '../notices.js';

/** "14:32" for an ISO instant, in the computer's time zone. */
export function clock(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
}


export function contactName(c) {
  return [c.title, c.first_name, c.last_name].filter(Boolean).join(' ');
}

/** The Handlungsfeld select with "Neues Handlungsfeld …": a small inline form adds one. */
export function handlungsfeldField(fields, value) {
  const field = selectField({
    name: 'papier-handlungsfeld', label: 'Handlungsfeld', value: value ?? '',
    options: [['', 'keines'], ...fields.map((f) => [f.id, f.name])],
  });
  const name = textField({ name: 'handlungsfeld-neu', label: 'Neues Handlungsfeld' });
  const box = el('div', { class: 'inline-form is-hidden', id: 'handlungsfeld-neu-form' }, name,
    el('div', { class: 'form-actions' },
      button({ label: 'Hinzufügen', id: 'handlungsfeld-neu-speichern', onClick: add }),
      button({ label: 'Abbrechen', variant: 'tertiary', onClick: () => { setHidden(box, true); field.input.focus(); } })));
  setHidden(box, true);
  // Enter in the name adds it (and does not submit the surrounding form).
  name.input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
  const open = button({
    label: 'Neues Handlungsfeld …', variant: 'tertiary', id: 'handlungsfeld-neu-oeffnen',
    onClick: () => { setHidden(box, false); name.input.focus(); },
  });
  async function add() {
    clearFieldErrors(box);
    try {
      const created = await call('add_handlungsfeld', { name: name.input.value });
      field.input.appendChild(el('option', { value: created.id }, created.name));
      field.input.value = String(created.id);
      field.input.dispatchEvent(new Event('change', { bubbles: true }));
      name.input.value = '';
      setHidden(box, true);
      field.input.focus();
      showSuccess(`Handlungsfeld „${created.name}“ hinzugefügt.`);
    } catch (error) {
      showError(error);
      showFieldErrors(box, error.field ? { ...error, field: 'Neues Handlungsfeld' } : error);
    }
  }
  const wrapper = el('div', { class: 'handlungsfeld-field' }, field, open, box);
  wrapper.input = field.input;
  return wrapper;
}


export function sectionHeading(id, text) {
  return el('h2', { class: 'kern-heading-medium', id, tabindex: '-1' }, text);
}

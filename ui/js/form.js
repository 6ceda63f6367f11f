// Labelled form fields in KERN markup, and showing a validation error at the field it names.
// Core validation messages start with the field label ("Nachname: …"); fields carry that label in
// data-label so the error lands next to the right field.

import { el } from './dom.js';

let counter = 0;

/** A labelled text input. Returns the wrapper; the input is wrapper.input. */
export function textField({ name, label, value = '', required = false, type = 'text', hint = '', autocomplete = 'off' }) {
  const id = `feld-${name}-${++counter}`;
  const hintId = hint ? `${id}-hinweis` : null;
  const input = el('input', {
    class: 'kern-form-input__input', id, name, type, value: value ?? '', autocomplete,
    required: required || null, 'aria-required': required ? 'true' : null, 'aria-describedby': hintId,
    'data-label': label,
  });
  const wrapper = el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label,
      required ? null : el('span', { class: 'kern-label__optional' }, ' – optional')),
    hint ? el('div', { class: 'kern-hint', id: hintId }, hint) : null,
    input);
  wrapper.input = input;
  return wrapper;
}

/** A labelled multi-line input. */
export function textArea({ name, label, value = '' }) {
  const id = `feld-${name}-${++counter}`;
  const input = el('textarea', { class: 'kern-form-input__input', id, name, rows: '3', 'data-label': label });
  input.value = value ?? '';
  const wrapper = el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label, el('span', { class: 'kern-label__optional' }, ' – optional')),
    input);
  wrapper.input = input;
  return wrapper;
}

/** A labelled select; options are [value, text] pairs. */
export function selectField({ name, label, options, value = '' }) {
  const id = `feld-${name}-${++counter}`;
  const input = el('select', { class: 'kern-form-input__select', id, name, 'data-label': label },
    options.map(([v, text]) => el('option', { value: v, selected: String(v) === String(value ?? '') }, text)));
  const wrapper = el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label),
    el('div', { class: 'kern-form-input__select-wrapper' }, input));
  wrapper.input = input;
  return wrapper;
}

/** Empty string → null, else trimmed. */
export function optional(input) {
  const v = input.value.trim();
  return v === '' ? null : v;
}

/** Clears earlier field errors inside `form`. */
export function clearFieldErrors(form) {
  for (const node of form.querySelectorAll('.kern-error')) node.remove();
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
    input.removeAttribute('aria-invalid');
    input.classList.remove('kern-form-input__input--error');
  }
}

/** Marks the field a validation error names and focuses it. Returns true if a field was found. */
export function showFieldError(form, error) {
  if (error.code !== 'Validation') return false;
  const colon = error.message.indexOf(':');
  if (colon < 0) return false;
  const label = error.message.slice(0, colon);
  const candidates = [...form.querySelectorAll('[data-label]')].filter((i) => i.dataset.label === label);
  // With several fields of one label (e-mail addresses), the one holding the bad value.
  const quoted = /„(.*)“/.exec(error.message);
  const input = candidates.find((i) => quoted && i.value.trim() === quoted[1]) || candidates[0];
  if (!input) return false;
  const errorId = `${input.id}-fehler`;
  input.setAttribute('aria-invalid', 'true');
  input.classList.add('kern-form-input__input--error');
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
  input.closest('.kern-form-input').appendChild(
    el('p', { class: 'kern-error', id: errorId }, error.message.slice(colon + 1).trim()));
  input.focus();
  return true;
}

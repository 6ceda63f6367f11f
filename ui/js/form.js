// Labelled form fields in KERN markup, showing every validation error at the field it names, and
// tracking unsaved changes. Errors name their fields as data (`fields: [{field, message, index}]`
// in the error payload); inputs carry the same German label in data-label, so the error lands
// next to the right field without reading the message text.

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

/** A labelled multi-line input (`required`: not marked "optional"). */
export function textArea({ name, label, value = '', required = false }) {
  const id = `feld-${name}-${++counter}`;
  const input = el('textarea', {
    class: 'kern-form-input__input', id, name, rows: '3', 'data-label': label,
    required: required || null, 'aria-required': required ? 'true' : null,
  });
  input.value = value ?? '';
  const wrapper = el('div', { class: 'kern-form-input' },
    el('label', { class: 'kern-label', for: id }, label,
      required ? null : el('span', { class: 'kern-label__optional' }, ' – optional')),
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
    const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-fehler'));
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

/**
 * Marks every field a validation error names (from the error's `fields` data, never from its
 * text): aria-invalid, KERN's error style and the message under the field, linked by
 * aria-describedby. Focuses the first marked field. Returns the field errors it could not place
 * (the caller's alert shows the whole message anyway). Nothing the person typed is touched.
 */
export function showFieldErrors(form, error) {
  if (!error || error.code !== 'Validation') return [];
  const fieldErrors = Array.isArray(error.fields) && error.fields.length > 0
    ? error.fields
    : (error.field ? [{ field: error.field, message: error.message }] : []);
  const unplaced = [];
  let first = null;
  for (const fe of fieldErrors) {
    const input = findField(form, fe);
    if (!input) { unplaced.push(fe); continue; }
    markInvalid(input, fe.message);
    if (!first) first = input;
  }
  // Focus the first invalid field in form order, not in error order.
  const firstInForm = form.querySelector('[aria-invalid="true"]') || first;
  if (firstInForm) firstInForm.focus();
  return unplaced;
}

/**
 * The input a field error is about: fields carry their label in data-label. Of several with one
 * label (e-mail addresses, phone numbers) `index` counts the filled ones, as the form sent them.
 */
function findField(form, { field, index }) {
  const candidates = [...form.querySelectorAll('[data-label]')].filter((i) => i.dataset.label === field);
  if (candidates.length <= 1) return candidates[0];
  const filled = candidates.filter((i) => i.value.trim() !== '');
  return filled[index ?? 0] || candidates[0];
}

function markInvalid(input, message) {
  const errorId = `${input.id}-fehler`;
  if (document.getElementById(errorId)) return; // two errors for one field: the first is shown
  input.setAttribute('aria-invalid', 'true');
  input.classList.add('kern-form-input__input--error');
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
  const wrapper = input.closest('.kern-form-input') || input.parentElement;
  wrapper.appendChild(el('p', { class: 'kern-error', id: errorId },
    el('span', { class: 'kern-icon kern-icon--danger kern-icon--default', 'aria-hidden': 'true' }),
    el('span', { class: 'kern-body' }, message)));
}

/**
 * Tracks whether a form holds changes that are not saved. `read()` returns what the form would
 * save; the form is "dirty" when that differs from what was last saved (or loaded). Comparing the
 * would-be input (not the DOM) means an added empty row or a re-selected same value is no change.
 */
export function trackChanges(read) {
  let saved = JSON.stringify(read());
  return {
    isDirty: () => JSON.stringify(read()) !== saved,
    markSaved: () => { saved = JSON.stringify(read()); },
  };
}

// Small building blocks every screen uses, so KERN markup is written in one place: a button or
// button-styled link, and a labelled filter select whose first option means "no restriction".

import { el } from './dom.js';

/**
 * A KERN button. `variant`: 'primary' | 'secondary' | 'tertiary'. With `href` it is a link that
 * looks like a button (navigation); otherwise a <button> (action). Extra attributes (aria-*,
 * data-*) go through `attrs`.
 */
export function button({ label, variant = 'secondary', id, onClick, href, type = 'button', attrs = {} }) {
  const common = { class: `kern-btn kern-btn--${variant}`, id, ...attrs };
  const text = el('span', { class: 'kern-label' }, label);
  return href
    ? el('a', { ...common, href }, text)
    : el('button', { ...common, type, onClick }, text);
}

/**
 * A labelled select for narrowing a list. `options` are [value, text] pairs; the first option is
 * `allLabel` with the value '' (no restriction). `onChange(value)` runs on every change.
 */
export function filterSelect({ id, label, options, value = '', onChange, allLabel = 'Alle' }) {
  return el('div', { class: 'kern-form-input filter-select' },
    el('label', { class: 'kern-label', for: id }, label),
    el('div', { class: 'kern-form-input__select-wrapper' },
      el('select', { class: 'kern-form-input__select', id, onChange: (e) => onChange(e.target.value) },
        el('option', { value: '' }, allLabel),
        options.map(([v, t]) => el('option', { value: v, selected: String(v) === String(value ?? '') }, t)))));
}

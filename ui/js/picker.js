// Choosing people (and organisations) in a form without a select of every contact: with thousands
// of contacts a <select> is slow to build and useless to scroll. A search field finds them as you
// type through the one search index (the `search` command: umlaut-insensitive prefixes, "mue" finds
// "Müller"); the matches are a listbox the keyboard walks (↓/↑, Enter picks, Escape closes). Enter
// takes the highlighted match only: where a typed name is a value of its own (`freeText`), no match
// is highlighted until ↓/↑ moves to one, so Enter keeps what was typed (combobox convention). Used for
// the responsible people of a TOP (several), a task's owner (a person or an organisation), the
// Protokollführung, and the Aufgabenübersicht's filters.

import { call } from './api.js';
import { el, replaceChildren, setHidden } from './dom.js';

/** How long after the last key the search runs (a search costs a few ms; typing is faster). */
const SEARCH_DELAY_MS = 120;
/** Matches offered at once; more typing narrows them. */
const MAX_OPTIONS = 12;

const KIND_WORDS = { contact: 'Person', organisation: 'Organisation' };

/**
 * A labelled picker. `kinds`: ['contact'], ['organisation'] or both. `multiple`: several may be
 * chosen (each listed with its own "Entfernen" button), else a new choice replaces the old one.
 * `freeText`: a typed name that matches nobody counts as the value (`{kind: 'text', label}`).
 * `compact`: the hint only for screen readers (filter bands). `onChange(chosen)` follows every change. Returns the wrapper with `.input`, `.value()` (the
 * chosen `{kind, id, label}`), `.set(list)` and `.clear()`.
 */
export function picker({ name, label, hint = '', kinds = ['contact'], multiple = false, freeText = false, optional = true, compact = false, onChange = () => {} }) {
  const id = `auswahl-${name}`;
  const listId = `${id}-treffer`;
  const hintId = `${id}-hinweis`;
  let chosen = [];
  let options = [];
  let active = -1;
  let timer = null;
  let request = 0;

  const input = el('input', {
    class: 'kern-form-input__input picker-input', id, name, type: 'text', autocomplete: 'off',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': hintId, 'data-label': label,
    onInput: () => { clearTimeout(timer); timer = setTimeout(search, SEARCH_DELAY_MS); },
    onKeydown: keydown,
    onBlur: () => { clearTimeout(timer); request++; setTimeout(close, 150); },
  });
  const list = el('ul', { class: 'picker-options', id: listId, role: 'listbox', 'aria-label': `Treffer für ${label}` });
  const chosenList = el('ul', { class: 'picker-chosen', id: `${id}-gewaehlt`, 'aria-label': `Gewählt: ${label}` });
  const defaultHint = hint || (multiple
    ? 'Namen tippen, mit ↓ einen Treffer wählen und mit Enter hinzufügen; mehrere möglich.'
    : 'Namen tippen, mit ↓ einen Treffer wählen und mit Enter übernehmen.');
  const wrapper = el('div', { class: 'kern-form-input picker' },
    el('label', { class: 'kern-label', for: id }, label,
      optional ? el('span', { class: 'kern-label__optional' }, ' – optional') : null),
    // In a band of filters the hint is read out but not shown (the band stays one line high).
    el('div', { class: compact ? 'kern-sr-only' : 'kern-hint', id: hintId }, defaultHint),
    chosenList,
    el('div', { class: 'picker-field' }, input, list));
  setHidden(list, true);
  drawChosen();

  wrapper.input = input;
  wrapper.value = () => {
    // A name typed after an earlier choice replaces it (the input is emptied whenever a match is taken).
    const typed = input.value.trim();
    if (freeText && typed !== '' && (chosen.length === 0 || !multiple)) return [{ kind: 'text', id: null, label: typed }];
    return chosen.slice();
  };
  wrapper.set = (list) => { chosen = (list || []).slice(); input.value = ''; drawChosen(); };
  wrapper.clear = () => wrapper.set([]);
  return wrapper;

  async function search() {
    const text = input.value.trim();
    const mine = ++request;
    if (text === '') { close(); return; }
    try {
      const results = await call('search', { text });
      // Overtaken by later typing, or the field was left meanwhile: show nothing.
      if (mine !== request || document.activeElement !== input) return;
      const hits = (kind) => (results.groups.find((g) => g.kind === kind)?.hits || [])
        .map((h) => ({ kind: h.kind, id: h.id, label: h.label, detail: h.detail }))
        .filter((o) => !chosen.some((c) => c.kind === o.kind && c.id === o.id));
      // Organisations first and at most a third of the list: their names ("Landratsamt T…") also
      // match every person working there, who would otherwise push them out of sight.
      const orgs = kinds.includes('organisation') ? hits('organisation').slice(0, kinds.length > 1 ? MAX_OPTIONS / 3 : MAX_OPTIONS) : [];
      const others = kinds.filter((k) => k !== 'organisation').flatMap(hits);
      options = [...orgs, ...others].slice(0, MAX_OPTIONS);
      // Without free text the first match is the obvious choice; with it, the typed name is.
      active = options.length && !freeText ? 0 : -1;
      drawOptions(text);
    } catch {
      close();
    }
  }

  function drawOptions(text) {
    // What the shown matches were searched for (tests wait for it instead of for a timer).
    input.dataset.shown = text;
    if (options.length === 0) {
      replaceChildren(list, el('li', { class: 'picker-none', role: 'option', 'aria-disabled': 'true', id: `${id}-kein-treffer` },
        freeText ? `Niemand gefunden für „${text}“ – der Name wird so übernommen.` : `Niemand gefunden für „${text}“.`));
    } else {
      replaceChildren(list, options.map((o, n) => el('li', {
        role: 'option', id: `${id}-option-${n}`, class: 'picker-option', 'aria-selected': n === active ? 'true' : 'false',
        'data-kind': o.kind, 'data-id': o.id,
        // mousedown, not click: the input must not lose focus (its blur closes the list).
        onMousedown: (e) => { e.preventDefault(); pick(n); },
      }, el('span', { class: 'picker-label' }, o.label),
      kinds.length > 1 ? el('span', { class: 'picker-kind' }, ` (${KIND_WORDS[o.kind]})`) : null,
      o.detail ? el('span', { class: 'picker-detail' }, ` – ${o.detail}`) : null)));
    }
    setHidden(list, false);
    input.setAttribute('aria-expanded', 'true');
    markActive();
  }

  function markActive() {
    list.querySelectorAll('.picker-option').forEach((li, n) => li.setAttribute('aria-selected', n === active ? 'true' : 'false'));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    setHidden(list, true);
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    options = [];
    active = -1;
  }

  function keydown(e) {
    const open = input.getAttribute('aria-expanded') === 'true';
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) { search(); e.preventDefault(); return; }
      if (options.length) {
        active = active < 0 && e.key === 'ArrowUp'
          ? options.length - 1
          : (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
        markActive();
      }
      e.preventDefault();
    } else if (e.key === 'Enter') {
      // Enter picks the highlighted match; with matches pending it must not submit the form.
      if (open && active >= 0) { e.preventDefault(); pick(active); } else if (input.value.trim() !== '' && !freeText) e.preventDefault();
      else if (freeText) close(); // the typed name goes with the form; the matches are no longer wanted
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  }

  function pick(n) {
    const o = options[n];
    if (!o) return;
    // A session is named with its day: titles repeat from year to year.
    const day = o.kind === 'session' && o.detail ? ` (${o.detail.split(',')[0]})` : '';
    const entry = { kind: o.kind, id: o.id, label: `${o.label}${day}` };
    chosen = multiple ? [...chosen, entry] : [entry];
    input.value = '';
    close();
    drawChosen();
    onChange(chosen.slice());
  }

  function drawChosen() {
    replaceChildren(chosenList, chosen.map((c, n) => el('li', { 'data-kind': c.kind, 'data-id': c.id ?? '' },
      el('span', {}, kinds.length > 1 && KIND_WORDS[c.kind] ? `${c.label} (${KIND_WORDS[c.kind]})` : c.label),
      el('button', {
        type: 'button', class: 'agenda-move', id: `${id}-entfernen-${n}`, 'aria-label': `${c.label} entfernen`,
        onClick: () => { chosen = chosen.filter((x) => x !== c); drawChosen(); onChange(chosen.slice()); input.focus(); },
      }, 'Entfernen'))));
    setHidden(chosenList, chosen.length === 0);
  }
}

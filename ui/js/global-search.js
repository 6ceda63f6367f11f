// The one search over everything, in the header of every screen (issue 11). It is a combobox with
// a grouped listbox: typing searches (lightly debounced; an answer to an older query is dropped),
// the arrow keys move through the hits, Enter opens the record's screen, Escape closes. Strg+K
// (and "/" outside text fields) reaches it from anywhere. The matching words are marked with
// <mark> elements built from text nodes; the folding rules (ä = ae = a) are the core's, which
// names the shown words that matched, so this module never folds text itself.

import { call } from './api.js';
import { el, replaceChildren } from './dom.js';

/** Milliseconds after the last key before asking the core: every keystroke at normal typing speed
 * would still be answered (a query takes a few ms), but a burst of keys sends one query. */
const DEBOUNCE_MS = 80;

/** Where a hit opens. TOPs open their session (the agenda is on its screen), decisions and
 * minutes the session's Protokoll, action items the Aufgaben overview. */
export function hitTarget(hit) {
  switch (hit.kind) {
    case 'contact': return `#/kontakte/${hit.id}`;
    case 'organisation': return `#/organisationen/${hit.id}`;
    case 'session': return `#/sitzungen/${hit.id}`;
    case 'agenda_item': return `#/sitzungen/${hit.session_id}`;
    case 'decision': return `#/sitzungen/${hit.session_id}/protokoll`;
    case 'minutes': return `#/sitzungen/${hit.id}/protokoll`;
    case 'action_item': return '#/aufgaben';
    case 'paper': return `#/konzeptpapiere/${hit.id}`;
    default: return null;
  }
}

/**
 * `text` as nodes, every word listed in `matched` wrapped in <mark>. Words are runs of letters
 * and digits, as the core splits them.
 */
export function highlighted(text, matched) {
  if (!text) return [];
  const words = new Set(matched || []);
  if (words.size === 0) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.has(m[0])) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(el('mark', { class: 'global-search__mark' }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Whether a key typed now would go into a text field (then "/" is just a character). */
function typingInField(target) {
  if (!target || !(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** Wires up the search box that index.html puts into the header. */
export function startGlobalSearch() {
  const input = document.getElementById('suche-global');
  const popup = document.getElementById('suche-global-liste');
  const status = document.getElementById('suche-global-status');
  if (!input || !popup || !status) return;

  let options = []; // [{ node, hit }] in display order
  let active = -1;
  let sequence = 0; // the number of the latest query; older answers are ignored
  let timer = null;

  const open = (isOpen) => {
    popup.classList.toggle('is-open', isOpen);
    input.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
    if (!isOpen) setActive(-1);
  };

  const setActive = (index) => {
    if (options[active]) {
      options[active].node.setAttribute('aria-selected', 'false');
      options[active].node.classList.remove('is-active');
    }
    active = index;
    const option = options[active];
    if (option) {
      option.node.setAttribute('aria-selected', 'true');
      option.node.classList.add('is-active');
      input.setAttribute('aria-activedescendant', option.node.id);
      option.node.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (index) => {
    const option = options[index];
    if (!option) return;
    const target = hitTarget(option.hit);
    if (!target) return;
    open(false);
    input.blur();
    // The same address (the record is already on display) changes nothing, which is right.
    window.location.hash = target;
  };

  const showResults = (text, results) => {
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const groups = results.groups.map((group, g) => {
      const headingId = `suche-gruppe-${g}`;
      return el('div', { role: 'group', class: 'global-search__group', 'aria-labelledby': headingId },
        el('div', { class: 'global-search__heading', id: headingId, role: 'presentation' }, group.label),
        group.hits.map((hit) => {
          const index = options.length;
          const node = el('div', {
            role: 'option', id: `suche-treffer-${index}`, class: 'global-search__option',
            'aria-selected': 'false', 'data-kind': hit.kind, 'data-id': hit.id,
            // mousedown would move focus out of the input and close the list before the click.
            onMousedown: (e) => e.preventDefault(),
            onClick: () => choose(index),
          },
          el('span', { class: 'global-search__label' }, highlighted(hit.label, hit.matched)),
          hit.detail ? el('span', { class: 'global-search__detail' }, highlighted(hit.detail, hit.matched)) : null);
          options.push({ node, hit });
          return node;
        }));
    });
    const count = options.length;
    if (count === 0) {
      replaceChildren(popup, el('p', { class: 'global-search__empty' }, `Keine Treffer für „${text.trim()}“.`));
      status.textContent = 'Keine Treffer';
    } else {
      replaceChildren(popup, groups);
      status.textContent = count === 1 ? '1 Treffer' : `${count} Treffer`;
    }
    open(true);
  };

  const search = async () => {
    const text = input.value;
    const mine = ++sequence;
    if (text.trim() === '') {
      options = [];
      replaceChildren(popup);
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const results = await call('search', { text });
      if (mine !== sequence) return; // the person has typed on; a newer answer is coming
      showResults(text, results);
    } catch (error) {
      if (mine !== sequence) return;
      options = [];
      replaceChildren(popup, el('p', { class: 'global-search__empty', role: 'alert' }, error.message));
      status.textContent = '';
      open(true);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const isOpen = popup.classList.contains('is-open');
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen && options.length) open(true);
        if (options.length) setActive(active + 1 >= options.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen && options.length) open(true);
        if (options.length) setActive(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter':
        event.preventDefault();
        // Enter without choosing opens the first hit: typing a name and Enter is the quick way.
        if (options.length) choose(active >= 0 ? active : 0);
        break;
      case 'Escape':
        event.preventDefault();
        if (isOpen) open(false);
        else { input.value = ''; search(); }
        break;
      default:
    }
  });

  input.addEventListener('focus', () => {
    if (options.length || popup.childElementCount) open(true);
  });
  input.addEventListener('blur', () => open(false));

  // Strg+K from everywhere, "/" where it would not be typed into a field. Not while a modal
  // question is open: it has to be answered first.
  document.addEventListener('keydown', (event) => {
    if (document.querySelector('dialog[open]')) return;
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
    if (!ctrlK && !slash) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

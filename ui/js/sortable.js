// Sortable table headers shared by the lists: a button in each column header, aria-sort on the
// active one, German collation (Ä with A, ß as ss) via Intl.Collator('de').

import { el, replaceChildren } from './dom.js';
import { collator } from './format.js';

/**
 * A sort state for `columns` ([{ key, label, value(row) }]); `prefix` makes the button ids unique
 * per screen (`${prefix}-sort-${key}`, or `sort-${key}` without prefix).
 */
export function sortState(prefix, columns, key = columns[0].key) {
  return { prefix, columns, key, ascending: true };
}

/** Header cells for the state's columns; `onChange` runs after a click changed the order. */
export function headerCells(state, onChange) {
  return state.columns.map((column) => {
    const active = state.key === column.key;
    return el('th', {
      class: 'kern-table__header', scope: 'col',
      'aria-sort': active ? (state.ascending ? 'ascending' : 'descending') : 'none',
    }, el('button', {
      type: 'button', class: 'sort-button', id: buttonId(state, column.key),
      onClick: (event) => {
        state.ascending = state.key === column.key ? !state.ascending : true;
        state.key = column.key;
        const row = event.currentTarget.closest('tr');
        const leading = [...row.children].filter((c) => !c.querySelector('.sort-button'));
        replaceChildren(row, leading, headerCells(state, onChange));
        document.getElementById(buttonId(state, column.key)).focus();
        onChange();
      },
    }, column.label,
    el('span', { class: 'sort-indicator', 'aria-hidden': 'true' }, active ? (state.ascending ? ' ▲' : ' ▼') : ''),
    el('span', { class: 'kern-sr-only' }, active ? '' : ', sortieren')));
  });
}

/** `rows` in the state's order; ties keep their given order (the store's German name order). */
export function sorted(state, rows) {
  const column = state.columns.find((c) => c.key === state.key) || state.columns[0];
  const factor = state.ascending ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => factor * collator.compare(column.value(a.row) || '', column.value(b.row) || '') || a.index - b.index)
    .map((x) => x.row);
}

function buttonId(state, key) {
  return state.prefix ? `${state.prefix}-sort-${key}` : `sort-${key}`;
}

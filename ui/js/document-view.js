// A paper's body text on screen: the document tree the core parsed from the Markdown
// (core/src/document.rs) becomes DOM, text nodes only. The PDF lays out the same tree, so screen
// and print never disagree. Raw HTML in the text has already become plain text in the core; here
// nothing is ever parsed as markup. Also the word-by-word comparison of two versions.

import { el } from './dom.js';

/**
 * Links are shown, not followed: a click in the window would replace the app with a web page
 * (the window has no network and no browser chrome). The target is written after the text, so
 * it can be read, copied and printed.
 */
function inline(node) {
  if (node.type === 'line_break') return el('br');
  let out = node.code ? el('code', { class: 'doc-code' }, node.text) : node.text;
  if (node.emphasis) out = el('em', {}, out);
  if (node.strong) out = el('strong', {}, out);
  if (node.link) {
    const target = node.link.replace(/^mailto:/, '');
    out = el('span', { class: 'doc-link' }, out);
    return node.text.trim() === target ? out : [out, el('span', { class: 'doc-link__target' }, ` (${target})`)];
  }
  return out;
}

const inlines = (content) => (content || []).map(inline);

/** The page's own heading is the paper's title (h1); the text's headings start one level lower. */
function block(b) {
  switch (b.type) {
    case 'heading': return el(`h${Math.min(6, Math.max(2, (b.level || 1) + 1))}`, { class: 'doc-heading' }, inlines(b.content));
    case 'paragraph': return el('p', { class: 'doc-paragraph' }, inlines(b.content));
    case 'list': {
      const items = (b.items || []).map((item) => el('li', {}, (item.blocks || []).map(block)));
      return b.ordered
        ? el('ol', { class: 'doc-list', start: b.start && b.start !== 1 ? b.start : null }, items)
        : el('ul', { class: 'doc-list' }, items);
    }
    case 'table':
      return el('div', { class: 'doc-table-wrap' },
        el('table', { class: 'doc-table' },
          el('thead', {}, el('tr', {}, (b.header || []).map((c) => el('th', { scope: 'col' }, inlines(c.content))))),
          el('tbody', {}, (b.rows || []).map((row) => el('tr', {}, row.map((c) => el('td', {}, inlines(c.content))))))));
    case 'quote': return el('blockquote', { class: 'doc-quote' }, (b.blocks || []).map(block));
    case 'preformatted': return el('pre', { class: 'doc-pre' }, b.text);
    case 'rule': return el('hr', { class: 'doc-rule' });
    default: return null;
  }
}

/** The whole document as one element; an empty text says so instead of showing nothing. */
export function documentView(doc, { id, emptyText = 'Noch kein Text.' } = {}) {
  const blocks = (doc && doc.blocks) || [];
  return el('div', { class: 'doc-view', id },
    blocks.length ? blocks.map(block) : el('p', { class: 'doc-empty' }, emptyText));
}

/**
 * A word comparison ({parts: [{kind: equal|inserted|deleted, text}], …}) as running text.
 * Inserted words are underlined, deleted ones struck through, both also coloured and each
 * announced ("eingefügt:", "gelöscht:") as visually hidden text, so colour is never the only sign.
 * Line breaks in the text start new lines.
 */
export function diffView(diff, { id } = {}) {
  const lines = (text) => {
    const out = [];
    text.split('\n').forEach((line, i) => {
      if (i > 0) out.push(el('br'));
      if (line) out.push(line);
    });
    return out;
  };
  const parts = (diff.parts || []).map((p) => {
    if (p.kind === 'inserted') {
      return el('ins', { class: 'diff-ins' }, el('span', { class: 'kern-sr-only' }, '[eingefügt: '), lines(p.text), el('span', { class: 'kern-sr-only' }, ']'));
    }
    if (p.kind === 'deleted') {
      return el('del', { class: 'diff-del' }, el('span', { class: 'kern-sr-only' }, '[gelöscht: '), lines(p.text), el('span', { class: 'kern-sr-only' }, ']'));
    }
    return lines(p.text);
  });
  return el('div', { class: 'diff-view', id }, parts.length ? parts : el('p', {}, 'Beide Fassungen sind leer.'));
}

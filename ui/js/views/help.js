// Screen "Hilfe" (#/hilfe, F1 from anywhere): the Benutzerhandbuch, compiled into the app and
// parsed by the core into the same document tree a concept paper's text becomes
// (`user_guide`), shown with text nodes only (document-view.js). Its pictures are not shipped
// with the app; each shows as its caption ("Abbildung: …"). A contents list leads to each
// chapter; "#/hilfe/<screen>" (what F1 opens) starts at the chapter about that screen. Escape
// or "Zurück" returns to the screen the person came from.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { documentView } from '../document-view.js';

export const title = 'Hilfe';

/** The chapter (start of its heading) that explains a screen, by route name. */
const CHAPTERS = {
  kontakte: 'Kontakte und Organisationen',
  organisationen: 'Kontakte und Organisationen',
  kreise: 'Kontakte und Organisationen',
  import: 'Kontakte aus Outlook',
  sitzungen: 'Eine Sitzung planen',
  protokoll: 'Das Protokoll',
  aufgaben: 'Aufgaben',
  konzeptpapiere: 'Konzeptpapiere',
  datensicherung: 'Datensicherung',
  datenschutz: 'Datenschutz',
  aenderungsprotokoll: 'Datenschutz',
  einstellungen: 'Einstellungen',
};

const textOf = (content) => (content || []).map((i) => i.text || '').join('');

/**
 * The guide's own heading levels one step up: its "#" title becomes the page's h1 and its "##"
 * chapters the h2 below it (document-view.js renders level n as h(n+1), for papers whose title
 * is the page's heading).
 */
function lifted(blocks) {
  return blocks.map((b) => (b.type === 'heading' ? { ...b, level: Math.max(1, b.level - 1) } : b));
}

export async function render(container, params = []) {
  const guide = await call('user_guide');
  const blocks = guide.blocks || [];
  const first = blocks[0];
  const hasTitle = first && first.type === 'heading' && first.level === 1;
  const heading = hasTitle ? textOf(first.content) : 'Benutzerhandbuch';
  const body = documentView({ blocks: lifted(hasTitle ? blocks.slice(1) : blocks) }, { id: 'hilfe-text' });
  const chapters = [...body.querySelectorAll('h2')];
  chapters.forEach((h, i) => {
    h.id = `hilfe-kapitel-${i + 1}`;
    h.setAttribute('tabindex', '-1');
  });
  const goTo = (h) => { h.scrollIntoView({ block: 'start' }); h.focus(); };

  replaceChildren(container,
    el('p', { class: 'kern-body' },
      el('button', { type: 'button', class: 'link-button kern-link', id: 'hilfe-zurueck', onClick: () => history.back() },
        '← Zurück (Esc)')),
    el('h1', { class: 'kern-heading-large', tabindex: '-1', id: 'hilfe-titel' }, heading),
    el('p', { class: 'kern-body help-intro' },
      'Das Handbuch gibt es auch als Datei „Benutzerhandbuch.md“ mit Bildschirmfotos. ',
      'Hier im Programm steht an der Stelle jedes Bildes seine Beschreibung. F1 öffnet diese Hilfe von überall.'),
    el('nav', { class: 'help-toc', 'aria-labelledby': 'hilfe-inhalt-titel' },
      el('h2', { class: 'kern-heading-small', id: 'hilfe-inhalt-titel' }, 'Inhalt'),
      el('ol', { class: 'help-toc__list', id: 'hilfe-inhalt' }, chapters.map((h) => el('li', {},
        el('a', { class: 'kern-link', href: `#${h.id}`, onClick: (e) => { e.preventDefault(); goTo(h); } }, h.textContent))))),
    body);

  // F1 on a screen opens its chapter. The router focuses the page's h1 once render() is done;
  // the chapter's heading takes the focus right after that.
  const wanted = CHAPTERS[params[0]];
  const chapter = wanted && chapters.find((h) => h.textContent.startsWith(wanted));
  if (chapter) setTimeout(() => goTo(chapter), 0);
}

// Escape on the guide goes back to where the person came from, unless a field, a menu or a modal
// question has a use for it.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !window.location.hash.startsWith('#/hilfe')) return;
  if (document.querySelector('dialog[open]')) return;
  const target = event.target;
  if (target && (target.closest('input, textarea, select, [role=combobox], [role=listbox]'))) return;
  event.preventDefault();
  history.back();
});

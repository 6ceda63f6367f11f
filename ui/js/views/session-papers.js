// The other side of a paper's links: the Konzeptpapiere linked to a session or to one of its TOPs,
// shown below the session's Tagesordnung. Kept in its own module so the agenda screen needs only
// one line for it; it fills itself once the list has arrived and never delays the agenda.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { PAPER_STATUS } from './papers.js';

/** An element that shows the papers linked to `sessionId` (or says there are none). */
export function sessionPapers(sessionId) {
  const list = el('div', { id: 'sitzung-papiere-liste' }, el('p', { class: 'kern-body' }, 'Konzeptpapiere werden geladen …'));
  const section = el('section', { class: 'session-papers', 'aria-labelledby': 'sitzung-papiere-titel' },
    el('h3', { class: 'kern-heading-small', id: 'sitzung-papiere-titel' }, 'Konzeptpapiere zu dieser Sitzung'),
    list);
  call('list_papers_for_session', { sessionId }).then((links) => {
    replaceChildren(list, links.length === 0
      ? el('p', { class: 'kern-body' }, 'Noch kein Konzeptpapier verknüpft. Verknüpfen können Sie es auf der Seite des Konzeptpapiers.')
      : el('ul', { class: 'paper-links', id: 'sitzung-papiere' }, links.map((l) => el('li', {},
        el('a', { class: 'row-link', href: `#/konzeptpapiere/${l.paper_id}` }, l.paper_title),
        ` (${PAPER_STATUS[l.paper_status] || l.paper_status})`,
        l.agenda_item_id ? ` – zu TOP „${l.agenda_item_title || ''}“` : ' – zur ganzen Sitzung'))));
  }).catch((error) => replaceChildren(list, el('p', { class: 'kern-body' }, error.message)));
  return section;
}

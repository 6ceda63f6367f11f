// Anhänge of a Konzeptpapier (added through the system's open dialog, opened with the system's
// program, deleted) and its links to sessions and TOPs.

import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { button } from '../controls.js';
import { formatDate, formatNumber } from '../format.js';
import { confirm } from '../dialog.js';
import { clearNotices, showError, showSuccess } from '../notices.js';
import { sectionHeading } from './paper-parts.js';

/** "1,2 MB", "830 KB", "512 Bytes". */
export function formatSize(bytes) {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} Bytes`;
}


/** Attachments: add via the system's open dialog, open with the system's program, delete. */
export function renderAttachments(section, view, reload) {
  const paper = view.paper;
  const list = view.attachments || [];
  const add = async () => {
    clearNotices();
    try {
      const added = await call('add_paper_attachment', { paperId: paper.id, versionId: null });
      if (!added) return; // the dialog was cancelled
      if (!(await reload())) return;
      showSuccess(`Anhang „${added.file_name}“ hinzugefügt.`);
    } catch (error) {
      showError(error);
    }
  };
  const open = async (a) => {
    clearNotices();
    try {
      await call('open_paper_attachment', { id: a.id });
    } catch (error) {
      showError(error);
    }
  };
  const remove = async (a) => {
    const ok = await confirm({
      title: `Anhang „${a.file_name}“ löschen?`,
      body: 'Die Datei wird aus der Datendatei entfernt. Das lässt sich nicht rückgängig machen.',
      confirmLabel: 'Anhang löschen', confirmId: 'anhang-loeschen-bestaetigen',
    });
    if (!ok) return;
    try {
      await call('delete_paper_attachment', { id: a.id });
      if (!(await reload())) return;
      showSuccess(`Anhang „${a.file_name}“ gelöscht.`);
    } catch (error) {
      showError(error);
    }
  };
  replaceChildren(section, sectionHeading('papier-anhaenge-titel', 'Anhänge'),
    list.length === 0 ? el('p', { class: 'kern-body' }, 'Keine Anhänge.') : el('div', { class: 'kern-table-responsive' },
      el('table', { class: 'kern-table kern-table--striped', id: 'papier-anhaenge' },
        el('caption', { class: 'kern-sr-only' }, 'Anhänge'),
        el('thead', { class: 'kern-table__head' }, el('tr', { class: 'kern-table__row' },
          ['Datei', 'Größe', 'Prüfsumme (SHA-256)', ''].map((h) => el('th', { class: 'kern-table__header', scope: 'col' }, h)))),
        el('tbody', { class: 'kern-table__body' }, list.map((a) => el('tr', {},
          el('th', { scope: 'row' }, a.file_name),
          el('td', {}, formatSize(a.size)),
          el('td', {}, el('code', { title: a.sha256 }, `${String(a.sha256 || '').slice(0, 12)}…`)),
          el('td', { class: 'row-actions' },
            el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `${a.file_name} öffnen`, onClick: () => open(a) },
              el('span', { class: 'kern-label' }, 'Öffnen')),
            el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `${a.file_name} löschen`, onClick: () => remove(a) },
              el('span', { class: 'kern-label' }, 'Löschen')))))))),
    el('div', { class: 'form-actions' }, button({ label: 'Anhang hinzufügen …', id: 'papier-anhang-hinzufuegen', onClick: add })),
    el('p', { class: 'kern-hint' }, 'PDF, Word, Excel oder Bilder; die Datei wird in der Datendatei gespeichert und wandert mit jeder Sicherung.'));
}

/** Links to sessions and their TOPs (the session's agenda shows them too). */
export function renderLinks(section, view, reload) {
  const paper = view.paper;
  const links = view.links || [];
  const sessionSelect = el('select', { class: 'kern-form-input__select', id: 'papier-link-sitzung', 'data-label': 'Sitzung' });
  const topSelect = el('select', { class: 'kern-form-input__select', id: 'papier-link-top', 'data-label': 'TOP' });
  const loadTops = async () => {
    if (!sessionSelect.value) { replaceChildren(topSelect, el('option', { value: '' }, 'die Sitzung als Ganzes')); return; }
    const items = await call('list_agenda', { session: Number(sessionSelect.value) });
    replaceChildren(topSelect, el('option', { value: '' }, 'die Sitzung als Ganzes'),
      items.map((i) => el('option', { value: i.id }, `TOP ${i.number}: ${i.title}`)));
  };
  sessionSelect.addEventListener('change', () => loadTops().catch(showError));
  call('list_sessions', { filter: { query: null } }).then((sessions) => {
    replaceChildren(sessionSelect, el('option', { value: '' }, 'Sitzung wählen'),
      sessions.map((s) => el('option', { value: s.id }, `${formatDate(s.date)} – ${s.title}`)));
    return loadTops();
  }).catch(showError);

  const link = async () => {
    clearNotices();
    try {
      await call('link_paper', {
        paperId: paper.id,
        target: {
          session_id: sessionSelect.value ? Number(sessionSelect.value) : null,
          agenda_item_id: topSelect.value ? Number(topSelect.value) : null,
        },
      });
      if (!(await reload())) return;
      showSuccess('Verknüpfung hinzugefügt.');
    } catch (error) {
      showError(error);
    }
  };
  const unlink = async (l) => {
    try {
      await call('unlink_paper', { linkId: l.id });
      if (!(await reload())) return;
      showSuccess('Verknüpfung entfernt.');
    } catch (error) {
      showError(error);
    }
  };
  replaceChildren(section, sectionHeading('papier-verknuepfungen-titel', 'Sitzungen und TOPs'),
    links.length === 0 ? el('p', { class: 'kern-body' }, 'Noch mit keiner Sitzung verknüpft.') : el('ul', { class: 'paper-links', id: 'papier-verknuepfungen' },
      links.map((l) => el('li', {},
        el('a', { class: 'row-link', href: `#/sitzungen/${l.session_id}` }, `${formatDate(l.session_date)} – ${l.session_title}`),
        l.agenda_item_id ? `, TOP „${l.agenda_item_title || ''}“` : '',
        ' ',
        el('button', {
          type: 'button', class: 'kern-btn kern-btn--tertiary kern-btn--small', 'aria-label': `Verknüpfung mit ${l.session_title} entfernen`,
          onClick: () => unlink(l),
        }, el('span', { class: 'kern-label' }, 'Entfernen'))))),
    el('form', { class: 'record-form', id: 'papier-verknuepfen', novalidate: true, onSubmit: (e) => { e.preventDefault(); link(); } },
      el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Mit einer Sitzung oder einem TOP verknüpfen'),
        el('div', { class: 'form-grid' },
          el('div', { class: 'kern-form-input' }, el('label', { class: 'kern-label', for: 'papier-link-sitzung' }, 'Sitzung'),
            el('div', { class: 'kern-form-input__select-wrapper' }, sessionSelect)),
          el('div', { class: 'kern-form-input' }, el('label', { class: 'kern-label', for: 'papier-link-top' }, 'TOP'),
            el('div', { class: 'kern-form-input__select-wrapper' }, topSelect))),
        el('div', { class: 'form-actions' },
          el('button', { type: 'submit', class: 'kern-btn kern-btn--secondary', id: 'papier-verknuepfen-speichern' }, el('span', { class: 'kern-label' }, 'Verknüpfen'))))));
}

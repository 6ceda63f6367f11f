// "Als PDF exportieren" on the session screen: a small menu (Sitzungsmappe, Anwesenheitsliste,
// Protokoll); the first two ask what goes in (the one modal dialog, dialog.js), then Rust builds the
// PDF on a blocking thread, asks "Speichern unter" and opens the file in the system's PDF viewer.
// While it works, a status notice says so and the menu is disabled (a 100-page dossier takes a
// moment; the window stays usable).

import { call } from '../api.js';
import { el, replaceChildren, setHidden } from '../dom.js';
import { ask } from '../dialog.js';
import { selectField, textField } from '../form.js';
import { clearNotices, showError, showSuccess, showWarning } from '../notices.js';

const PARTS = [
  ['deckblatt', 'Deckblatt'],
  ['inhalt', 'Inhaltsverzeichnis'],
  ['tagesordnung', 'Tagesordnung'],
  ['teilnehmende', 'Teilnehmende'],
  ['vorprotokoll', 'Protokoll der vorigen Sitzung'],
  ['aufgaben', 'Offene Aufgaben'],
  ['papiere', 'Konzeptpapiere der Tagesordnung'],
];

function checkbox(id, label, checked) {
  const input = el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id, checked });
  const block = el('div', { class: 'kern-form-check' }, input, el('label', { class: 'kern-label', for: id }, label));
  block.input = input;
  return block;
}

/** The menu button and its three entries, for the session screen's actions. */
export function pdfMenu(session) {
  const entries = el('div', { class: 'form-actions', id: 'sitzung-pdf-menue', role: 'group', 'aria-label': 'PDF exportieren' },
    el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'sitzung-pdf-mappe', onClick: () => exportMappe(session) },
      el('span', { class: 'kern-label' }, 'Sitzungsmappe …')),
    el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'sitzung-pdf-anwesenheitsliste', onClick: () => exportAttendance(session) },
      el('span', { class: 'kern-label' }, 'Anwesenheitsliste …')),
    el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'sitzung-pdf-protokoll', onClick: () => run(session, { kind: 'protokoll' }) },
      el('span', { class: 'kern-label' }, 'Protokoll')));
  setHidden(entries, true);
  const toggle = el('button', {
    type: 'button', class: 'kern-btn kern-btn--secondary', id: 'sitzung-pdf', 'aria-expanded': 'false', 'aria-controls': 'sitzung-pdf-menue',
    onClick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      setHidden(entries, !open);
      if (open) entries.querySelector('button').focus();
    },
  }, el('span', { class: 'kern-label' }, 'Als PDF exportieren'));
  return el('div', { class: 'pdf-menu' }, toggle, entries);
}

async function exportMappe(session) {
  const boxes = PARTS.map(([value, label]) => checkbox(`pdf-teil-${value}`, label, true));
  const group = selectField({
    name: 'pdf-gruppierung', label: 'Teilnehmende gruppieren nach',
    options: [['organisation', 'Organisation'], ['kreis', 'Stadt- oder Landkreis']], value: 'organisation',
  });
  // The papers' attached PDFs follow each paper only when asked for: they can be many pages.
  const attachments = checkbox('pdf-anlagen', 'PDF-Anhänge der Konzeptpapiere anfügen', false);
  attachments.classList.add('pdf-sub-option');
  const papers = boxes[PARTS.findIndex(([value]) => value === 'papiere')].input;
  const followPapers = () => {
    attachments.input.disabled = !papers.checked;
    if (!papers.checked) attachments.input.checked = false;
  };
  papers.addEventListener('change', followPapers);
  const logo = await logoChooser();
  const answer = await ask({
    title: 'Sitzungsmappe als PDF',
    body: [
      'Was soll in die Sitzungsmappe?',
      el('fieldset', { class: 'kern-fieldset' }, el('legend', { class: 'kern-label' }, 'Inhalt'),
        el('div', { class: 'kern-fieldset__body' }, boxes, attachments)),
      group,
      logo,
    ],
    choices: [{ value: true, label: 'Speichern unter …', variant: 'primary', id: 'pdf-speichern' }],
    cancelId: 'pdf-abbrechen',
  });
  if (answer !== true) return;
  const parts = PARTS.filter((_, i) => boxes[i].input.checked).map(([value]) => value);
  await run(session, {
    kind: 'mappe',
    dossier: { parts, group_by: group.input.value, attachments: attachments.input.checked },
  });
}

// The cover logo: chosen here with the native open dialog (PNG only), kept in the data file by
// Rust (so it is there next time and in every backup), shown by its file name. A refused file
// (not a PNG, larger than 2 MB) is reported inside the dialog, where the person is looking.
async function logoChooser() {
  const name = el('p', { class: 'kern-body', id: 'pdf-logo-name' });
  const problem = el('p', { class: 'kern-error', id: 'pdf-logo-fehler', role: 'alert' });
  setHidden(problem, true);
  const remove = el('button', { type: 'button', class: 'kern-btn kern-btn--tertiary', id: 'pdf-logo-entfernen' },
    el('span', { class: 'kern-label' }, 'Logo entfernen'));
  const choose = el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: 'pdf-logo-waehlen' },
    el('span', { class: 'kern-label' }, 'Logo wählen …'));
  const show = (logo) => {
    replaceChildren(name, logo ? `Logo auf dem Deckblatt: ${logo.name}` : 'Kein Logo auf dem Deckblatt.');
    setHidden(remove, !logo);
  };
  const attempt = async (action) => {
    setHidden(problem, true);
    try {
      await action();
    } catch (error) {
      replaceChildren(problem, error.message);
      setHidden(problem, false);
    }
  };
  choose.addEventListener('click', () => attempt(async () => {
    const chosen = await call('choose_pdf_logo');
    if (chosen) show(chosen);
  }));
  remove.addEventListener('click', () => attempt(async () => {
    await call('remove_pdf_logo');
    show(null);
    choose.focus();
  }));
  let current = null;
  try {
    current = await call('get_pdf_logo');
  } catch (error) {
    replaceChildren(problem, error.message);
    setHidden(problem, false);
  }
  show(current);
  return el('div', { class: 'pdf-logo', role: 'group', 'aria-label': 'Logo' }, name, problem,
    el('div', { class: 'form-actions' }, choose, remove));
}

async function exportAttendance(session) {
  const landscape = checkbox('pdf-querformat', 'Querformat (mehr Platz für die Unterschrift)', false);
  const rows = textField({ name: 'pdf-leerzeilen', label: 'Leere Zeilen für Personen ohne Anmeldung', value: '8' });
  const answer = await ask({
    title: 'Anwesenheitsliste als PDF',
    body: ['Die Liste enthält alle Eingeladenen außer denen, die abgesagt haben, nach Namen sortiert.', landscape, rows],
    choices: [{ value: true, label: 'Speichern unter …', variant: 'primary', id: 'pdf-speichern' }],
    cancelId: 'pdf-abbrechen',
  });
  if (answer !== true) return;
  const emptyRows = Number.parseInt(rows.input.value, 10);
  await run(session, {
    kind: 'anwesenheitsliste',
    attendance: { landscape: landscape.input.checked, empty_rows: Number.isFinite(emptyRows) && emptyRows >= 0 ? Math.min(emptyRows, 200) : 8 },
  });
}

async function run(session, request) {
  clearNotices();
  const menu = document.getElementById('sitzung-pdf-menue');
  const buttons = menu ? [...menu.querySelectorAll('button')] : [];
  for (const b of buttons) b.disabled = true;
  replaceChildren(document.getElementById('meldungen'), el('div', { class: 'kern-alert kern-alert--info', role: 'status', id: 'pdf-fortschritt' },
    el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title' }, 'Das PDF wird erstellt …'))));
  try {
    const saved = await call('export_session_pdf', { id: session.id, request });
    clearNotices();
    if (!saved) return;
    const message = `Das PDF wurde gespeichert (${saved.pages === 1 ? '1 Seite' : `${saved.pages} Seiten`}): ${saved.path}`;
    if (saved.notes.length > 0) showWarning(message, saved.notes);
    else showSuccess(message);
  } catch (error) {
    showError(error);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

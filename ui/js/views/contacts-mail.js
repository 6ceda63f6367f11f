// "E-Mail schreiben" on the Kontakte screen: the BCC message for the selection or the list, a long
// list split into messages opened one after the other, or the addresses to copy when no link
// fits or no mail program answers. Split from contacts.js, which decides whom it is for.

import { formatCount } from '../labels.js';
import { call } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { showError, showSuccess } from '../notices.js';

/**
 * Opens the mail program with the selected people (or everyone in the list) in BCC. A list longer
 * than a mail server takes in one message is not opened at once: the person gets it split into
 * messages to open one after the other. When a link would be too long for Windows mail programs,
 * or no mail program answers, the addresses are shown for copying. `filter` is fixed when the
 * button is pressed, so every message of a split list goes to the same people; `words` says where
 * they are ("in der Auswahl").
 */
export async function writeEmail(filter, words) {
  const region = document.getElementById('kontakte-email-adressen');
  replaceChildren(region);
  try {
    const outcome = await call('write_email', { filter, batch: null });
    if (outcome.draft.kind === 'split') offerBatches(region, filter, outcome);
    else showDraft(region, outcome, words, '');
  } catch (error) {
    showError(error);
  }
}

function missingWords(outcome) {
  const n = outcome.without_email;
  if (n === 0) return '';
  return ` ${formatCount(n, 'kontakt')} ohne E-Mail-Adresse ${n === 1 ? 'ist' : 'sind'} nicht dabei.`;
}

/** The question for a long list: one button per message, each opening that message's recipients. */
function offerBatches(region, filter, outcome) {
  const d = outcome.draft;
  const buttons = [];
  for (let i = 1; i <= d.batches; i += 1) {
    const from = (i - 1) * d.batch_size + 1;
    const to = Math.min(i * d.batch_size, d.recipients);
    const label = `Nachricht ${i} von ${d.batches} öffnen (Empfänger ${from}–${to})`;
    const button = el('button', { type: 'button', class: 'kern-btn kern-btn--secondary', id: `email-teil-${i}`,
      onClick: () => openBatch(filter, i, d.batches, button, label) }, el('span', { class: 'kern-label' }, label));
    buttons.push(button);
  }
  replaceChildren(region, el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'teile-titel' },
    el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'teile-titel' }, 'E-Mail in mehreren Nachrichten')),
    el('div', { class: 'kern-alert__body' },
      el('p', { class: 'kern-body', id: 'teile-hinweis' },
        `${d.recipients} Empfänger sind mehr, als viele Mailserver in einer Nachricht annehmen (höchstens ${d.batch_size}). `,
        `Öffnen Sie die ${d.batches} Nachrichten nacheinander; jede hat ihre Empfänger in BCC.${missingWords(outcome)}`),
      el('div', { class: 'form-actions' }, buttons),
      el('div', { id: 'kontakte-email-teil' }))));
  buttons[0].focus();
}

async function openBatch(filter, i, n, button, label) {
  const box = document.getElementById('kontakte-email-teil');
  replaceChildren(box);
  try {
    const outcome = await call('write_email', { filter, batch: i });
    showDraft(box, outcome, '', `Nachricht ${i} von ${n}: `);
    replaceChildren(button.querySelector('.kern-label'), `${label} – erledigt`);
  } catch (error) {
    showError(error);
  }
}

/** Reports an opened message, or shows its addresses for copying into `region`. */
function showDraft(region, outcome, words, prefix) {
  const d = outcome.draft;
  // A part of a split list: the people without an address were named with the question.
  const missing = outcome.batch ? '' : missingWords(outcome);
  if (d.kind === 'empty') {
    showError({ code: 'Validation', message: `Niemand ${words} hat eine E-Mail-Adresse.` });
  } else if (d.kind === 'link' && outcome.opened) {
    showSuccess(`${prefix}Ihr E-Mail-Programm öffnet eine neue Nachricht an ${d.recipients} Empfänger (in BCC).${missing}`);
  } else {
    const addresses = d.kind === 'copy' ? d.addresses : decodeURIComponent(d.url.replace('mailto:?bcc=', '')).split(',').join('; ');
    const reason = d.kind === 'copy'
      ? `Die ${d.recipients} Adressen sind zu viele für einen E-Mail-Link.`
      : 'Es wurde kein E-Mail-Programm gefunden.';
    const text = el('textarea', { class: 'kern-form-input__input', id: 'kontakte-adressen', readonly: true, rows: '4' });
    text.value = addresses;
    replaceChildren(region, el('div', { class: 'kern-alert kern-alert--info', role: 'region', 'aria-labelledby': 'adressen-titel' },
      el('div', { class: 'kern-alert__header' }, el('span', { class: 'kern-title', id: 'adressen-titel' }, `${prefix}Adressen zum Kopieren`)),
      el('div', { class: 'kern-alert__body' },
        el('p', { class: 'kern-body' }, `${reason} Kopieren Sie die Adressen in das BCC-Feld Ihrer Nachricht.${missing}`),
        el('label', { class: 'kern-label', for: 'kontakte-adressen' }, 'E-Mail-Adressen, durch Semikolon getrennt'),
        text,
        el('div', { class: 'form-actions' },
          el('button', { type: 'button', class: 'kern-btn kern-btn--primary', id: 'adressen-kopieren', onClick: async () => {
            text.select();
            try {
              await navigator.clipboard.writeText(addresses);
              showSuccess('Die Adressen sind in der Zwischenablage.');
            } catch {
              showSuccess('Die Adressen sind markiert: kopieren Sie sie mit Strg+C.');
            }
          } }, el('span', { class: 'kern-label' }, 'Adressen kopieren'))))));
    text.focus();
  }
}


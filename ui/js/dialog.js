// The one confirm dialog: a modal <dialog> in KERN markup. Focus moves into it and stays there
// (the page behind is inert while it is open, and Tab cycles inside), Escape cancels, and focus
// returns to whatever opened it. Every "really delete?" or "leave without saving?" question uses
// it, so they all behave the same for keyboard and screen-reader users.

import { el } from './dom.js';
import { clearNotices } from './notices.js';

let counter = 0;

/**
 * Asks a question and resolves with the chosen choice's `value`, or null when cancelled
 * (Escape or the cancel button).
 *
 * choices: [{ value, label, variant: 'primary'|'secondary', id, deliberate: bool }]
 * A `deliberate` choice (e.g. deleting 40 contacts) needs the `deliberate` checkbox ticked first;
 * `deliberateLabel` is that checkbox's text.
 */
export function ask({ title, body, choices, cancelLabel = 'Abbrechen', cancelId, deliberateLabel = null }) {
  const n = ++counter;
  const opener = document.activeElement;
  // A notice from a moment ago ("… gespeichert") does not belong to this question.
  clearNotices();

  return new Promise((resolve) => {
    let answer = null;
    const titleId = `dialog-${n}-titel`;
    const bodyId = `dialog-${n}-text`;
    const checkId = `dialog-${n}-bestaetigung`;
    const checkErrorId = `${checkId}-fehler`;
    const check = deliberateLabel
      ? el('input', { class: 'kern-form-check__checkbox', type: 'checkbox', id: checkId })
      : null;
    const checkBlock = check
      ? el('div', { class: 'kern-form-check' }, check, el('label', { class: 'kern-label', for: checkId }, deliberateLabel))
      : null;

    const choose = (choice) => {
      if (choice.deliberate && check && !check.checked) {
        if (!document.getElementById(checkErrorId)) {
          checkBlock.after(el('p', { class: 'kern-error', id: checkErrorId },
            el('span', { class: 'kern-body' }, 'Bitte bestätigen Sie zuerst mit dem Häkchen.')));
          check.setAttribute('aria-describedby', checkErrorId);
          check.setAttribute('aria-invalid', 'true');
        }
        check.focus();
        return;
      }
      answer = choice.value;
      dialog.close();
    };
    const buttons = choices.map((choice) => el('button', {
      type: 'button', id: choice.id, class: `kern-btn kern-btn--${choice.variant || 'secondary'}`,
      onClick: () => choose(choice),
    }, el('span', { class: 'kern-label' }, choice.label)));
    const cancel = el('button', {
      type: 'button', id: cancelId, class: 'kern-btn kern-btn--secondary', onClick: () => dialog.close(),
    }, el('span', { class: 'kern-label' }, cancelLabel));

    const dialog = el('dialog', {
      class: 'kern-dialog app-dialog', 'aria-labelledby': titleId, 'aria-describedby': bodyId, 'aria-modal': 'true',
    },
    el('header', { class: 'kern-dialog__header' }, el('h2', { class: 'kern-title', id: titleId }, title)),
    el('section', { class: 'kern-dialog__body' },
      el('div', { id: bodyId }, (Array.isArray(body) ? body : [body]).map((p) => (typeof p === 'string' ? el('p', { class: 'kern-body' }, p) : p))),
      checkBlock),
    el('footer', { class: 'kern-dialog__footer app-dialog__footer' }, buttons, cancel));

    // Tab and Shift+Tab cycle inside the dialog (showModal makes the page inert, but the
    // webview would otherwise let focus leave to the document itself).
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll('button, input, select, textarea, a[href]')]
        .filter((node) => !node.disabled);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    });
    // Escape fires `cancel` and closes the dialog; `answer` stays null.
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(answer);
    });

    document.body.append(dialog);
    dialog.showModal();
    // The safe choice gets the focus: pressing Enter by habit never deletes anything.
    cancel.focus();
  });
}

/** Yes/no: resolves true when `confirmLabel` was chosen. */
export async function confirm({ title, body, confirmLabel, confirmId, cancelLabel = 'Abbrechen', cancelId }) {
  const answer = await ask({
    title, body, cancelLabel, cancelId,
    choices: [{ value: true, label: confirmLabel, variant: 'primary', id: confirmId }],
  });
  return answer === true;
}

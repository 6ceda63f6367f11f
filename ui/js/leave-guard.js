// Asks before unsaved changes are left behind: when the person navigates to another screen,
// opens another record, or closes the window. A form registers how to tell whether it holds
// unsaved changes; the router (main.js) and the window's close request ask `mayLeave()` first.

import { confirm } from './dialog.js';

let hasUnsaved = null;

/** The current screen's form: `isDirty()` says whether leaving now would lose typed input. */
export function protectUnsaved(isDirty) {
  hasUnsaved = isDirty;
}

/** The screen is being replaced or its changes were saved or discarded. */
export function releaseUnsaved() {
  hasUnsaved = null;
}

export function unsavedChanges() {
  return Boolean(hasUnsaved && hasUnsaved());
}

/** True when nothing would be lost, or the person chose to discard the changes. */
export async function mayLeave() {
  if (!unsavedChanges()) return true;
  const discard = await confirm({
    title: 'Änderungen nicht gespeichert',
    body: 'Sie haben Änderungen in diesem Formular noch nicht gespeichert. Wenn Sie es jetzt verlassen, gehen sie verloren.',
    confirmLabel: 'Änderungen verwerfen', confirmId: 'verlassen-verwerfen',
    cancelLabel: 'Weiter bearbeiten', cancelId: 'verlassen-abbrechen',
  });
  if (discard) releaseUnsaved();
  return discard;
}

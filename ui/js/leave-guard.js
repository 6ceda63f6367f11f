// Asks before unsaved changes are left behind: when the person navigates to another screen,
// opens another record, or closes the window. A form registers how to tell whether it holds
// unsaved changes; the router (main.js) and the window's close request ask `mayLeave()` first.
// A screen may hold several forms (a session's details and its Tagesordnung): each registers under
// its own part name, and a part that draws itself again replaces only its own check.

import { confirm } from './dialog.js';

/** part name → `isDirty()` of the forms on the current screen. */
const checks = new Map();

/**
 * A form of the current screen: `isDirty()` says whether leaving now would lose typed input.
 * `part` names the form when the screen has more than one (default: the screen's main form).
 */
export function protectUnsaved(isDirty, part = 'main') {
  checks.set(part, isDirty);
}

/** The screen is being replaced or its changes were saved or discarded. */
export function releaseUnsaved() {
  checks.clear();
}

export function unsavedChanges() {
  return [...checks.values()].some((isDirty) => isDirty());
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

// German words for the codes the core sends (organisation kinds, e-mail and phone kinds, Kreis
// kinds, encodings, noun forms). They are defined once, in the core (core/src/labels.rs), and
// loaded here once at start (`loadLabels()` in main.js) so the screens can use them synchronously.

import { call } from './api.js';
import { formatNumber } from './format.js';

let loaded = null;

/** Fetches the labels from the core once; later calls return the same promise. */
export function loadLabels() {
  if (!loaded) {
    loaded = call('ui_labels').catch((error) => {
      loaded = null; // let a later screen try again
      throw error;
    });
    loaded.then((labels) => { cache = labels; }, () => {});
  }
  return loaded;
}

let cache = null;

function current() {
  if (!cache) throw { code: 'Internal', message: 'Die Beschriftungen sind noch nicht geladen. Bitte starten Sie Netzwerkmappe neu.' };
  return cache;
}

const pairs = (list) => list.map(({ value, label }) => [value, label]);
const lookup = (list, code) => (list.find((l) => l.value === code) || { label: '' }).label;

/** [[code, label], …] in the order a select shows them. */
export const organisationKinds = () => pairs(current().organisation_kinds);
export const emailKinds = () => pairs(current().email_kinds);
export const phoneKinds = () => pairs(current().phone_kinds);
export const auditActions = () => pairs(current().audit_actions);
/** How long older backups still hold erased data (the core's one constant). */
export const privacyBackupNotice = () => current().privacy_backup_notice;

export const organisationKindLabel = (kind) => lookup(current().organisation_kinds, kind);
export const districtKindLabel = (kind) => lookup(current().district_kinds, kind);
/** "Utf8Bom" → "UTF-8 mit BOM"; an unknown code is shown as it is. */
export const encodingLabel = (code) => lookup(current().encodings, code) || String(code ?? '');

/** { one: 'Kontakt', other: 'Kontakte' } for a noun code ("kontakt"). */
export function nounForms(noun) {
  const forms = current().nouns[noun];
  if (!forms) throw { code: 'Internal', message: `Unbekanntes Wort „${noun}“.` };
  return forms;
}

/** (3431, 'kontakt') → "3.431 Kontakte"; (1, 'organisation') → "1 Organisation". */
export function formatCount(n, noun) {
  const forms = nounForms(noun);
  return `${formatNumber(n)} ${Number(n) === 1 ? forms.one : forms.other}`;
}

/** "Böblingen (Landkreis)" for a district from `list_districts`. */
export const districtOptionLabel = (d) => `${d.name} (${districtKindLabel(d.kind)})`;

// German formatting for people: 24.11.2026, 14:30 Uhr (in the computer's time zone) and 3.431.
// The rules match core/src/format.rs. Plain functions with no imports: counted nouns ("3.431
// Kontakte") need the core's word list and live in labels.js.

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });

/** "2026-11-24T13:30:00Z" → "24.11.2026, 14:30 Uhr"; empty for missing or invalid input. */
export function formatDateTime(iso) {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  return `${dateFormat.format(d)}, ${timeFormat.format(d)} Uhr`;
}

/** "2026-11-24" → "24.11.2026" */
export function formatDate(iso) {
  const d = iso ? new Date(`${String(iso).slice(0, 10)}T12:00:00`) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  return dateFormat.format(d);
}

/**
 * 3431 → "3.431". Written out rather than Intl.NumberFormat so it is the same rule as the core's
 * `format::number` (a point from 1.000 on) whatever the system's locale data says.
 */
export function formatNumber(n) {
  const value = Math.trunc(Number(n) || 0);
  const digits = String(Math.abs(value));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return value < 0 ? `-${out}` : out;
}

/** German collation: Ä sorts with A, ß with ss; numbers in names compare numerically. */
export const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

// German formatting for people: 24.11.2026 and 14:30 Uhr, in the computer's time zone.

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat('de-DE');

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

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** German collation: Ä sorts with A, ß with ss; numbers in names compare numerically. */
export const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

// Dates as dd/MM/yyyy and times in Vietnam's time (+07:00), whatever the browser's time zone.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, '0');

function vietnam(value) {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime() + VIETNAM_OFFSET_MS);
}

/** An instant (ISO with offset) as dd/MM/yyyy in +07:00; a date of birth (yyyy-MM-dd) as written. */
export function date(value) {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const at = vietnam(value);
  return at ? `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}` : '';
}

/** An instant as dd/MM/yyyy HH:mm in +07:00. */
export function dateTime(value) {
  const at = value ? vietnam(value) : null;
  return at ? `${date(value)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}` : '';
}

export const number = (n, lang = document.documentElement.lang) => new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi').format(n);

/**
 * A date typed as dd/MM/yyyy as the instant its day starts in Vietnam (ISO with +07:00), `days`
 * later when given; null when it is not such a date.
 */
export function vietnamDay(text, days = 0) {
  const typed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text ?? '').trim());
  if (!typed) return null;
  const day = new Date(Date.UTC(Number(typed[3]), Number(typed[2]) - 1, Number(typed[1])));
  if (day.getUTCDate() !== Number(typed[1]) || day.getUTCMonth() !== Number(typed[2]) - 1) return null;
  day.setUTCDate(day.getUTCDate() + days);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T00:00:00+07:00`;
}

/**
 * A time typed as dd/MM/yyyy HH:mm (or a day alone, from its start) in Vietnam's time, as an instant
 * (ISO with +07:00); null when it is not such a time.
 */
export function vietnamInstant(text) {
  const typed = /^(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec((text ?? '').trim());
  const day = typed ? vietnamDay(typed[1]) : null;
  const [hours, minutes] = [Number(typed?.[2] ?? 0), Number(typed?.[3] ?? 0)];
  if (!day || hours > 23 || minutes > 59) return null;
  return day.replace('T00:00:00', `T${pad(hours)}:${pad(minutes)}:00`);
}

/** A text with {0}, {1}, ... replaced by the values, in order. */
export const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

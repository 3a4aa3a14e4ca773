// How the reports page says numbers to a team lead: business time as the service's mails and board say it
// (businesstime.BusinessTimeFormat: "4 h", "1 d 16 h", "45 min"), shares as percentages, instants in the reporting
// zone with the zone named. Pure functions, so node:test checks them without a browser (test/reports-format.test.mjs).

const NONE = '–';
const ISO_DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

/** Whole minutes of an ISO-8601 duration as java.time.Duration writes it (PT1H30M, PT48H, PT0.5S, P2D); else null. */
export function minutesOf(iso) {
  if (typeof iso !== 'string') return null;
  const match = ISO_DURATION.exec(iso.trim());
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, negative, days, hours, minutes, seconds] = match;
  const total = Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0) + Number(seconds ?? 0) / 60;
  return negative ? -total : total;
}

/**
 * "2 d 4 h", "2 h 30 min", "45 min", "less than 1 min": whole minutes rounded down, a day being 24 hours of business
 * time, the sign ignored; the same words as BusinessTimeFormat.duration. A missing or unreadable value is a dash.
 */
export function duration(iso) {
  const signed = minutesOf(iso);
  if (signed === null) return NONE;
  const minutes = Math.floor(Math.abs(signed) + 1e-9);
  if (minutes < 1) return 'less than 1 min';
  const parts = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor(minutes / 60) % 24;
  const rest = minutes % 60;
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (rest > 0) parts.push(`${rest} min`);
  return parts.join(' ');
}

/** Hours of an ISO duration, for a chart's axis; null when there is none (the chart leaves a gap, not a zero). */
export function hours(iso) {
  const minutes = minutesOf(iso);
  return minutes === null ? null : Math.round(minutes / 60 * 100) / 100;
}

/** 0.875 → "87.5 %"; null (nothing met or breached yet) → a dash. */
export function percent(share) {
  if (share === null || share === undefined || Number.isNaN(Number(share))) return NONE;
  const value = Math.round(Number(share) * 1000) / 10;
  return `${value} %`;
}

/** The share of the met-or-breached clocks that met the internal target: internalMet / (met + breached). */
export function internalShare(compliance) {
  if (!compliance) return null;
  const decided = (compliance.met ?? 0) + (compliance.breached ?? 0);
  return decided === 0 ? null : (compliance.internalMet ?? 0) / decided;
}

/** A share as a chart value in percent, null kept as a gap. */
export function chartPercent(share) {
  return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}

/** "Mon 2 Mar 2020 10:31 UTC": an instant in the reporting zone, the zone named, as the board labels its times. */
export function instant(iso, zone) {
  if (!iso) return NONE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute} ${zone}`;
}

/** "Mon 2 Mar 2020" for a yyyy-MM-dd day of the reporting zone (the day itself, not an instant). */
export function day(isoDate) {
  const [year, month, dayOfMonth] = String(isoDate).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (Number.isNaN(date.getTime())) return String(isoDate);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** The period as the page states it: "Mon 2 Mar 2020 to Tue 31 Mar 2020 (whole days in UTC)". */
export function period(from, to, zone) {
  const days = from === to ? day(from) : `${day(from)} to ${day(to)}`;
  return `${days} (whole days in ${zone})`;
}

/** Which of the optional fields of /api/reports/sla rows any row carries, in the order the table shows them. */
export const EXTRA_FIELDS = ['breaches', 'timePaused', 'escalations', 'ola', 'csat'];

export function extraFields(rows) {
  return EXTRA_FIELDS.filter((field) => rows.some((row) => row[field] !== undefined && row[field] !== null));
}

/** The cell of an optional field: each named with its numbers, durations in words. */
export function extraCell(field, value) {
  if (value === undefined || value === null) return NONE;
  switch (field) {
    case 'breaches':
      return String(value);
    case 'timePaused':
      return `median ${duration(value.median)}, total ${duration(value.total)}`;
    case 'escalations': {
      const levels = Object.entries(value).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      return levels.length === 0 ? 'none' : levels.map(([level, sent]) => `level ${level}: ${sent}`).join(', ');
    }
    case 'ola':
      return value.length === 0 ? 'none' : value.map((team) => `${team.team} ${percent(team.compliance)} `
        + `(${team.met} met, ${team.breached} breached, ${team.stints} ${plural(team.stints, 'stint')})`).join('; ');
    case 'csat':
      return csat(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function csat(value) {
  if (!value.answers) return 'no answers';
  const average = value.average === null || value.average === undefined ? NONE : Number(value.average).toFixed(1);
  const scores = value.scores && typeof value.scores === 'object'
    ? Object.entries(value.scores).filter(([, n]) => n).map(([score, n]) => `${score}★ ${n}`).join(', ') : '';
  return `${average} of 5 from ${value.answers} ${plural(value.answers, 'answer')}${scores ? ` (${scores})` : ''}`;
}

/** One team's part of a breached clock: "engineering 5 h 10 min in 2 stints, OLA 4 h, OLA breached". */
export function consumed(part) {
  const words = [`${part.team} ${duration(part.businessTime)}`];
  if (part.stints !== undefined && part.stints !== null) words[0] += ` in ${part.stints} ${plural(part.stints, 'stint')}`;
  if (part.olaBudget) words.push(`OLA ${duration(part.olaBudget)}`);
  if (part.olaBreached === true) words.push('OLA breached');
  else if (part.olaBreached === false) words.push('OLA met');
  return words.join(', ');
}

/** The numbers behind a review flag: "compliance 96.0 %, csat 2.1": shares as percentages, durations in words. */
export function numbers(values) {
  if (!values || typeof values !== 'object') return NONE;
  return Object.entries(values).map(([name, value]) => `${name} ${number(name, value)}`).join(', ');
}

function number(name, value) {
  if (value === null || value === undefined) return NONE;
  if (typeof value === 'string' && minutesOf(value) !== null) return duration(value);
  if (typeof value === 'number' && /compliance|share|rate/i.test(name) && value >= 0 && value <= 1) {
    return percent(value);
  }
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(2);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function plural(count, word) {
  return Number(count) === 1 ? word : `${word}s`;
}

// TIMEX3 date values as spans of time, for placing events on the timeline
// and for checking what the researcher types as an event's date. Values are
// calendar dates, so everything is UTC: a day is [00:00, 24:00) UTC and never
// shifts with the machine's time zone.

export const DAY = 86_400_000;

export type Precision = 'time' | 'day' | 'week' | 'weekend' | 'month' | 'season' | 'quarter' | 'year' | 'decade';

/** The time a TIMEX3 value covers: `start` inclusive, `end` exclusive (ms UTC). */
export type TimeSpan = { start: number; end: number; precision: Precision };

const SEASONS: Record<string, [number, number]> = {
  // Northern-hemisphere meteorological seasons, by month (0-based) and length.
  SP: [2, 3],
  SU: [5, 3],
  FA: [8, 3],
  WI: [11, 3],
};

const utc = (y: number, m: number, d = 1) => Date.UTC(y, m, d);

/** Monday of ISO week `w` of ISO year `y`: week 1 holds 4 January. */
export function isoWeekStart(y: number, w: number): number {
  const jan4 = utc(y, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - dow * DAY + (w - 1) * 7 * DAY;
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(utc(y, m, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m && t.getUTCDate() === d;
}

/** The span of a TIMEX3 date value, or `null` for anything else (durations, sets, `PRESENT_REF`). */
export function timexSpan(value: string): TimeSpan | null {
  const v = value.trim();
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?|T(MO|AF|EV|NI))?$/))) {
    const [y, mo, d] = [+m[1], +m[2] - 1, +m[3]];
    if (!validDay(y, mo, d)) return null;
    const start = utc(y, mo, d);
    if (m[4] !== undefined) {
      const [h, min, s] = [+m[4], +m[5], +(m[6] ?? 0)];
      if (h > 23 || min > 59 || s > 59) return null;
      const t = start + ((h * 60 + min) * 60 + s) * 1000;
      return { start: t, end: t + 60_000, precision: 'time' };
    }
    return { start, end: start + DAY, precision: 'day' };
  }
  if ((m = v.match(/^(\d{4})-W(\d{2})(-WE)?$/))) {
    const [y, w] = [+m[1], +m[2]];
    if (w < 1 || w > 53) return null;
    const start = isoWeekStart(y, w);
    // Week 53 exists only in long ISO years: it must still start in year y's ISO calendar.
    if (w === 53 && isoWeekStart(y + 1, 1) <= start) return null;
    return m[3]
      ? { start: start + 5 * DAY, end: start + 7 * DAY, precision: 'weekend' }
      : { start, end: start + 7 * DAY, precision: 'week' };
  }
  if ((m = v.match(/^(\d{4})-(\d{2})$/))) {
    const [y, mo] = [+m[1], +m[2] - 1];
    if (mo < 0 || mo > 11) return null;
    return { start: utc(y, mo), end: utc(y, mo + 1), precision: 'month' };
  }
  if ((m = v.match(/^(\d{4})-(SP|SU|FA|WI)$/))) {
    const [first, len] = SEASONS[m[2]];
    return { start: utc(+m[1], first), end: utc(+m[1], first + len), precision: 'season' };
  }
  if ((m = v.match(/^(\d{4})-Q([1-4])$/))) {
    const first = (+m[2] - 1) * 3;
    return { start: utc(+m[1], first), end: utc(+m[1], first + 3), precision: 'quarter' };
  }
  if ((m = v.match(/^(\d{4})$/))) {
    return { start: utc(+m[1], 0), end: utc(+m[1] + 1, 0), precision: 'year' };
  }
  if ((m = v.match(/^(\d{3})$/))) {
    return { start: utc(+m[1] * 10, 0), end: utc(+m[1] * 10 + 10, 0), precision: 'decade' };
  }
  return null;
}

/** Why `value` is not an event date the timeline can place, or `null` when it is. */
export function timexError(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (timexSpan(v)) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(v) || /^\d{4}-\d{2}$/.test(v)) return `${v} is not a day of the calendar`;
  if (/^\d{4}-W\d{2}/.test(v)) return `${v} is not an ISO week (W01–W53)`;
  return 'Write the date as TIMEX3: 2015-07-09, 2015-07, 2015, 2014-W42, 2015-SU or 2015-Q1';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** A TIMEX3 date as a reader would write it: "17 Apr 2014", "week 42, 2014". */
export function formatTimex(value: string | null): string {
  if (value === null) return 'Undated';
  const span = timexSpan(value);
  if (!span) return value;
  const d = new Date(span.start);
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  switch (span.precision) {
    case 'time':
      return `${day}, ${value.slice(11, 16)}`;
    case 'day':
      return value.includes('T') ? `${day} (${value.slice(11).toLowerCase()})` : day;
    case 'week':
    case 'weekend': {
      const w = value.match(/W(\d{2})/)![1];
      return `${span.precision === 'weekend' ? 'weekend of ' : ''}week ${+w}, ${value.slice(0, 4)}`;
    }
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'season':
      return `${SEASON_NAMES[value.slice(5)]} ${value.slice(0, 4)}`;
    case 'quarter':
      return `${value.slice(5)} ${value.slice(0, 4)}`;
    case 'year':
      return value;
    case 'decade':
      return `${value}0s`;
  }
}

/** The visible window in words, as coarse as its width: "2013 – 2017", "Apr 2014 – Mar 2016", "3 – 17 Apr 2014". */
export function formatWindow(from: number, to: number): string {
  const a = new Date(from);
  const b = new Date(to);
  const [ya, yb] = [a.getUTCFullYear(), b.getUTCFullYear()];
  const span = to - from;
  if (span > 3 * 365 * DAY) return `${ya} – ${yb}`;
  if (span > 60 * DAY) return `${MONTHS[a.getUTCMonth()]} ${ya} – ${MONTHS[b.getUTCMonth()]} ${yb}`;
  const end = `${b.getUTCDate()} ${MONTHS[b.getUTCMonth()]} ${yb}`;
  if (ya !== yb) return `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()]} ${ya} – ${end}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()]} – ${end}`;
  return `${a.getUTCDate()} – ${end}`;
}

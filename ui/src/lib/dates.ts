// What the reader says about a recognised date when the mouse rests on it:
// the TIMEX3 value the core resolved, and the same in words, so a wrong
// resolution ("Tuesday" read as next week) is visible at a glance.

import type { TemporalExpression } from './bindings/TemporalExpression';

/** A recognised date as the reader marks it (char offsets). */
export type DateMark = { start: number; end: number; title: string; resolved: boolean };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const PARTS: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'],
  H: ['hour', 'hours'], MIN: ['minute', 'minutes'], S: ['second', 'seconds'], DE: ['decade', 'decades'],
  CE: ['century', 'centuries'],
};

/** The hover text of a recognised expression. */
export function dateTitle(e: TemporalExpression): string {
  if (e.value === null) {
    return `“${e.text}”: not resolved (the article has no published date; set one to resolve it)`;
  }
  const words = describeValue(e.value);
  const gloss = words && e.type === 'SET' && e.value.startsWith('P') ? `every ${words.replace(/^1 /, '')}` : words;
  const head = gloss && gloss !== e.value ? `${e.value} (${gloss})` : e.value;
  return e.resolution === 'relative' ? `${head}\nresolved against the published date` : head;
}

export function dateMarks(found: readonly TemporalExpression[]): DateMark[] {
  return found
    .filter((e) => e.end > e.start)
    .map((e) => ({ start: e.start, end: e.end, title: dateTitle(e), resolved: e.value !== null }));
}

/** A TIMEX3 value in words, or `null` for a form it does not know. */
export function describeValue(value: string): string | null {
  if (value === 'PRESENT_REF') return 'now, at the time of writing';
  if (value === 'PAST_REF') return 'some time in the past';
  if (value === 'FUTURE_REF') return 'some time in the future';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}:\d{2}(?::\d{2})?)|(MO|AF|EV|NI)))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCMonth() !== mo - 1) return null;
    const words = `${WEEKDAYS[day.getUTCDay()]} ${d} ${MONTHS[mo - 1]} ${y}`;
    if (m[4]) return `${words}, ${m[4]}`;
    return m[5] ? `${words}, ${PARTS[m[5]]}` : words;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[Number(m[2]) - 1] ?? '?'} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    return `${m[3] ? 'the weekend of ' : ''}week ${Number(m[2])} of ${m[1]}`;
  }
  if ((m = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value))) {
    return m[1] === 'XXXX' ? `every ${SEASONS[m[2]]}` : `${SEASONS[m[2]]} ${m[1]}`;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `the ${m[1]}00s`;
  if ((m = /^P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|H|MIN|S|DE|CE)$/.exec(value))) {
    const unit = m[3] === 'M' && m[1] === 'T' ? 'MIN' : m[3];
    const [one, many] = UNITS[unit] ?? [unit, unit];
    return m[2] === 'X' ? `a span of ${many}` : `${m[2]} ${m[2] === '1' ? one : many}`;
  }
  return null;
}

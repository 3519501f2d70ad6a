import { describe, expect, test } from 'vitest';
import { DAY, formatTimex, formatWindow, isoWeekStart, timexError, timexSpan } from './timelineDates';

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('timexSpan', () => {
  test.each([
    ['2014-04-17', '2014-04-17', '2014-04-18', 'day'],
    ['2015-07', '2015-07-01', '2015-08-01', 'month'],
    ['2015', '2015-01-01', '2016-01-01', 'year'],
    ['2014-W42', '2014-10-13', '2014-10-20', 'week'],
    ['2014-W42-WE', '2014-10-18', '2014-10-20', 'weekend'],
    ['2015-SU', '2015-06-01', '2015-09-01', 'season'],
    ['2015-Q4', '2015-10-01', '2016-01-01', 'quarter'],
    ['199', '1990-01-01', '2000-01-01', 'decade'],
    ['2016-03-25TMO', '2016-03-25', '2016-03-26', 'day'],
  ])('%s covers %s to %s (%s)', (value, start, end, precision) => {
    const span = timexSpan(value)!;
    expect(span, `${value} is a date the timeline can place`).not.toBeNull();
    expect([iso(span.start), iso(span.end), span.precision]).toEqual([start, end, precision]);
  });

  test('a clock time is a minute on its day', () => {
    const span = timexSpan('2016-03-25T16:12')!;
    expect(new Date(span.start).toISOString()).toBe('2016-03-25T16:12:00.000Z');
    expect(span.end - span.start).toBe(60_000);
  });

  test('ISO week 1 is the week of 4 January, even when it starts in December', () => {
    expect(iso(isoWeekStart(2015, 1))).toBe('2014-12-29');
    expect(iso(isoWeekStart(2016, 1))).toBe('2016-01-04');
    expect(timexSpan('2015-W53'), '2015 is a long ISO year').not.toBeNull();
    expect(timexSpan('2014-W53'), '2014 has only 52 ISO weeks').toBeNull();
  });

  test.each(['P1M', 'XXXX-WI', 'PRESENT_REF', '2015-02-29', '2015-13', '2014-W00', 'June 30', ''])(
    '%s is not a placeable date',
    (value) => expect(timexSpan(value)).toBeNull(),
  );

  test('days are UTC calendar days: exactly 24 hours, whatever the local zone', () => {
    const span = timexSpan('2015-03-29')!; // a DST change in Europe
    expect(span.end - span.start).toBe(DAY);
  });
});

describe('timexError', () => {
  test('accepts TIMEX3 dates and the empty string (no date)', () => {
    for (const v of ['2015-07-09', '2015-07', '2015', '2014-W42', ' 2015-Q1 ', '']) expect(timexError(v), v).toBeNull();
  });
  test('says what is wrong with the rest', () => {
    expect(timexError('2015-02-30')).toMatch(/not a day of the calendar/);
    expect(timexError('2015-W60')).toMatch(/ISO week/);
    expect(timexError('30 June 2015')).toMatch(/TIMEX3: 2015-07-09/);
  });
});

describe('formatTimex', () => {
  test.each([
    ['2014-04-17', '17 Apr 2014'],
    ['2014-10', 'Oct 2014'],
    ['2014-W42', 'week 42, 2014'],
    ['2015-SU', 'summer 2015'],
    ['2016-03-25T16:12', '25 Mar 2016, 16:12'],
    ['P1M', 'P1M'],
  ])('%s reads as %s', (value, text) => expect(formatTimex(value)).toBe(text));
  test('no date reads as Undated', () => expect(formatTimex(null)).toBe('Undated'));
});

describe('formatWindow', () => {
  const at = (s: string) => Date.parse(s);
  test.each([
    ['2012-06-01', '2017-02-01', '2012 – 2017'],
    ['2014-04-10', '2016-03-30', 'Apr 2014 – Mar 2016'],
    ['2014-04-03', '2014-04-17', '3 – 17 Apr 2014'],
    ['2014-04-28', '2014-05-06', '28 Apr – 6 May 2014'],
    ['2014-12-28', '2015-01-04', '28 Dec 2014 – 4 Jan 2015'],
  ])('%s to %s reads %s', (from, to, text) => expect(formatWindow(at(from), at(to))).toBe(text));
});

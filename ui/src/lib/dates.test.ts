import { describe, expect, it } from 'vitest';
import { dateMarks, dateTitle, describeValue } from './dates';
import type { TemporalExpression } from './bindings/TemporalExpression';

const expr = (over: Partial<TemporalExpression>): TemporalExpression => ({
  start: 0, end: 6, text: 'July 9', type: 'DATE', value: '2015-07-09', resolution: 'relative', ...over,
});

describe('date hover text', () => {
  it('gives the value and the day in words', () => {
    expect(describeValue('2015-07-09'), 'a day names its weekday').toBe('Thursday 9 July 2015');
    expect(describeValue('2016-03-25T16:12'), 'a time follows the day').toBe('Friday 25 March 2016, 16:12');
    expect(describeValue('2016-03-25TMO')).toBe('Friday 25 March 2016, morning');
    expect(describeValue('2015-07')).toBe('July 2015');
    expect(describeValue('2015')).toBe('the year 2015');
    expect(describeValue('2013-W11')).toBe('week 11 of 2013');
    expect(describeValue('2013-W11-WE')).toBe('the weekend of week 11 of 2013');
    expect(describeValue('2015-SP')).toBe('spring 2015');
    expect(describeValue('XXXX-WI'), 'a season without a year recurs').toBe('every winter');
    expect(describeValue('199')).toBe('the 1990s');
    expect(describeValue('P10M'), 'M after P is months').toBe('10 months');
    expect(describeValue('PT4M'), 'M after PT is minutes').toBe('4 minutes');
    expect(describeValue('P1D')).toBe('1 day');
    expect(describeValue('PXY')).toBe('a span of years');
    expect(describeValue('PRESENT_REF')).toBe('now, at the time of writing');
    expect(describeValue('2015-02-30'), 'an impossible day is not described').toBeNull();
    expect(describeValue('gibberish')).toBeNull();
  });

  it('says how a value was found, and when it could not be', () => {
    expect(dateTitle(expr({}))).toBe('2015-07-09 (Thursday 9 July 2015)\nresolved against the published date');
    expect(dateTitle(expr({ resolution: 'absolute' }))).toBe('2015-07-09 (Thursday 9 July 2015)');
    expect(dateTitle(expr({ type: 'SET', value: 'P1D', text: 'daily', resolution: 'absolute' }))).toBe('P1D (every day)');
    expect(dateTitle(expr({ value: null, resolution: 'unresolved', text: 'Tuesday' }))).toMatch(/^“Tuesday”: not resolved/);
  });

  it('marks each expression with its span and whether it resolved', () => {
    const marks = dateMarks([expr({}), expr({ start: 10, end: 17, value: null, resolution: 'unresolved' }), expr({ start: 20, end: 20 })]);
    expect(marks.map((m) => [m.start, m.end, m.resolved]), 'empty spans are dropped').toEqual([
      [0, 6, true],
      [10, 17, false],
    ]);
  });
});

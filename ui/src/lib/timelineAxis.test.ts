import { expect, test } from 'vitest';
import { axisTicks, tickLabel } from './timelineAxis';

const at = (s: string) => Date.parse(s);

test('a decade is labelled by years', () => {
  const ticks = axisTicks(at('2010-01-01'), at('2020-01-01'), 8);
  expect(ticks.every((t) => /^\d{4}$/.test(t.label)), ticks.map((t) => t.label).join(' ')).toBe(true);
});

test('two years get months, with the year where one begins', () => {
  const labels = axisTicks(at('2014-03-01'), at('2016-03-01'), 10).map((t) => t.label);
  expect(labels).toContain('2015');
  expect(labels.some((l) => /^[A-Z][a-z]{2}$/.test(l)), labels.join(' ')).toBe(true);
});

test('a fortnight gets days, with the month where one begins', () => {
  const labels = axisTicks(at('2016-03-20'), at('2016-04-03'), 8).map((t) => t.label);
  expect(labels).toContain('Apr');
  expect(labels).toContain('24 Mar');
});

test('labels are UTC, whatever the machine’s zone', () => {
  expect(tickLabel(new Date(at('2015-01-01')))).toBe('2015');
  expect(tickLabel(new Date(at('2015-05-12')))).toBe('12 May');
  expect(tickLabel(new Date(at('2015-05-12T06:00:00Z')))).toBe('06:00');
});

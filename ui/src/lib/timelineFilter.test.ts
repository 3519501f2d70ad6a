import { describe, expect, test } from 'vitest';
import type { TimelineEvent } from './bindings/TimelineEvent';
import { applyFilter, facets, isFiltering, NO_FILTER, NO_PLACE, toggled } from './timelineFilter';

const ev = (id: number, place: string | null, participants: string[], kind: TimelineEvent['kind'] = 'meeting', status: TimelineEvent['status'] = 'held'): TimelineEvent => ({
  id, kind, status, date: null, place, participants, evidence: [], confirmed: false, origin: 'extracted',
});

const EVENTS = [
  ev(1, 'Geneva', ['John Kerry', 'Sergey Lavrov']),
  ev(2, 'Sochi', ['John Kerry', 'Vladimir Putin', 'Sergey Lavrov'], 'visit'),
  ev(3, null, ['Vladimir Putin', 'Barack Obama'], 'call'),
  ev(4, 'Milan', ['Vladimir Putin'], 'talks', 'planned'),
];
const ids = (es: TimelineEvent[]) => es.map((e) => e.id);

describe('applyFilter', () => {
  test('no filter shows everything', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(ids(applyFilter(EVENTS, NO_FILTER))).toEqual([1, 2, 3, 4]);
  });
  test('participants must all take part: who met whom', () => {
    expect(ids(applyFilter(EVENTS, { ...NO_FILTER, participants: ['Vladimir Putin'] }))).toEqual([2, 3, 4]);
    expect(ids(applyFilter(EVENTS, { ...NO_FILTER, participants: ['Vladimir Putin', 'John Kerry'] }))).toEqual([2]);
  });
  test('places, kinds and statuses match any of the chosen', () => {
    expect(ids(applyFilter(EVENTS, { ...NO_FILTER, places: ['Geneva', NO_PLACE] }))).toEqual([1, 3]);
    expect(ids(applyFilter(EVENTS, { ...NO_FILTER, kinds: ['call', 'visit'] }))).toEqual([2, 3]);
    expect(ids(applyFilter(EVENTS, { ...NO_FILTER, statuses: ['planned'] }))).toEqual([4]);
  });
});

test('facets count events per name, most frequent first', () => {
  expect(facets(EVENTS, 'participants').slice(0, 2)).toEqual([
    { name: 'Vladimir Putin', count: 3 },
    { name: 'John Kerry', count: 2 },
  ]);
  expect(facets(EVENTS, 'places').map((f) => f.name)).toContain(NO_PLACE);
});

test('toggled adds or removes', () => {
  expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
  expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
});

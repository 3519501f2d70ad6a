import { describe, expect, test } from 'vitest';
import type { TimelineEvent } from './bindings/TimelineEvent';
import { DAY } from './timelineDates';
import {
  buildLayout,
  centreOn,
  fitWindow,
  MAX_SPAN,
  MIN_SPAN,
  panBy,
  visibleMarks,
  zoomAt,
  type View,
} from './timelineLayout';
import { generateEvents } from './timelineMock';

function ev(id: number, date: string | null, place: string | null, participants: string[]): TimelineEvent {
  return {
    id,
    kind: 'meeting',
    status: 'held',
    date,
    place,
    participants,
    evidence: [],
    confirmed: false,
    origin: 'extracted',
  };
}

const SEED = [
  ev(1, '2014-04-17', 'Geneva', ['John Kerry', 'Sergey Lavrov']),
  ev(2, '2014-10-13', 'Paris', ['John Kerry', 'Sergey Lavrov']),
  ev(3, '2015-05-12', 'Sochi', ['John Kerry', 'Vladimir Putin']),
  ev(4, '2016-03-24', 'Moscow', ['John Kerry', 'Vladimir Putin']),
  ev(5, null, 'Milan', ['Vladimir Putin']),
  ev(6, '2016-03', null, ['Angela Merkel']),
];

const view = (from: string, to: string, width = 1000): View => ({
  from: Date.parse(from),
  to: Date.parse(to),
  width,
  firstLane: 0,
  lastLane: 100,
  gap: 16,
});

describe('buildLayout', () => {
  test('lanes by place: one per place, the placeless lane last; undated events apart', () => {
    const l = buildLayout(SEED, 'place');
    expect(l.lanes.map((x) => x.key)).toEqual(['Geneva', 'Moscow', 'Paris', 'Sochi', '(no place)']);
    expect(l.undated.map((e) => e.id), 'the Milan talks have no date').toEqual([5]);
    expect(new Date(l.extent![0]).toISOString().slice(0, 10)).toBe('2014-04-17');
    expect(new Date(l.extent![1]).toISOString().slice(0, 10), 'a month runs to its end').toBe('2016-04-01');
  });

  test('lanes by participant: an event sits in the lane of each participant, busiest first', () => {
    const l = buildLayout(SEED, 'participant');
    expect(l.lanes[0].key).toBe('John Kerry');
    expect(l.lanes[0].items.map((p) => p.event.id)).toEqual([1, 2, 3, 4]);
    expect(l.lanes.find((x) => x.key === 'Vladimir Putin')!.items.map((p) => p.event.id)).toEqual([3, 4]);
  });

  test('a month-only date sits in the middle of its month', () => {
    const merkel = buildLayout(SEED, 'participant').lanes.find((x) => x.key === 'Angela Merkel')!;
    expect(new Date(merkel.items[0].t).toISOString().slice(0, 10)).toBe('2016-03-16');
  });
});

describe('visibleMarks', () => {
  const lanes = buildLayout(SEED, 'participant').lanes;

  test('only the markers in the window are made', () => {
    const marks = visibleMarks(lanes, view('2014-01-01', '2014-12-31'));
    expect(marks.flatMap((m) => m.items.map((p) => p.event.id)).sort()).toEqual([1, 1, 2, 2]);
  });

  test('markers closer than the gap stack into one cluster, and separate when zoomed in', () => {
    const far = visibleMarks(lanes, view('2000-01-01', '2030-01-01', 300));
    const kerry = far.filter((m) => m.lane === 0);
    expect(kerry.length, 'at 30 years in 300 px, Kerry’s four meetings overlap').toBeLessThan(4);
    expect(kerry.reduce((n, m) => n + m.items.length, 0), 'no event is lost in a cluster').toBe(4);
    const near = visibleMarks(lanes, view('2014-01-01', '2017-01-01', 1200)).filter((m) => m.lane === 0);
    expect(near.map((m) => m.items.length)).toEqual([1, 1, 1, 1]);
  });

  test('x is the event’s position in px; lanes outside firstLane..lastLane are skipped', () => {
    const [m] = visibleMarks(lanes, { ...view('2014-04-01', '2014-05-01', 3000), lastLane: 1 });
    expect(m.x).toBeCloseTo(((Date.parse('2014-04-17') + DAY / 2 - Date.parse('2014-04-01')) / (30 * DAY)) * 3000, 6);
    expect(visibleMarks(lanes, { ...view('2000-01-01', '2030-01-01'), firstLane: 1, lastLane: 2 }).every((x) => x.lane === 1)).toBe(true);
  });
});

describe('zoom and pan', () => {
  const w = { from: Date.parse('2014-01-01'), to: Date.parse('2016-01-01') };

  test('zooming keeps the time under the pointer in place', () => {
    const anchor = 0.25;
    const at = w.from + anchor * (w.to - w.from);
    const z = zoomAt(w, 2, anchor);
    expect(z.from + anchor * (z.to - z.from)).toBeCloseTo(at, -1);
    expect(z.to - z.from).toBeCloseTo((w.to - w.from) / 2, -1);
  });

  test('zoom stops at a few days and at half a century', () => {
    let z = w;
    for (let i = 0; i < 50; i++) z = zoomAt(z, 2);
    expect(z.to - z.from).toBe(MIN_SPAN);
    for (let i = 0; i < 50; i++) z = zoomAt(z, 0.5);
    expect(z.to - z.from).toBe(MAX_SPAN);
  });

  test('panning moves by a fraction of the width; fitting shows every event', () => {
    const p = panBy(w, 0.5);
    expect(p.from - w.from).toBe((w.to - w.from) / 2);
    const extent = buildLayout(SEED, 'place').extent!;
    const fit = fitWindow(extent);
    expect(fit.from < extent[0] && fit.to > extent[1]).toBe(true);
    expect(centreOn(w, Date.parse('2015-01-01'), 10 * DAY).to - Date.parse('2015-01-01')).toBe(5 * DAY);
  });
});

describe('2,000 events', () => {
  // The figure the issue asks for: layout time per zoom/pan step. The lanes
  // are built once; each step only re-runs visibleMarks.
  test('each zoom or pan step lays out in well under a frame', () => {
    const events = generateEvents(2000);
    const t0 = performance.now();
    const layout = buildLayout(events, 'participant');
    const build = performance.now() - t0;
    let win = fitWindow(layout.extent);
    const steps = 400;
    let marks = 0;
    const t1 = performance.now();
    for (let i = 0; i < steps; i++) {
      win = i % 40 < 20 ? zoomAt(win, 1.25, 0.3) : panBy(win, -0.05);
      if (i % 80 === 79) win = fitWindow(layout.extent);
      marks += visibleMarks(layout.lanes, { ...win, width: 1100, firstLane: 0, lastLane: 30, gap: 16 }).length;
    }
    const perStep = (performance.now() - t1) / steps;
    console.info(
      `timeline layout, 2,000 events in ${layout.lanes.length} lanes: build ${build.toFixed(2)} ms, ` +
        `${perStep.toFixed(3)} ms per zoom/pan step (${Math.round(marks / steps)} markers on average)`,
    );
    expect(marks, 'the steps did show markers').toBeGreaterThan(0);
    expect(build, 'building lanes once per change is cheap').toBeLessThan(100);
    expect(perStep, 'a step costs far less than a 16 ms frame').toBeLessThan(4);
  });
});

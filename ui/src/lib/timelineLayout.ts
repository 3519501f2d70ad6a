// Where the timeline's markers go, computed so that zooming and panning stay
// cheap with thousands of events: lanes are built (and sorted by time) once
// per change of events, filter or lane mode; each frame then only binary-
// searches every visible lane for its visible window and stacks markers
// closer than a marker's width into one cluster. A frame costs
// O(lanes × log n + visible markers), never O(all events).

import type { TimelineEvent } from './bindings/TimelineEvent';
import { DAY, timexSpan } from './timelineDates';
import { NO_PLACE } from './timelineFilter';

export type LaneMode = 'place' | 'participant';

/** An event placed in time: `t` is its marker's position (the middle of its span). */
export type Placed = { event: TimelineEvent; t: number; start: number; end: number };

export type Lane = { key: string; label: string; items: Placed[] };

export type Layout = {
  lanes: Lane[];
  /** Events without a date the timeline can place: listed apart. */
  undated: TimelineEvent[];
  /** First start and last end of all dated events, or null when none. */
  extent: [number, number] | null;
};

const NOBODY = '(no participants)';

/** Groups dated events into lanes (an event with three participants sits in three lanes). */
export function buildLayout(events: TimelineEvent[], mode: LaneMode): Layout {
  const byLane = new Map<string, Placed[]>();
  const undated: TimelineEvent[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const event of events) {
    const span = event.date ? timexSpan(event.date) : null;
    if (!span) {
      undated.push(event);
      continue;
    }
    const placed = { event, t: (span.start + span.end) / 2, start: span.start, end: span.end };
    lo = Math.min(lo, span.start);
    hi = Math.max(hi, span.end);
    const keys = mode === 'place' ? [event.place ?? NO_PLACE] : event.participants.length ? event.participants : [NOBODY];
    for (const k of new Set(keys)) {
      let list = byLane.get(k);
      if (!list) byLane.set(k, (list = []));
      list.push(placed);
    }
  }
  const lanes = [...byLane].map(([key, items]) => ({ key, label: key, items: items.sort((a, b) => a.t - b.t) }));
  // Busiest lanes first; the catch-all lane last.
  const rank = (l: Lane) => (l.key === NO_PLACE || l.key === NOBODY ? 1 : 0);
  lanes.sort((a, b) => rank(a) - rank(b) || b.items.length - a.items.length || a.label.localeCompare(b.label));
  return { lanes, undated, extent: lo <= hi ? [lo, hi] : null };
}

/** Index of the first item with `t >= time`. */
export function lowerBound(items: Placed[], time: number): number {
  let a = 0;
  let b = items.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (items[mid].t < time) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** One marker on screen: a single event, or a stack of events too close to tell apart. */
export type Mark = {
  lane: number;
  x: number;
  /** Pixel extent of the span (imprecise dates: a week, a month), for one event. */
  x0: number;
  x1: number;
  items: Placed[];
};

export type View = {
  /** Visible time window (ms UTC). */
  from: number;
  to: number;
  /** Width of the plotting area in px. */
  width: number;
  /** Lanes [firstLane, lastLane) are on screen. */
  firstLane: number;
  lastLane: number;
  /** Markers closer than this (px) stack into one. */
  gap: number;
};

/** The markers in view, lane by lane, left to right. */
export function visibleMarks(lanes: Lane[], v: View): Mark[] {
  const perMs = v.width / (v.to - v.from);
  const pad = v.gap / perMs;
  const out: Mark[] = [];
  for (let li = Math.max(0, v.firstLane); li < Math.min(lanes.length, v.lastLane); li++) {
    const items = lanes[li].items;
    let cur: Mark | null = null;
    for (let i = lowerBound(items, v.from - pad); i < items.length && items[i].t <= v.to + pad; i++) {
      const p = items[i];
      const x = (p.t - v.from) * perMs;
      // Anchored at the cluster's first marker, so a cluster is never wider
      // than `gap` and dense lanes still show their shape when zoomed out.
      if (cur && x - cur.x < v.gap) {
        cur.items.push(p);
        continue;
      }
      if (cur) out.push(finish(cur, v.from, perMs));
      cur = { lane: li, x, x0: 0, x1: 0, items: [p] };
    }
    if (cur) out.push(finish(cur, v.from, perMs));
  }
  return out;
}

function finish(m: Mark, from: number, perMs: number): Mark {
  const first = m.items[0];
  const last = m.items[m.items.length - 1];
  m.x = ((first.t + last.t) / 2 - from) * perMs;
  m.x0 = (first.start - from) * perMs;
  m.x1 = (last.end - from) * perMs;
  return m;
}

/** Narrowest and widest windows: a few days to half a century. */
export const MIN_SPAN = 4 * DAY;
export const MAX_SPAN = 50 * 365 * DAY;

export type Window = { from: number; to: number };

function clampSpan(span: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
}

/** Zooms by `factor` (> 1 zooms in) keeping the time under `anchor` (0–1 across the width) in place. */
export function zoomAt(w: Window, factor: number, anchor = 0.5): Window {
  const span = w.to - w.from;
  const next = clampSpan(span / factor);
  const at = w.from + anchor * span;
  const from = at - anchor * next;
  return { from, to: from + next };
}

/** Moves the window by `fraction` of its width (positive: later). */
export function panBy(w: Window, fraction: number): Window {
  const d = (w.to - w.from) * fraction;
  return { from: w.from + d, to: w.to + d };
}

/** A window showing all of `extent` with a margin; a few weeks around a lone day. */
export function fitWindow(extent: [number, number] | null, now = Date.UTC(2016, 0, 1)): Window {
  if (!extent) return { from: now - 365 * DAY, to: now + 365 * DAY };
  const [lo, hi] = extent;
  const span = clampSpan((hi - lo) * 1.1 + 30 * DAY);
  const mid = (lo + hi) / 2;
  return { from: mid - span / 2, to: mid + span / 2 };
}

/** A window of `span` centred on `t` (to show one event). */
export function centreOn(w: Window, t: number, span = w.to - w.from): Window {
  const s = clampSpan(span);
  return { from: t - s / 2, to: t + s / 2 };
}

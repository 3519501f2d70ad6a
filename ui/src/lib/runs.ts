// Splits the reader's blocks into runs at every passage, match and date
// boundary, in one sweep over the sorted boundaries of the whole article:
// O(n log n) for n passages, however they overlap, and no DOM queries. A run
// knows the passages covering it (innermost, i.e. shortest, first) so it can
// draw their colours stacked and pick the innermost on click.
//
// The blocks passed in may be any subset of the article's (in text order):
// the reader splits only the blocks it has rendered, and the sweep still
// sees every edge before a block, so what covers it is right.

import type { CharSpan } from './bindings/CharSpan';
import type { Passage } from './bindings/Passage';
import type { DateMark } from './dates';
import { toUtf16 } from './offsets';

/**
 * `pending`: inside the selection waiting for a tag (the palette has focus,
 * so the browser no longer shows it). `date`: inside a recognised date.
 */
export type Run = { text: string; start: number; hit: boolean; pending: boolean; date: DateMark | null; passages: Passage[] };
export type BlockText = { text: string; start: number; end: number };

type Edge = { at: number; open: boolean; passage: Passage | null; kind: 'passage' | 'hit' | 'pending' | 'date'; date?: DateMark };

/** Runs of each block (blocks in text order, `end` exclusive, char offsets). */
export function splitRuns(
  blocks: BlockText[],
  passages: readonly Passage[],
  hits: readonly CharSpan[],
  pending: CharSpan | null = null,
  dates: readonly DateMark[] = [],
): Run[][] {
  const edges: Edge[] = [];
  // Only spans touching a block matter: the reader splits a few screens of
  // a long article, and sorting the edges of all its thousands of passages
  // on every change was most of the cost of a tagging round trip.
  const touches = overlapTest(blocks);
  for (const p of passages) {
    if (p.end <= p.start || p.status === 'orphaned' || !touches(p)) continue;
    edges.push({ at: p.start, open: true, passage: p, kind: 'passage' }, { at: p.end, open: false, passage: p, kind: 'passage' });
  }
  for (const h of hits) {
    if (h.end > h.start) edges.push({ at: h.start, open: true, passage: null, kind: 'hit' }, { at: h.end, open: false, passage: null, kind: 'hit' });
  }
  if (pending && pending.end > pending.start) {
    edges.push({ at: pending.start, open: true, passage: null, kind: 'pending' }, { at: pending.end, open: false, passage: null, kind: 'pending' });
  }
  for (const d of dates) {
    if (d.end > d.start && touches(d)) edges.push({ at: d.start, open: true, passage: null, kind: 'date', date: d }, { at: d.end, open: false, passage: null, kind: 'date', date: d });
  }
  // Closings first at a shared offset, so touching spans do not overlap.
  edges.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Set<Passage>();
  let hitDepth = 0;
  let inPending = false;
  // Dates never overlap one another (the recogniser says so).
  let date: DateMark | null = null;
  let i = 0;
  const apply = (e: Edge) => {
    if (e.kind === 'pending') inPending = e.open;
    else if (e.kind === 'date') date = e.open ? e.date! : date === e.date ? null : date;
    else if (e.kind === 'hit') hitDepth += e.open ? 1 : -1;
    else if (e.open) active.add(e.passage!);
    else active.delete(e.passage!);
  };
  const covering = () => [...active].sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  const state = () => ({ hit: hitDepth > 0, pending: inPending, date, passages: covering() });
  return blocks.map((block) => {
    while (i < edges.length && edges[i].at <= block.start) apply(edges[i++]);
    const cuts: number[] = [block.start];
    const states: Omit<Run, 'text' | 'start'>[] = [state()];
    while (i < edges.length && edges[i].at < block.end) {
      const at = edges[i].at;
      while (i < edges.length && edges[i].at === at) apply(edges[i++]);
      cuts.push(at);
      states.push(state());
    }
    const units = toUtf16(block.text, [...cuts.map((c) => c - block.start), block.end - block.start]);
    const runs: Run[] = [];
    for (let k = 0; k < cuts.length; k++) {
      const text = block.text.slice(units[k], units[k + 1]);
      if (text) runs.push({ text, start: cuts[k], ...states[k] });
    }
    return runs;
  });
}

/** Whether a span overlaps one of `blocks` (in text order, not overlapping): a binary search. */
function overlapTest(blocks: readonly BlockText[]): (span: CharSpan) => boolean {
  return (span) => {
    let lo = 0;
    let hi = blocks.length;
    // The first block ending after the span starts.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < blocks.length && blocks[lo].start < span.end;
  };
}

/**
 * Whether two splittings of a block draw the same: the reader keeps the old
 * array when nothing in a block changed, so only the changed block's runs
 * are diffed into the page. Passages compare by identity: the list the app
 * holds keeps its objects when one passage is added or replaced.
 */
export function sameRuns(a: readonly Run[] | undefined, b: readonly Run[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.start !== y.start || x.text !== y.text || x.hit !== y.hit || x.pending !== y.pending || x.date !== y.date) return false;
    if (x.passages.length !== y.passages.length || x.passages.some((p, i) => p !== y.passages[i])) return false;
  }
  return true;
}

// Splits the reader's blocks into runs at every passage and match boundary,
// in one sweep over the sorted boundaries of the whole article: O(n log n)
// for n passages, however they overlap, and no DOM queries. A run knows the
// passages covering it (innermost, i.e. shortest, first) so it can draw
// their colours stacked and pick the innermost on click.

import type { CharSpan } from './bindings/CharSpan';
import type { Passage } from './bindings/Passage';
import { toUtf16 } from './offsets';

/** `pending`: inside the selection waiting for a tag (the palette has focus, so the browser no longer shows it). */
export type Run = { text: string; start: number; hit: boolean; pending: boolean; passages: Passage[] };
export type BlockText = { text: string; start: number; end: number };

type Edge = { at: number; open: boolean; passage: Passage | null; pending?: boolean };

/** Runs of each block (blocks in text order, `end` exclusive, char offsets). */
export function splitRuns(
  blocks: BlockText[],
  passages: readonly Passage[],
  hits: readonly CharSpan[],
  pending: CharSpan | null = null,
): Run[][] {
  const edges: Edge[] = [];
  for (const p of passages) {
    if (p.end <= p.start || p.status === 'orphaned') continue;
    edges.push({ at: p.start, open: true, passage: p }, { at: p.end, open: false, passage: p });
  }
  for (const h of hits) {
    if (h.end > h.start) edges.push({ at: h.start, open: true, passage: null }, { at: h.end, open: false, passage: null });
  }
  if (pending && pending.end > pending.start) {
    edges.push({ at: pending.start, open: true, passage: null, pending: true }, { at: pending.end, open: false, passage: null, pending: true });
  }
  // Closings first at a shared offset, so touching passages do not overlap.
  edges.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Set<Passage>();
  let hitDepth = 0;
  let inPending = false;
  let i = 0;
  const apply = (e: Edge) => {
    if (e.pending) inPending = e.open;
    else if (e.passage === null) hitDepth += e.open ? 1 : -1;
    else if (e.open) active.add(e.passage);
    else active.delete(e.passage);
  };
  const covering = () => [...active].sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  return blocks.map((block) => {
    while (i < edges.length && edges[i].at <= block.start) apply(edges[i++]);
    const cuts: number[] = [block.start];
    const states: Omit<Run, 'text' | 'start'>[] = [{ hit: hitDepth > 0, pending: inPending, passages: covering() }];
    while (i < edges.length && edges[i].at < block.end) {
      const at = edges[i].at;
      while (i < edges.length && edges[i].at === at) apply(edges[i++]);
      cuts.push(at);
      states.push({ hit: hitDepth > 0, pending: inPending, passages: covering() });
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

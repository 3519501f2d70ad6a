// Turns an article's text and segments into what the reader shows: blocks of
// paragraphs, captions and bylines, with boilerplate gathered into groups the
// reader can fold away. The text itself is never altered, only cut, so match
// ranges (char offsets into the whole text) still land where they belong.

import type { CharSpan } from './bindings/CharSpan';
import type { Segment } from './bindings/Segment';
import type { SegmentKind } from './bindings/SegmentKind';
import type { Passage } from './bindings/Passage';
import { charLength, toUtf16 } from './offsets';
import { splitRuns, type Run } from './runs';

export type Block = { kind: SegmentKind; start: number; end: number; pieces: Run[] };

export type Group =
  | { boilerplate: false; blocks: Block[] }
  | { boilerplate: true; blocks: Block[]; hasHit: boolean };

/** A block before run splitting: its text, which the reader can show plain. */
export type TextBlock = { kind: SegmentKind; start: number; end: number; text: string };
export type TextGroup = { boilerplate: boolean; blocks: TextBlock[] };

const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/g;

/**
 * Blocks of `text` in reading order. `title` drops headline paragraphs that
 * only repeat the title already shown above the body (saved pages often
 * carry the headline twice).
 */
export function layoutBody(
  text: string,
  segments: readonly Segment[],
  highlights: readonly CharSpan[],
  title: string | null,
  passages: readonly Passage[] = [],
  pending: CharSpan | null = null,
): Group[] {
  const textGroups = layoutBlocks(text, segments, title);
  const order = inTextOrder(textGroups);
  const runs = splitRuns(order, passages, highlights, pending);
  const pieces = new Map(order.map((b, k) => [b, runs[k]]));
  return textGroups.map((g) => {
    const blocks = g.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, pieces: pieces.get(b)! }));
    return g.boilerplate
      ? { boilerplate: true, blocks, hasHit: blocks.some((b) => b.pieces.some((p) => p.hit)) }
      : { boilerplate: false, blocks };
  });
}

/**
 * The blocks of `text` in reading order, grouped for folding, without run
 * splitting: what the reader needs before it knows which blocks it shows.
 */
export function layoutBlocks(text: string, segments: readonly Segment[], title: string | null): TextGroup[] {
  const segs = segments.length > 0 ? segments : [{ kind: 'body' as const, start: 0, end: charLength(text) }];
  const bounds = toUtf16(text, segs.flatMap((s) => [s.start, s.end]));
  const groups: TextGroup[] = [];
  segs.forEach((seg, i) => {
    const segText = text.slice(bounds[2 * i], bounds[2 * i + 1]);
    const blocks = paragraphs(segText, seg.start)
      .filter((p) => !(seg.kind === 'headline' && repeats(p.text, title)))
      .map(({ text: t, start }) => ({ kind: seg.kind, start, end: start + charLength(t), text: t }));
    if (blocks.length === 0) return;
    const boilerplate = seg.kind === 'boilerplate';
    const last = groups[groups.length - 1];
    if (last && last.boilerplate === boilerplate) last.blocks.push(...blocks);
    else groups.push({ boilerplate, blocks });
  });
  return groups;
}

/** Every block of `groups`, sorted by start (segments may come out of order). */
export function inTextOrder<B extends { start: number }>(groups: readonly { blocks: B[] }[]): B[] {
  return groups.flatMap((g) => g.blocks).sort((a, b) => a.start - b.start);
}

/**
 * The blocks (sorted by start, not overlapping) that share at least one
 * char with one of `spans`: a binary search per span.
 */
export function blocksTouching<B extends { start: number; end: number }>(sorted: readonly B[], spans: readonly CharSpan[]): Set<B> {
  const out = new Set<B>();
  for (const s of spans) {
    for (let i = firstEndingAfter(sorted, s.start); i < sorted.length && sorted[i].start < s.end; i++) {
      if (s.end > s.start) out.add(sorted[i]);
    }
  }
  return out;
}

/** The block holding char `at`, or the next one after it. */
export function blockAt<B extends { start: number; end: number }>(sorted: readonly B[], at: number): B | null {
  return sorted[firstEndingAfter(sorted, at)] ?? null;
}

/** Index of the first block whose end lies after `at`. */
function firstEndingAfter(sorted: readonly { end: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function repeats(text: string, title: string | null): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return title !== null && norm(text) === norm(title);
}

/** Paragraphs of `text` (split at blank lines) with their char offsets. */
function paragraphs(text: string, base: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = 0; // UTF-16 position in `text`
  let chars = base; // char offset of `at` in the article
  const push = (end: number) => {
    const raw = text.slice(at, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: chars + charLength(raw.slice(0, lead)) });
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    push(m.index);
    const next = m.index + m[0].length;
    chars += charLength(text.slice(at, next));
    at = next;
  }
  push(text.length);
  return out;
}

/**
 * Chars the reader decorates before it has measured anything: ~25 lines of
 * ~90 chars, twice over, so the first frame after opening shows passages
 * where the reader looks; an IntersectionObserver does the rest.
 */
export const FIRST_SCREEN_CHARS = 5000;

/** Starts of the leading blocks (in text order) holding `chars` chars. */
export function firstScreen(ordered: readonly { start: number; end: number }[], chars: number): Set<number> {
  const out = new Set<number>();
  let total = 0;
  for (const b of ordered) {
    if (total >= chars) break;
    out.add(b.start);
    total += b.end - b.start;
  }
  return out;
}

/**
 * `blocks` cut into consecutive shelves of about √n blocks each (at least
 * 16), for the reader to wrap each shelf in its own element. A change inside
 * one paragraph makes WebKit lay out every child of each ancestor on the
 * way up: with the 1,000 paragraphs of a long article as siblings that was
 * 8-9 ms per new passage mark (about 8 µs a sibling, measured in the app on
 * the benchmark's dense article), with shelves of 32 it is 1 ms. The
 * shelves are plain blocks without margins or containment, so paragraph
 * margins collapse through them and the page looks the same.
 */
export function shelves<B>(blocks: readonly B[]): B[][] {
  const size = Math.max(16, Math.ceil(Math.sqrt(blocks.length)));
  const out: B[][] = [];
  for (let i = 0; i < blocks.length; i += size) out.push(blocks.slice(i, i + size));
  return out;
}

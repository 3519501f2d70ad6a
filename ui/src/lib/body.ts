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
  const segs = segments.length > 0 ? segments : [{ kind: 'body' as const, start: 0, end: charLength(text) }];
  const bounds = toUtf16(text, segs.flatMap((s) => [s.start, s.end]));
  const groups: Group[] = [];
  const texts: { text: string; start: number; end: number }[] = [];
  segs.forEach((seg, i) => {
    const segText = text.slice(bounds[2 * i], bounds[2 * i + 1]);
    const blocks = paragraphs(segText, seg.start)
      .filter((p) => !(seg.kind === 'headline' && repeats(p.text, title)))
      .map(({ text: t, start }) => {
        const end = start + charLength(t);
        texts.push({ text: t, start, end });
        return { kind: seg.kind, start, end, pieces: [] as Run[] };
      });
    if (blocks.length === 0) return;
    const boilerplate = seg.kind === 'boilerplate';
    const last = groups[groups.length - 1];
    if (last && last.boilerplate === boilerplate) last.blocks.push(...blocks);
    else if (boilerplate) groups.push({ boilerplate, blocks, hasHit: false });
    else groups.push({ boilerplate, blocks });
  });
  const blocks = groups.flatMap((g) => g.blocks);
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start);
  const runs = splitRuns(order.map((i) => texts[i]), passages, highlights, pending);
  order.forEach((bi, k) => (blocks[bi].pieces = runs[k]));
  for (const g of groups) {
    if (g.boilerplate) g.hasHit = g.blocks.some((b) => b.pieces.some((p) => p.hit));
  }
  return groups;
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

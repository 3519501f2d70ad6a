// Char offsets, as the core counts them (Unicode scalar values, Rust `char`s),
// and the UTF-16 code units JavaScript strings index by. They differ for
// every character outside the Basic Multilingual Plane (emoji, rare CJK), so
// every highlight range crosses this module before it touches a string.

import type { CharSpan } from './bindings/CharSpan';

/**
 * UTF-16 units of the char starting at unit `i`: 2 for a surrogate pair,
 * else 1 (a lone surrogate counts as a char, as `for…of` does). The loops
 * below step with it instead of `for…of`, which makes a string per char:
 * a selection deep in a 50,000-word article made some 300,000 of them
 * (about 1 ms, and work for the garbage collector on every selection).
 */
function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Number of chars (code points) in `text`. */
export function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += unitsAt(text, i)) n++;
  return n;
}

/** UTF-16 offset of char offset `ch` (clamped to the end of `text`). */
export function utf16OfChar(text: string, ch: number): number {
  let units = 0;
  for (let seen = 0; seen < ch && units < text.length; seen++) units += unitsAt(text, units);
  return units;
}

/** Char offset of UTF-16 offset `units`; inside a surrogate pair rounds down. */
export function charOfUtf16(text: string, units: number): number {
  let chars = 0;
  for (let i = 0; i < text.length; chars++) {
    i += unitsAt(text, i);
    if (i > units) return chars;
  }
  return chars;
}

/** The part of `text` between two char offsets. */
export function sliceChars(text: string, start: number, end: number): string {
  const [a, b] = toUtf16(text, [start, end]);
  return text.slice(a, b);
}

/**
 * UTF-16 offsets of several char offsets in one pass over `text`.
 * `offsets` may come in any order; the result keeps that order.
 */
export function toUtf16(text: string, offsets: number[]): number[] {
  const order = offsets.map((_, i) => i).sort((x, y) => offsets[x] - offsets[y]);
  const out = new Array<number>(offsets.length);
  let k = 0;
  let chars = 0;
  let units = 0;
  while (units < text.length && k < order.length) {
    while (k < order.length && offsets[order[k]] <= chars) out[order[k++]] = units;
    chars++;
    units += unitsAt(text, units);
  }
  while (k < order.length) out[order[k++]] = units;
  return out;
}

/** A run of text, marked when it lies inside a match. */
export type Piece = { text: string; hit: boolean };

/**
 * Splits `text`, which starts at char offset `base` of an article, into
 * marked and unmarked pieces for `spans` (char offsets into the article).
 * Spans outside the text are clipped; overlapping spans merge.
 */
export function markRanges(text: string, base: number, spans: readonly CharSpan[]): Piece[] {
  const len = charLength(text);
  const local = spans
    .map((s) => [Math.max(0, s.start - base), Math.min(len, s.end - base)] as const)
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of local) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  if (merged.length === 0) return text ? [{ text, hit: false }] : [];
  const units = toUtf16(text, merged.flat());
  const pieces: Piece[] = [];
  let at = 0;
  for (let i = 0; i < units.length; i += 2) {
    const [a, b] = [units[i], units[i + 1]];
    if (a > at) pieces.push({ text: text.slice(at, a), hit: false });
    pieces.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}

/**
 * The article char offset of a DOM position `(node, offset)` inside the
 * reader. Blocks carry `data-start`/`data-end` (char offsets of their text
 * in the article) and hold nothing but that text, split over text nodes;
 * `offset` counts UTF-16 units in a text node and children in an element.
 * A position outside every block (between paragraphs, on a heading) snaps to
 * the start of the next block, or to the end of the last one.
 */
export function charOfPoint(root: Element, node: Node, offset: number): number | null {
  const blockOf = (n: Node | null) =>
    (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>('[data-start]') ?? null;
  const block = blockOf(node);
  if (block && root.contains(block)) return Number(block.dataset.start) + charsBefore(block, node, offset);
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  if (blocks.length === 0) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  for (const b of blocks) {
    if (point.comparePoint(b, 0) >= 0) return Number(b.dataset.start);
  }
  return Number(blocks[blocks.length - 1].dataset.end);
}

/** Chars of `block`'s text before the DOM position `(node, offset)`. */
function charsBefore(block: Element, node: Node, offset: number): number {
  let chars = 0;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  // An element position means "before its offset-th child": the first text
  // node at or after that child is where to stop.
  let stopAt: Node | null = null;
  if (node.nodeType !== Node.TEXT_NODE) {
    const child = node.childNodes[offset] ?? null;
    if (child === null) {
      // After the last child: everything inside `node` counts.
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (node.contains(t) || precedes(t, node)) chars += charLength((t as Text).data);
      }
      return chars;
    }
    stopAt = child;
  }
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return chars + charOfUtf16((t as Text).data, offset);
    if (stopAt && (stopAt === t || stopAt.contains(t) || precedes(stopAt, t))) return chars;
    chars += charLength((t as Text).data);
  }
  return chars;
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !a.contains(b);
}

/** The char span of a DOM range inside the reader, or `null` when empty. */
export function spanOfRange(root: Element, range: Range): CharSpan | null {
  const start = charOfPoint(root, range.startContainer, range.startOffset);
  const end = charOfPoint(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

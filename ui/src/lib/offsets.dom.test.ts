import { describe, expect, it } from 'vitest';
import { charOfPoint, sliceChars, spanOfRange } from './offsets';

// Two blocks as the reader renders them: the text split over several nodes
// (passage spans, a search mark), offsets in data-start/data-end.
const TEXT = 'Café 😀 met\n\n東京 \u{FFFD} talks 🎉 end';
const P2 = Array.from(TEXT).indexOf('東');

function reader(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    `<p data-start="0" data-end="${P2 - 2}">Caf<span>é 😀</span> met</p>` +
    `<p data-start="${P2}" data-end="${Array.from(TEXT).length}">東京 <mark>\u{FFFD}</mark> talks <span>🎉</span> end</p>`;
  document.body.append(root);
  return root;
}

function textNode(el: Element, n: number): Text {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let t = walker.nextNode();
  for (let i = 0; i < n; i++) t = walker.nextNode();
  return t as Text;
}

describe('DOM positions to char offsets', () => {
  it('counts an emoji inside a nested node as one char', () => {
    const root = reader();
    const p1 = root.children[0];
    // "é 😀" is the second text node; UTF-16 offset 4 is just after the emoji.
    expect(charOfPoint(root, textNode(p1, 1), 4), '"Caf" + "é 😀" is 6 chars').toBe(6);
    expect(charOfPoint(root, textNode(p1, 2), 1), 'the space after the emoji').toBe(7);
  });

  it('maps a selection across paragraphs to the exact article slice', () => {
    const root = reader();
    const [p1, p2] = root.children;
    const range = document.createRange();
    range.setStart(textNode(p1, 1), 0); // before "é"
    range.setEnd(textNode(p2, 2), 6); // after " talks" (UTF-16 units in " talks ")
    const span = spanOfRange(root, range)!;
    expect(sliceChars(TEXT, span.start, span.end), 'the quote spans the paragraph break, U+FFFD and CJK').toBe(
      'é 😀 met\n\n東京 \u{FFFD} talks',
    );
  });

  it('resolves element positions and points between blocks', () => {
    const root = reader();
    const p2 = root.children[1];
    const emojiSpan = p2.querySelector('span')!;
    expect(charOfPoint(root, emojiSpan, 1), 'after the 🎉 element child').toBe(
      Array.from(TEXT).indexOf('🎉') + 1,
    );
    expect(charOfPoint(root, root, 1), 'between the blocks snaps to the next block').toBe(P2);
    expect(charOfPoint(root, root, 2), 'after the last block snaps to its end').toBe(Array.from(TEXT).length);
  });

  it('maps selections across and between shelves (the reader wraps runs of blocks in divs)', () => {
    const flat = reader();
    const root = document.createElement('div');
    const [p1, p2] = [...flat.children];
    for (const p of [p1, p2]) {
      const shelf = document.createElement('div');
      shelf.append(p);
      root.append(shelf);
    }
    document.body.append(root);
    const range = document.createRange();
    range.setStart(textNode(p1, 1), 0);
    range.setEnd(textNode(p2, 2), 6);
    const span = spanOfRange(root, range)!;
    expect(sliceChars(TEXT, span.start, span.end), 'the same slice as without shelves').toBe('é 😀 met\n\n東京 \u{FFFD} talks');
    expect(charOfPoint(root, root.children[0], 1), 'after the first shelf snaps to the next block').toBe(P2);
    expect(charOfPoint(root, root.children[1], 0), 'the start of the second shelf is its first block').toBe(P2);
    expect(charOfPoint(root, root, 2), 'after the last shelf snaps to the end').toBe(Array.from(TEXT).length);
  });
});

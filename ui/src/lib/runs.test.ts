import { describe, expect, it } from 'vitest';
import type { Passage } from './bindings/Passage';
import { sameRuns, splitRuns } from './runs';

function passage(id: number, start: number, end: number): Passage {
  return { id, article_id: 1, start, end, quote: '', tags: [], note: '', status: 'anchored', version: 1, created_at: '', modified_at: '' };
}

describe('splitRuns', () => {
  const text = 'one 😀 two three';
  const block = { text, start: 10, end: 10 + Array.from(text).length };

  it('cuts at every boundary of overlapping and nested passages', () => {
    // Article offsets: "one"=10..13, "😀"=14, "two"=16..19, "three"=20..25.
    const outer = passage(1, 10, 19); // "one 😀 two"
    const inner = passage(2, 14, 15); // "😀"
    const across = passage(3, 16, 25); // "two three"
    const [runs] = splitRuns([block], [outer, inner, across], []);
    expect(runs.map((r) => [r.text, r.passages.map((p) => p.id)]), 'each run lists its passages innermost first').toEqual([
      ['one ', [1]],
      ['😀', [2, 1]],
      [' ', [1]],
      ['two', [3, 1]], // equal lengths: the later start counts as inner
      [' three', [3]],
    ]);
    expect(runs.map((r) => r.text).join(''), 'the runs rebuild the text exactly').toBe(text);
  });

  it('carries passages across blocks and marks search hits', () => {
    const second = { text: 'next para', start: 40, end: 49 };
    const long = passage(1, 20, 44); // "three" … "next"
    const runs = splitRuns([block, second], [long], [{ start: 45, end: 49 }]);
    expect(runs[1].map((r) => [r.text, r.passages.length, r.hit]), 'the passage continues into the next block').toEqual([
      ['next', 1, false],
      [' ', 0, false],
      ['para', 0, true],
    ]);
  });

  it('marks the pending selection without counting it as a search hit', () => {
    const [runs] = splitRuns([block], [], [], { start: 16, end: 19 });
    expect(runs.map((r) => [r.text, r.pending, r.hit]), 'only "two" waits for a tag').toEqual([
      ['one 😀 ', false, false],
      ['two', true, false],
      [' three', false, false],
    ]);
  });

  it('splits 2,000 passages over a long text quickly', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `word${i % 97}`).join(' ');
    const len = words.length;
    const blocks = Array.from({ length: 500 }, (_, i) => {
      const start = Math.floor((i * len) / 500);
      const end = Math.floor(((i + 1) * len) / 500);
      return { text: words.slice(start, end), start, end };
    });
    const ps = Array.from({ length: 2000 }, (_, i) => passage(i, (i * 137) % (len - 400), ((i * 137) % (len - 400)) + 20 + (i % 300)));
    const t0 = performance.now();
    const runs = splitRuns(blocks, ps, []);
    const ms = performance.now() - t0;
    expect(runs.flat().map((r) => r.text).join(''), 'no text is lost').toBe(words);
    expect(ms, `one sweep, not passages × blocks (took ${ms.toFixed(1)} ms)`).toBeLessThan(300);
  });
});

describe('splitRuns with dates and a subset of blocks', () => {
  const text = 'one 😀 two three';
  const block = { text, start: 10, end: 10 + Array.from(text).length };
  const date = { start: 16, end: 25, title: 'x', resolved: true }; // "two three"

  it('marks a date across a passage boundary in both runs', () => {
    const p: Passage = { id: 1, article_id: 1, start: 10, end: 19, quote: '', tags: [], note: '', status: 'anchored', version: 1, created_at: '', modified_at: '' };
    const [runs] = splitRuns([block], [p], [], null, [date]);
    expect(runs.map((r) => [r.text, r.date !== null, r.passages.length])).toEqual([
      ['one 😀 ', false, 1],
      ['two', true, 1],
      [' three', true, 0],
    ]);
  });

  it('splits a later block alone as it would among all blocks', () => {
    const first = { text: 'aaaa', start: 0, end: 4 };
    const later = { text: 'bbbb', start: 6, end: 10 };
    const p: Passage = { id: 1, article_id: 1, start: 2, end: 8, quote: '', tags: [], note: '', status: 'anchored', version: 1, created_at: '', modified_at: '' };
    expect(splitRuns([later], [p], []), 'a passage opened in an unrendered block still covers').toEqual(splitRuns([first, later], [p], []).slice(1));
  });
});

describe('splitting only what the reader shows', () => {
  const blocks = [
    { text: 'aaaa', start: 0, end: 4 },
    { text: 'cccc', start: 20, end: 24 },
  ];
  it('ignores spans between and beyond the blocks, keeps spans reaching into them', () => {
    const between = passage(1, 6, 18);
    const beyond = passage(2, 30, 40);
    const into = passage(3, 10, 22);
    const runs = splitRuns(blocks, [between, beyond, into], []);
    expect(runs[1].map((r) => [r.text, r.passages.map((p) => p.id)]), 'only the passage reaching into the block').toEqual([
      ['cc', [3]],
      ['cc', []],
    ]);
    expect(runs, 'the same runs as with only the passage that touches').toEqual(splitRuns(blocks, [into], []));
  });

  it('tells an unchanged splitting from a changed one', () => {
    const p = passage(1, 1, 3);
    const [a] = splitRuns(blocks, [p], []);
    const [b] = splitRuns(blocks, [p], []);
    expect(sameRuns(a, b), 'the same passages draw the same').toBe(true);
    expect(sameRuns(a, splitRuns(blocks, [p, passage(2, 2, 3)], [])[0]), 'a new passage changes the block').toBe(false);
    expect(sameRuns(a, splitRuns(blocks, [{ ...p }], [])[0]), 'a replaced passage (new tags) changes it').toBe(false);
    expect(sameRuns(a, splitRuns(blocks, [p], [], { start: 0, end: 1 })[0]), 'so does the pending mark').toBe(false);
    expect(sameRuns(undefined, b), 'nothing drawn before').toBe(false);
  });
});

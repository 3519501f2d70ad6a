import { describe, expect, it } from 'vitest';
import { blockAt, blocksTouching, firstScreen, inTextOrder, layoutBlocks, layoutBody, shelves } from './body';

describe('layoutBody', () => {
  const text = 'Talks in Sochi\n\nTalks  in Sochi\n\nKerry 😀 met Putin.\n\nSecond para.\nShare this!\nPhoto: Kerry in Sochi';
  const at = (s: string) => Array.from(text).length - Array.from(text.slice(text.indexOf(s))).length;
  const segments = [
    { kind: 'headline' as const, start: 0, end: at('Kerry 😀') },
    { kind: 'body' as const, start: at('Kerry 😀'), end: at('Share') },
    { kind: 'boilerplate' as const, start: at('Share'), end: at('Photo') },
    { kind: 'caption' as const, start: at('Photo'), end: Array.from(text).length },
  ];

  it('drops a headline that repeats the title and splits paragraphs', () => {
    const groups = layoutBody(text, segments, [], 'Talks in Sochi');
    expect(groups.length, 'body, boilerplate, caption form three groups').toBe(3);
    expect(
      groups[0].blocks.map((b) => b.pieces.map((p) => p.text).join('')),
      'the body splits at the blank line; the repeated headline is gone',
    ).toEqual(['Kerry 😀 met Putin.', 'Second para.']);
    expect(groups[1].boilerplate, 'boilerplate is grouped on its own, for folding').toBe(true);
    expect(groups[2].blocks[0].kind, 'captions keep their kind for styling').toBe('caption');
  });

  it('marks matches after an emoji at the right chars', () => {
    const start = at('Putin');
    const groups = layoutBody(text, segments, [{ start, end: start + 5 }], 'Talks in Sochi');
    const hits = groups.flatMap((g) => g.blocks.flatMap((b) => b.pieces.filter((p) => p.hit)));
    expect(hits.map((p) => p.text), 'the char span covers exactly "Putin"').toEqual(['Putin']);
  });

  it('flags a boilerplate group that holds a match so it can open itself', () => {
    const start = at('Share');
    const groups = layoutBody(text, segments, [{ start, end: start + 5 }], null);
    const boiler = groups.find((g) => g.boilerplate);
    expect(boiler && boiler.boilerplate && boiler.hasHit, 'a hidden match must not stay hidden').toBe(true);
  });
});

describe('layoutBlocks and block lookup', () => {
  const text = 'Para one.\n\nPara two 😀.\n\nPara three.';
  const blocks = inTextOrder(layoutBlocks(text, [], null));

  it('keeps each block’s own text, which the reader can show before splitting it', () => {
    expect(blocks.map((b) => [b.start, b.end, b.text]), 'char offsets count the emoji as one').toEqual([
      [0, 9, 'Para one.'],
      [11, 22, 'Para two 😀.'],
      [24, 35, 'Para three.'],
    ]);
  });

  it('finds the blocks a span touches and the block at an offset', () => {
    const starts = (s: Set<{ start: number }>) => [...s].map((b) => b.start);
    expect(starts(blocksTouching(blocks, [{ start: 5, end: 12 }])), 'a span across the break touches both').toEqual([0, 11]);
    expect(starts(blocksTouching(blocks, [{ start: 9, end: 11 }])), 'the gap between blocks touches none').toEqual([]);
    expect(starts(blocksTouching(blocks, [{ start: 30, end: 30 }])), 'an empty span touches none').toEqual([]);
    expect(blockAt(blocks, 20)?.start).toBe(11);
    expect(blockAt(blocks, 10)?.start, 'between blocks: the next one').toBe(11);
    expect(blockAt(blocks, 99), 'past the end: none').toBeNull();
  });
});

describe('firstScreen', () => {
  it('takes leading blocks until the budget is spent', () => {
    const blocks = [0, 100, 200, 300].map((start) => ({ start, end: start + 90 }));
    expect([...firstScreen(blocks, 150)], 'the block that crosses the budget is included').toEqual([0, 100]);
    expect([...firstScreen(blocks, 10_000)]).toEqual([0, 100, 200, 300]);
  });
});

describe('shelves', () => {
  const n = (k: number) => Array.from({ length: k }, (_, i) => i);
  it('keeps every block once, in order', () => {
    for (const k of [0, 1, 15, 16, 17, 1000, 1001]) expect(shelves(n(k)).flat(), `${k} blocks`).toEqual(n(k));
  });
  it('cuts about √n blocks a shelf, never fewer than 16', () => {
    expect(shelves(n(10)).map((s) => s.length), 'a short article is one shelf').toEqual([10]);
    expect(shelves(n(40)).map((s) => s.length)).toEqual([16, 16, 8]);
    const long = shelves(n(1000));
    expect(long.length, '1,000 paragraphs').toBe(32);
    expect(Math.max(...long.map((s) => s.length))).toBe(32);
    expect(shelves(n(10_000)).length, 'a very long one still has ~√n shelves').toBe(100);
  });
  it('has no empty shelf', () => {
    expect(shelves([])).toEqual([]);
    expect(shelves(n(33)).every((s) => s.length > 0)).toBe(true);
  });
});

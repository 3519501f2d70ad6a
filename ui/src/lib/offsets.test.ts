import { describe, expect, it } from 'vitest';
import { charLength, charOfUtf16, markRanges, sliceChars, utf16OfChar } from './offsets';

// The same sample as crates/core/src/text.rs, so both sides agree on offsets.
const SAMPLE = 'détente, a tête-à-tête “here” \u{FFFD} 😀 東京 end';

describe('char offsets', () => {
  it('counts an emoji as one char but two UTF-16 units', () => {
    const emoji = Array.from(SAMPLE).indexOf('😀');
    expect(utf16OfChar(SAMPLE, emoji + 1), 'the emoji adds two units').toBe(
      utf16OfChar(SAMPLE, emoji) + 2,
    );
    expect(charOfUtf16(SAMPLE, utf16OfChar(SAMPLE, emoji + 1)), 'round trip after the emoji').toBe(
      emoji + 1,
    );
    expect(
      charOfUtf16(SAMPLE, utf16OfChar(SAMPLE, emoji) + 1),
      'an offset inside the surrogate pair rounds down to the emoji',
    ).toBe(emoji);
    expect(charLength(SAMPLE), 'length in chars is what Array.from sees').toBe(
      Array.from(SAMPLE).length,
    );
  });

  it('slices accents and CJK after an emoji by char offsets', () => {
    const chars = Array.from(SAMPLE);
    const tokyo = chars.indexOf('東');
    expect(sliceChars(SAMPLE, tokyo, tokyo + 2), 'chars after the emoji stay aligned').toBe('東京');
    expect(sliceChars(SAMPLE, 0, 7), 'precomposed accents are one char each').toBe('détente');
  });

  it('marks ranges given in article offsets inside a snippet', () => {
    const snippetStart = 100;
    const snippet = 'a 😀 Кремль and 東京 talks';
    const chars = Array.from(snippet);
    const kremlin = chars.indexOf('К');
    const tokyo = chars.indexOf('東');
    const pieces = markRanges(snippet, snippetStart, [
      { start: snippetStart + tokyo, end: snippetStart + tokyo + 2 },
      { start: snippetStart + kremlin, end: snippetStart + kremlin + 6 },
      // Starts before the snippet: only its visible tail is marked.
      { start: snippetStart - 5, end: snippetStart + 1 },
    ]);
    expect(
      pieces.filter((p) => p.hit).map((p) => p.text),
      'each span marks exactly its chars, in text order, despite the emoji before them',
    ).toEqual(['a', 'Кремль', '東京']);
    expect(pieces.map((p) => p.text).join(''), 'pieces put back together give the snippet').toBe(
      snippet,
    );
  });

  it('merges overlapping spans and drops empty ones', () => {
    const pieces = markRanges('abcdef', 0, [
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 5, end: 5 },
    ]);
    expect(pieces, 'overlaps become one mark; an empty span marks nothing').toEqual([
      { text: 'a', hit: false },
      { text: 'bcd', hit: true },
      { text: 'ef', hit: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { charLength, charOfUtf16, markRanges, sliceChars, toUtf16, utf16OfChar } from './offsets';

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

describe('char offsets agree with for…of on any string', () => {
  // Reference versions with for…of (what the loops replaced), on strings
  // mixing ASCII, accents, CJK, U+FFFD, emoji and lone surrogates.
  const ref = {
    length: (t: string) => Array.from(t).length,
    utf16Of: (t: string, ch: number) => Array.from(t).slice(0, ch).join('').length,
  };
  const alphabet = ['a', ' ', 'é', '東', '\u{FFFD}', '😀', '🎉', '\uD800', '\uDC00', '\n'];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  it('on 300 random strings', () => {
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      const n = ref.length(text);
      expect(charLength(text), JSON.stringify(text)).toBe(n);
      const chs = [0, rand(n + 1), rand(n + 1), n, n + 3];
      expect(toUtf16(text, chs)).toEqual(chs.map((c) => ref.utf16Of(text, c)));
      for (const c of chs) expect(utf16OfChar(text, c)).toBe(ref.utf16Of(text, c));
      for (let u = 0; u <= text.length; u++) {
        // The char whose units contain u (a position inside a pair rounds down).
        const expected = Array.from(text).findIndex((_, k) => ref.utf16Of(text, k + 1) > u);
        expect(charOfUtf16(text, u)).toBe(expected === -1 ? n : expected);
      }
    }
  });
});

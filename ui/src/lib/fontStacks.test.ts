import { describe, expect, it } from 'vitest';
import { installed, stack, type Measure } from './fontStacks';

/** A machine whose fonts are `have` (family → width); generics have widths of their own. */
function machine(have: Record<string, number>): Measure {
  const generic: Record<string, number> = { monospace: 10, serif: 20, 'sans-serif': 30 };
  return (font) => {
    const names = font.replace(/^72px /, '').split(', ').map((f) => f.replace(/"/g, ''));
    for (const n of names) if (n in have) return have[n];
    return generic[names.at(-1)!];
  };
}

describe('font stacks', () => {
  it('keeps the installed families, in order, before the generic family', () => {
    const m = machine({ Cantarell: 31, 'Noto Sans': 33 });
    expect(stack(['system-ui', 'Segoe UI', 'Cantarell', 'Noto Sans'], 'sans-serif', 'monospace', m)).toBe('"Cantarell", "Noto Sans", sans-serif');
  });

  it('counts a family that is an alias of a generic one as installed', () => {
    // system-ui drawn as the machine's sans-serif: as wide as sans-serif, not as monospace.
    const m = machine({ 'system-ui': 30 });
    expect(installed('system-ui', 'monospace', m)).toBe(true);
    expect(stack(['system-ui', '-apple-system'], 'sans-serif', 'monospace', m)).toBe('system-ui, sans-serif');
  });

  it('falls back to the generic family alone when none is installed', () => {
    expect(stack(['Iowan Old Style', 'Charter'], 'serif', 'monospace', machine({}))).toBe('serif');
  });
});

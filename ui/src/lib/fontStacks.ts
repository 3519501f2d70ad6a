// The app's font stacks, cut down to the families this machine has.
//
// WebKitGTK asks fontconfig for every named family of a stack, in order,
// each time a new font (family list, size, weight, features) is first used,
// and a family that is not installed costs a full fontconfig match: with
// the stacks of app.css on a machine without Segoe UI, Ubuntu, Cantarell…,
// 10-12 ms per new size or weight, measured. The first search results or
// the first timeline of a session use half a dozen new ones at once (44 ms
// of the first keystroke's layout). Measuring each family once at start-up
// and keeping only those present makes a new font cost 1-2 ms.

/**
 * Named families to try, best first; the generic family always ends the
 * stack; `against` is a generic family of another kind, which an installed
 * family never matches in width.
 */
export const STACKS = {
  sans: { families: ['system-ui', '-apple-system', 'Segoe UI', 'Ubuntu', 'Cantarell', 'Noto Sans'], generic: 'sans-serif', against: 'monospace' },
  serif: { families: ['Iowan Old Style', 'Charter', 'Source Serif Pro', 'Noto Serif', 'Georgia'], generic: 'serif', against: 'monospace' },
  mono: { families: ['ui-monospace', 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono'], generic: 'monospace', against: 'serif' },
} as const;

const SAMPLE = 'mmmmmmmmmmlli WW 0123456789';

/** Width of `SAMPLE` in a CSS `font` shorthand, as the page would draw it. */
export type Measure = (font: string) => number;

/** CSS name of a family: keywords as they are, names quoted. */
function cssFamily(family: string): string {
  return family === 'system-ui' || family === 'ui-monospace' || family.startsWith('-') ? family : `"${family}"`;
}

/**
 * Whether `family` is drawn with a font of its own: with the generic
 * `against` behind it, text is as wide as in `against` alone only when the
 * family is missing (the usual test; one measurement per family, since
 * each lookup of a missing family is the cost this module saves later).
 */
export function installed(family: string, against: string, measure: Measure): boolean {
  return measure(`72px ${cssFamily(family)}, ${against}`) !== measure(`72px ${against}`);
}

/** The stack `families` + `generic` as CSS, without the families not installed. */
export function stack(families: readonly string[], generic: string, against: string, measure: Measure): string {
  return [...families.filter((f) => installed(f, against, measure)).map(cssFamily), generic].join(', ');
}

/**
 * Sets `--sans`, `--serif` and `--mono` on `root` to the installed part of
 * each stack. Leaves app.css's full stacks where text cannot be measured.
 */
export function applyFontStacks(root: HTMLElement = document.documentElement) {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext?.('2d');
  if (!ctx) return;
  const widths = new Map<string, number>();
  const measure: Measure = (font) => {
    let w = widths.get(font);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(SAMPLE).width;
      widths.set(font, w);
    }
    return w;
  };
  const t0 = performance.now();
  for (const [name, { families, generic, against }] of Object.entries(STACKS)) {
    root.style.setProperty(`--${name}`, stack(families, generic, against, measure));
  }
  performance.measure?.('parley:font-stacks', { start: t0 });
}

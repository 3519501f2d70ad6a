// What the tag palette offers for a typed filter: matching tags (names that
// start with it first), then "create" when no tag has exactly that name.

import type { CodebookEntry } from './bindings/CodebookEntry';

export type PaletteItem = { kind: 'tag'; tag: CodebookEntry } | { kind: 'create'; name: string };

export function paletteItems(codebook: readonly CodebookEntry[], query: string): PaletteItem[] {
  const q = query.trim().toLowerCase();
  const matches = codebook
    .filter((t) => t.name.toLowerCase().includes(q))
    .sort((a, b) => {
      const pa = a.name.toLowerCase().startsWith(q) ? 0 : 1;
      const pb = b.name.toLowerCase().startsWith(q) ? 0 : 1;
      return pa - pb || (a.shortcut ?? 99) - (b.shortcut ?? 99) || a.name.localeCompare(b.name);
    });
  const items: PaletteItem[] = matches.map((tag) => ({ kind: 'tag', tag }));
  if (q && !codebook.some((t) => t.name.toLowerCase() === q)) items.push({ kind: 'create', name: query.trim() });
  return items;
}

/** The tag bound to shortcut key `key` ('1'–'9'), if any. */
export function tagForKey(codebook: readonly CodebookEntry[], key: string): CodebookEntry | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  return codebook.find((t) => t.shortcut === Number(key));
}

// The codebook as an indented list: each tag after its parent, siblings by name.

import type { CodebookEntry } from './bindings/CodebookEntry';

export function tagTree(entries: readonly CodebookEntry[]): { tag: CodebookEntry; depth: number }[] {
  const children = new Map<number | null, CodebookEntry[]>();
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    const parent = e.parent !== null && ids.has(e.parent) ? e.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const out: { tag: CodebookEntry; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const tag of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ tag, depth });
      visit(tag.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

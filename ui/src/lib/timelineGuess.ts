// A first guess at an event added by hand: the people and the place the
// selected passage names, by the library's entity aliases. The researcher
// checks and corrects it in the details panel.

import type { Entity } from './bindings/Entity';
import type { EventPatch } from './bindings/EventPatch';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `alias` occurs in `text` as a whole word (names are matched case-sensitively). */
function find(text: string, alias: string): number {
  const m = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(alias)}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  return m ? m.index + m[1].length : -1;
}

export function guessFields(quote: string, entities: Entity[]): EventPatch {
  const people: { name: string; at: number }[] = [];
  let place: { name: string; at: number } | null = null;
  for (const e of entities) {
    if (e.kind === 'organisation') continue;
    const at = Math.min(...e.aliases.concat(e.name).map((a) => find(quote, a)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    if (e.kind === 'person') people.push({ name: e.name, at });
    // The place of a meeting follows "in" or "at"; a country named in passing is not it.
    else if (/\b(in|at)\s+$/i.test(quote.slice(0, at)) && (!place || at < place.at)) place = { name: e.name, at };
  }
  const patch: EventPatch = {};
  if (people.length) patch.participants = people.sort((a, b) => a.at - b.at).map((p) => p.name);
  if (place) patch.place = place.name;
  return patch;
}

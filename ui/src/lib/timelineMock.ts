// Timeline events and entities for `MockBackend`, in memory, and a generator
// of large timelines for the performance test. Edits follow the core's rules
// closely enough for the UI (merge unions evidence and participants, split
// moves evidence to a new event, delete hides), and each is one undo step.

import type { Entity } from './bindings/Entity';
import type { EventPatch } from './bindings/EventPatch';
import type { Evidence } from './bindings/Evidence';
import type { TimelineEvent } from './bindings/TimelineEvent';
import { KINDS, STATUSES } from './timelineFilter';

type State = { events: TimelineEvent[]; entities: Entity[]; nextId: number };

const notFound = (what: string) => ({ code: 'not_found', message: `${what} not found` });
const invalid = (message: string) => ({ code: 'invalid_input', message });

export class MockTimeline {
  s: State;
  #undo: { what: string; before: State }[] = [];
  #redo: { what: string; before: State }[] = [];

  constructor(events: TimelineEvent[] = [], entities: Entity[] = []) {
    this.s = { events, entities, nextId: Math.max(0, ...events.map((e) => e.id), ...entities.map((e) => e.id)) + 1 };
  }

  /** Runs `change` as one undoable step. */
  #step<T>(what: string, change: () => T): T {
    const before = structuredClone(this.s);
    const out = change();
    this.#undo.push({ what, before });
    this.#redo = [];
    return structuredClone(out);
  }

  undo(): string | null {
    const step = this.#undo.pop();
    if (!step) return null;
    this.#redo.push({ what: step.what, before: structuredClone(this.s) });
    this.s = step.before;
    return step.what;
  }

  redo(): string | null {
    const step = this.#redo.pop();
    if (!step) return null;
    this.#undo.push({ what: step.what, before: structuredClone(this.s) });
    this.s = step.before;
    return step.what;
  }

  event(id: number): TimelineEvent {
    const e = this.s.events.find((x) => x.id === id);
    if (!e) throw notFound(`event ${id}`);
    return e;
  }

  timeline(): TimelineEvent[] {
    return structuredClone(this.s.events);
  }

  confirm(id: number) {
    return this.#step(`confirm event ${id}`, () => Object.assign(this.event(id), { confirmed: true }));
  }

  edit(id: number, p: EventPatch) {
    return this.#step(`edit event ${id}`, () => {
      const e = this.event(id);
      if (p.kind) e.kind = p.kind;
      if (p.status) e.status = p.status;
      if (p.date !== undefined) e.date = p.date.trim() || null;
      if (p.place !== undefined) e.place = p.place.trim() || null;
      if (p.participants) e.participants = p.participants;
      if (e.origin === 'extracted') e.origin = 'edited';
      return e;
    });
  }

  remove(id: number) {
    this.event(id);
    this.#step(`delete event ${id}`, () => (this.s.events = this.s.events.filter((e) => e.id !== id)));
  }

  merge(into: number, from: number) {
    if (into === from) throw invalid('an event cannot be merged with itself');
    return this.#step(`merge event ${from} into event ${into}`, () => {
      const a = this.event(into);
      const b = this.event(from);
      a.evidence = [...a.evidence, ...b.evidence];
      a.participants = [...new Set([...a.participants, ...b.participants])];
      a.date ??= b.date;
      a.place ??= b.place;
      this.s.events = this.s.events.filter((e) => e.id !== from);
      return a;
    });
  }

  split(id: number, moved: number[]) {
    const e = this.event(id);
    if (moved.length === 0 || moved.length >= e.evidence.length) {
      throw invalid(`give the indexes of some but not all of the event's ${e.evidence.length} evidence passages`);
    }
    return this.#step(`split event ${id}`, () => {
      const out = { ...structuredClone(e), id: this.s.nextId++, origin: 'manual' as const };
      out.evidence = e.evidence.filter((_, i) => moved.includes(i));
      e.evidence = e.evidence.filter((_, i) => !moved.includes(i));
      this.s.events.push(out);
      return out;
    });
  }

  add(evidence: Evidence, p: EventPatch) {
    return this.#step(`add an event from article ${evidence.article_id}`, () => {
      const e: TimelineEvent = {
        id: this.s.nextId++,
        kind: p.kind ?? 'meeting',
        status: p.status ?? 'held',
        date: p.date?.trim() || null,
        place: p.place?.trim() || null,
        participants: p.participants ?? [],
        evidence: [evidence],
        confirmed: true,
        origin: 'manual',
      };
      this.s.events.push(e);
      return e;
    });
  }

  entities(): Entity[] {
    return structuredClone(this.s.entities);
  }

  entity(id: number): Entity {
    const e = this.s.entities.find((x) => x.id === id);
    if (!e) throw notFound(`entity ${id}`);
    return e;
  }

  rename(id: number, name: string) {
    if (!name.trim()) throw invalid('an entity needs a name');
    return this.#step(`rename entity ${id} to ${name}`, () => Object.assign(this.entity(id), { name: name.trim() }));
  }

  mergeEntities(into: number, from: number) {
    return this.#step(`merge entity ${from} into entity ${into}`, () => {
      const a = this.entity(into);
      const b = this.entity(from);
      if (a.kind !== b.kind) throw invalid('only entities of one kind merge');
      a.aliases = [...new Set([...a.aliases, ...b.aliases])].sort();
      a.mentions += b.mentions;
      this.s.entities = this.s.entities.filter((e) => e.id !== from);
      return a;
    });
  }

  /** Keys are the folded aliases (lower case, as the core folds them). */
  keys(id: number): string[] {
    return this.entity(id).aliases.map((a) => a.toLowerCase());
  }

  splitEntity(id: number, keys: string[], name: string) {
    const e = this.entity(id);
    const moved = e.aliases.filter((a) => keys.includes(a.toLowerCase()));
    if (moved.length === 0 || moved.length === e.aliases.length) throw invalid('give some but not all of the keys');
    return this.#step(`split entity ${id}`, () => {
      e.aliases = e.aliases.filter((a) => !moved.includes(a));
      const out: Entity = { id: this.s.nextId++, name, kind: e.kind, aliases: moved, mentions: 0 };
      this.s.entities.push(out);
      return out;
    });
  }
}

/** A deterministic pseudo-random sequence (mulberry32), so generated timelines repeat. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` events over ten years, among 120 people and 40 places; a tenth undated, a tenth by month only. */
export function generateEvents(n: number, seed = 7): TimelineEvent[] {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const people = Array.from({ length: 120 }, (_, i) => `Person ${i + 1}`);
  const places = Array.from({ length: 40 }, (_, i) => `City ${i + 1}`);
  const start = Date.UTC(2008, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(start + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const roll = r();
    return {
      id: i + 1,
      kind: pick(KINDS),
      status: pick(STATUSES),
      date: roll < 0.1 ? null : roll < 0.2 ? day.slice(0, 7) : day,
      place: r() < 0.15 ? null : pick(places),
      participants: [...new Set([pick(people), pick(people), ...(r() < 0.3 ? [pick(people)] : [])])],
      evidence: [{ article_id: 1 + (i % 50), start: 0, end: 10, quote: `Event ${i + 1} was reported.` }],
      confirmed: r() < 0.2,
      origin: 'extracted',
    };
  });
}

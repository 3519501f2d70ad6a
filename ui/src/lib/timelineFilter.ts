// Which events the timeline shows: filters by participant, place, kind and
// status, and the choices each filter offers (with counts) for the sidebar.

import type { EventKind } from './bindings/EventKind';
import type { EventStatus } from './bindings/EventStatus';
import type { TimelineEvent } from './bindings/TimelineEvent';

export const KINDS: EventKind[] = ['meeting', 'talks', 'visit', 'call', 'summit'];
export const STATUSES: EventStatus[] = ['held', 'planned', 'cancelled'];

/**
 * Empty lists filter nothing. Participants must all take part (who met
 * whom); places, kinds and statuses match any of the chosen ones.
 */
export type TimelineFilter = {
  participants: string[];
  places: string[];
  kinds: EventKind[];
  statuses: EventStatus[];
};

export const NO_FILTER: TimelineFilter = { participants: [], places: [], kinds: [], statuses: [] };

/** The place filter's stand-in for events without a place. */
export const NO_PLACE = '(no place)';

export function isFiltering(f: TimelineFilter): boolean {
  return f.participants.length + f.places.length + f.kinds.length + f.statuses.length > 0;
}

export function matches(e: TimelineEvent, f: TimelineFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(e.kind)) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(e.status)) return false;
  if (f.places.length > 0 && !f.places.includes(e.place ?? NO_PLACE)) return false;
  return f.participants.every((p) => e.participants.includes(p));
}

export function applyFilter(events: TimelineEvent[], f: TimelineFilter): TimelineEvent[] {
  return isFiltering(f) ? events.filter((e) => matches(e, f)) : events;
}

export type Facet = { name: string; count: number };

/** Names with the number of events each appears in, most frequent first. */
export function facets(events: TimelineEvent[], of: 'participants' | 'places'): Facet[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    const names = of === 'participants' ? e.participants : [e.place ?? NO_PLACE];
    for (const n of new Set(names)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** `list` with `item` added, or removed when it is already there. */
export function toggled<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

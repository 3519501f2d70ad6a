// How an event looks on the timeline: a shape and a colour per kind (shape
// alone tells kinds apart for colour-blind readers and in print), hollow
// when planned, struck through when cancelled or postponed.

import type { EventKind } from './bindings/EventKind';
import type { EventStatus } from './bindings/EventStatus';

/** Mid-tone colours that read on both the light and the dark theme. */
export const KIND_COLOURS: Record<EventKind, string> = {
  meeting: '#3a78d8',
  talks: '#8d5cd6',
  visit: '#1e9a6a',
  call: '#d9822b',
  summit: '#d04657',
};

export const KIND_LABELS: Record<EventKind, string> = {
  meeting: 'Meeting',
  talks: 'Talks',
  visit: 'Visit',
  call: 'Call',
  summit: 'Summit',
};

export const STATUS_LABELS: Record<EventStatus, string> = {
  held: 'Held',
  planned: 'Planned',
  cancelled: 'Cancelled or postponed',
};

/** An SVG path of radius `r` centred on 0,0. */
export function markerPath(kind: EventKind, r = 6): string {
  const f = (n: number) => +n.toFixed(2);
  switch (kind) {
    case 'meeting':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'talks': {
      const s = f(r * 0.85);
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case 'visit': {
      const h = f(r * 1.1);
      return `M0,${-h}L${f(h * 0.95)},${f(h * 0.75)}H${f(-h * 0.95)}Z`;
    }
    case 'call': {
      const d = f(r * 1.15);
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
    case 'summit': {
      // A five-pointed star.
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? r * 1.25 : r * 0.55;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        pts.push(`${f(rad * Math.cos(a))},${f(rad * Math.sin(a))}`);
      }
      return `M${pts.join('L')}Z`;
    }
  }
}

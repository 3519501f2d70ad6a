// The timeline's cache (issue 8): opening the tab with nothing changed
// paints from memory, a change marks the data stale, a stale tab paints the
// cached chart at once and swaps the fresh events in, and the entities (the
// slowest command in a large library) load only for what shows them.

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AppModel } from './model.svelte';
import { MockBackend } from './mockBackend';
import { MockTimeline } from './timelineMock';
import { SOCHI } from './testing/fixtures';
import type { TimelineEvent } from './bindings/TimelineEvent';
import type { Entity } from './bindings/Entity';
import { Theme } from './theme.svelte';
import App from '../App.svelte';

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const ev = (id: number, date: string, place: string): TimelineEvent => ({
  id,
  kind: 'meeting',
  status: 'held',
  date,
  place,
  participants: ['John Kerry'],
  evidence: [{ article_id: SOCHI.id, start: 0, end: 18, quote: 'Kerry 😀 met Putin' }],
  confirmed: false,
  origin: 'extracted',
});

const EVENTS = [ev(1, '2014-04-17', 'Geneva'), ev(2, '2014-10-13', 'Paris'), ev(3, '2015-05-12', 'Sochi')];
const ENTITIES: Entity[] = [
  { id: 10, name: 'John Kerry', kind: 'person', aliases: ['John Kerry', 'Kerry'], mentions: 47 },
  { id: 12, name: 'Sochi', kind: 'place', aliases: ['Sochi'], mentions: 3 },
];

async function setup() {
  const backend = new MockBackend([structuredClone(SOCHI)]);
  backend.timelineData = new MockTimeline(structuredClone(EVENTS), structuredClone(ENTITIES));
  const model = new AppModel(backend);
  render(App, { model, theme: new Theme(document.documentElement, window.localStorage) });
  await waitFor(() => expect(model.loaded).toBe(true));
  const count = (method: string) => backend.calls.filter((c) => c.method === method).length;
  return { backend, model, count };
}

const markerIds = () => screen.queryAllByTestId('timeline-marker').map((m) => Number(m.getAttribute('data-event-id'))).sort();
const tab = (name: 'library' | 'timeline') => fireEvent.click(screen.getByTestId(`tab-${name}`));

/** Holds the backend's `timeline` answers until `release()`. */
function holdTimeline(backend: MockBackend) {
  const real = backend.timeline.bind(backend);
  const held: (() => void)[] = [];
  backend.timeline = () => new Promise((resolve) => held.push(() => void real().then(resolve)));
  return {
    waiting: () => held.length,
    release() {
      held.splice(0).forEach((go) => go());
    },
  };
}

describe('timeline cache', () => {
  it('opening the tab again with nothing changed loads nothing, and the entities never load for the chart', async () => {
    const { count } = await setup();
    expect(count('timeline'), 'nothing loads before the tab first shows').toBe(0);
    await tab('timeline');
    await waitFor(() => expect(markerIds()).toEqual([1, 2, 3]));
    for (let i = 0; i < 3; i++) {
      await tab('library');
      await tab('timeline');
      // Painted from memory: the markers are there in the same task as the click.
      expect(markerIds()).toEqual([1, 2, 3]);
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(count('timeline'), 'one load for four opens').toBe(1);
    expect(count('entities'), 'the chart and its filters need no entities').toBe(0);
  });

  it('soon after start-up the events load in the background, so the first visit paints from memory', async () => {
    const { count } = await setup();
    await waitFor(() => expect(count('timeline')).toBe(1), { timeout: 3000 });
    await tab('timeline');
    expect(markerIds()).toEqual([1, 2, 3]);
    await new Promise((r) => setTimeout(r, 20));
    expect(count('timeline')).toBe(1);
    expect(count('entities')).toBe(0);
  });

  it('a change made off the tab (undo) reloads on the next open, painting the cached chart first', async () => {
    const { backend, model, count } = await setup();
    await tab('timeline');
    await waitFor(() => expect(markerIds()).toEqual([1, 2, 3]));
    await model.timeline.remove(3);
    expect(markerIds(), 'an edit reloads at once').toEqual([1, 2]);
    await tab('library');
    const before = count('timeline');
    await model.ann.undo();
    expect(count('timeline'), 'undo off the tab only marks the events stale').toBe(before);

    const hold = holdTimeline(backend);
    await tab('timeline');
    expect(markerIds(), 'the cached chart paints while the reload runs').toEqual([1, 2]);
    await waitFor(() => expect(hold.waiting()).toBe(1));
    hold.release();
    await waitFor(() => expect(markerIds(), 'the fresh events swap in').toEqual([1, 2, 3]));
  });

  it('a change while the tab shows reloads at once; every reload hook marks the events stale', async () => {
    const { model, count } = await setup();
    await tab('timeline');
    await waitFor(() => expect(markerIds()).toEqual([1, 2, 3]));
    await model.timeline.remove(1);
    await waitFor(() => expect(markerIds()).toEqual([2, 3]));
    await model.ann.undo();
    expect(markerIds(), 'undo on the tab reloads it').toEqual([1, 2, 3]);

    // Imports and date edits call the same hook.
    await tab('library');
    const before = count('timeline');
    await model.timeline.reload();
    await tab('library');
    await tab('timeline');
    await waitFor(() => expect(count('timeline')).toBe(before + 1));
  });

  it('the entities load when the entity list first shows, and again only after a change', async () => {
    const { backend, model, count } = await setup();
    await tab('timeline');
    await waitFor(() => expect(markerIds()).toEqual([1, 2, 3]));
    expect(screen.getByTestId('timeline-section-entities').textContent?.trim(), 'no count before they load').toBe('Entities');
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    await waitFor(() => expect(screen.getAllByTestId('entity-row').length).toBe(1));
    expect(count('entities')).toBe(1);
    await fireEvent.click(screen.getByTestId('timeline-section-filters'));
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    expect(screen.getAllByTestId('entity-row').length, 'shown from memory').toBe(1);
    expect(count('entities')).toBe(1);

    // A rename reloads the list it was made in.
    await fireEvent.click(screen.getAllByTestId('entity-row')[0]);
    await fireEvent.input(screen.getByTestId('entity-name'), { target: { value: 'J. Kerry' } });
    await fireEvent.click(screen.getByTestId('entity-rename'));
    await waitFor(() => expect(screen.getAllByTestId('entity-row')[0].textContent).toContain('J. Kerry'));
    expect(backend.timelineData.entity(10).name).toBe('J. Kerry');
    expect(count('entities')).toBe(2);

    // Undone while the list is hidden: reloaded when it shows again, not before.
    await fireEvent.click(screen.getByTestId('timeline-section-filters'));
    await model.ann.undo();
    expect(count('entities')).toBe(2);
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    await waitFor(() => expect(screen.getAllByTestId('entity-row')[0].textContent).toContain('John Kerry'));
    expect(count('entities')).toBe(3);

    // An event edit reloads the events, not the entities it cannot change.
    const events = count('timeline');
    expect(await model.timeline.edit(1, { place: 'Bern' })).toBe(true);
    expect(count('timeline')).toBe(events + 1);
    expect(count('entities')).toBe(3);
  });

  it('the entity list renders only the rows in view of 20,000', async () => {
    const { backend, count } = await setup();
    backend.timelineData = new MockTimeline(
      structuredClone(EVENTS),
      Array.from({ length: 20_000 }, (_, i): Entity => ({ id: 100 + i, name: `Person ${i}`, kind: 'person', aliases: [`Person ${i}`], mentions: 1 })),
    );
    await tab('timeline');
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    await waitFor(() => expect(screen.getAllByTestId('entity-row').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('entity-row').length).toBeLessThan(40);
    expect(screen.getByTestId('entity-rows').querySelector('[role="option"]')?.getAttribute('aria-setsize')).toBe('20000');
    expect(count('entities')).toBe(1);
  });
});

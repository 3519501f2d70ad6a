import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AppModel } from '../model.svelte';
import { MockBackend } from '../mockBackend';
import { MockTimeline, generateEvents } from '../timelineMock';
import { SOCHI, UNDATED } from '../testing/fixtures';
import type { TimelineEvent } from '../bindings/TimelineEvent';
import type { Entity } from '../bindings/Entity';
import { Theme } from '../theme.svelte';
import App from '../../App.svelte';
import TagPalette from './TagPalette.svelte';

// jsdom has no layout, hence no ResizeObserver (used by bind:clientWidth):
// the chart keeps its default size.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const ev = (id: number, date: string | null, place: string | null, participants: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  kind: 'meeting',
  status: 'held',
  date,
  place,
  participants,
  evidence: [{ article_id: SOCHI.id, start: 0, end: 18, quote: 'Kerry 😀 met Putin' }],
  confirmed: false,
  origin: 'extracted',
  ...extra,
});

const EVENTS = [
  ev(1, '2014-04-17', 'Geneva', ['John Kerry', 'Victoria Nuland']),
  ev(2, '2014-10-13', 'Paris', ['John Kerry', 'Sergey Lavrov'], { status: 'planned' }),
  ev(3, '2015-05-12', 'Sochi', ['John Kerry', 'Vladimir Putin'], {
    kind: 'visit',
    evidence: [
      { article_id: SOCHI.id, start: 0, end: 18, quote: 'Kerry 😀 met Putin' },
      { article_id: SOCHI.id, start: 40, end: 60, quote: 'The talks in Sochi l' },
    ],
  }),
  ev(4, null, 'Milan', ['Vladimir Putin'], { kind: 'talks' }),
];

const ENTITIES: Entity[] = [
  { id: 10, name: 'John Kerry', kind: 'person', aliases: ['John Kerry', 'Kerry'], mentions: 47 },
  { id: 11, name: 'Vladimir Putin', kind: 'person', aliases: ['Putin', 'Vladimir Putin'], mentions: 27 },
  { id: 12, name: 'Sochi', kind: 'place', aliases: ['Sochi'], mentions: 3 },
];

async function setup(events = EVENTS) {
  const backend = new MockBackend([structuredClone(SOCHI), structuredClone(UNDATED)]);
  backend.timelineData = new MockTimeline(structuredClone(events), structuredClone(ENTITIES));
  const model = new AppModel(backend);
  const theme = new Theme(document.documentElement, window.localStorage);
  render(App, { model, theme });
  await waitFor(() => expect(model.loaded).toBe(true));
  await fireEvent.click(screen.getByTestId('tab-timeline'));
  await waitFor(() => expect(model.timeline.loaded, 'opening the tab loads the timeline').toBe(true));
  return { backend, model };
}

/** The entity list's row for entity `id`, once the entities have loaded. */
const entityRow = (id: number) =>
  waitFor(() => screen.getAllByTestId('entity-row').find((r) => r.getAttribute('data-entity-id') === String(id))!);

const markerIds = () => screen.queryAllByTestId('timeline-marker').map((m) => Number(m.getAttribute('data-event-id')));

describe('timeline tab', () => {
  it('shows a marker per dated event, and the undated ones apart', async () => {
    await setup();
    await waitFor(() => expect(markerIds().sort()).toEqual([1, 2, 3]));
    expect(screen.getByTestId('timeline-count').textContent).toMatch(/3 dated events, 1 undated/);
    await fireEvent.click(screen.getByTestId('timeline-section-undated'));
    expect(screen.getAllByTestId('undated-event').map((e) => e.getAttribute('data-event-id'))).toEqual(['4']);
  });

  it('a participant filter narrows the markers to their events', async () => {
    await setup();
    await waitFor(() => expect(markerIds().length).toBe(3));
    const putin = screen.getAllByTestId('filter-participant').find((c) => c.getAttribute('data-name') === 'Vladimir Putin')!;
    await fireEvent.click(putin);
    await waitFor(() => expect(markerIds(), 'only the Sochi visit has Putin and a date').toEqual([3]));
    await fireEvent.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(markerIds().length).toBe(3));
  });

  it('a click shows the details with every passage; a passage opens the reader there, highlighted', async () => {
    const { model } = await setup();
    await waitFor(() => expect(markerIds()).toContain(3));
    await fireEvent.click(screen.getAllByTestId('timeline-marker').find((m) => m.getAttribute('data-event-id') === '3')!);
    const details = await screen.findByTestId('event-details');
    expect(within(details).getByTestId('event-participants').textContent).toBe('John Kerry, Vladimir Putin');
    const quotes = within(details).getAllByTestId('evidence-quote');
    expect(quotes.length, 'both passages are listed').toBe(2);
    expect(quotes[0].textContent, 'with their article’s title and outlet').toMatch(/Kerry meets Putin in Sochi[\s\S]*Russia Direct/);
    await fireEvent.click(quotes[1]);
    await waitFor(() => expect(screen.getByTestId('reader')).toBeTruthy());
    expect(model.highlights, 'the passage is what the reader marks').toEqual([{ start: 40, end: 60 }]);
    await fireEvent.click(screen.getByTestId('back-to-timeline'));
    expect(screen.getByTestId('timeline-chart')).toBeTruthy();
  });

  it('confirm, then Ctrl+Z undoes it and the panel shows the event as it was', async () => {
    const { backend } = await setup();
    await waitFor(() => expect(markerIds()).toContain(1));
    await fireEvent.click(screen.getAllByTestId('timeline-marker').find((m) => m.getAttribute('data-event-id') === '1')!);
    await fireEvent.click(await screen.findByTestId('event-confirm'));
    await screen.findByTestId('event-confirmed');
    expect(backend.timelineData.event(1).confirmed).toBe(true);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.queryByTestId('event-confirmed'), 'undo reloads the timeline').toBeNull());
    expect(backend.timelineData.event(1).confirmed).toBe(false);
  });

  it('an undated event gets a date from the list and joins the chart', async () => {
    const { backend } = await setup();
    await fireEvent.click(screen.getByTestId('timeline-section-undated'));
    const input = screen.getByTestId('undated-date');
    await fireEvent.input(input, { target: { value: '2015-13-01' } });
    expect((screen.getByTestId('undated-set') as HTMLButtonElement).disabled, 'an impossible month cannot be saved').toBe(true);
    await fireEvent.input(input, { target: { value: '2015-06' } });
    await fireEvent.click(screen.getByTestId('undated-set'));
    await waitFor(() => expect(markerIds()).toContain(4));
    expect(backend.calls.find((c) => c.method === 'editEvent')?.args).toEqual([4, { date: '2015-06' }]);
  });

  it('the edit form checks the date and sends only what changed', async () => {
    const { backend } = await setup();
    await waitFor(() => expect(markerIds()).toContain(2));
    await fireEvent.click(screen.getAllByTestId('timeline-marker').find((m) => m.getAttribute('data-event-id') === '2')!);
    await fireEvent.click(await screen.findByTestId('event-edit'));
    const date = screen.getByTestId('edit-date');
    await fireEvent.input(date, { target: { value: 'next Tuesday' } });
    expect(screen.getByTestId('edit-date-help').textContent).toMatch(/TIMEX3/);
    expect((screen.getByTestId('edit-save') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(date, { target: { value: '2014-10-15' } });
    await fireEvent.change(screen.getByTestId('edit-status'), { target: { value: 'held' } });
    await fireEvent.click(screen.getByTestId('edit-save'));
    await waitFor(() => expect(screen.getByTestId('event-date').textContent).toMatch(/15 Oct 2014/));
    expect(backend.calls.find((c) => c.method === 'editEvent')?.args).toEqual([2, { status: 'held', date: '2014-10-15' }]);
  });

  it('split moves the ticked passages to a new event; delete asks first', async () => {
    const { backend, model } = await setup();
    await waitFor(() => expect(markerIds()).toContain(3));
    model.timeline.select(3);
    await fireEvent.click(await screen.findByTestId('event-split'));
    await fireEvent.click(screen.getAllByTestId('split-pick')[1]);
    await fireEvent.click(screen.getByTestId('split-apply'));
    await waitFor(() => expect(screen.queryByTestId('split-apply'), 'the split is done and its box closed').toBeNull());
    expect(backend.timelineData.timeline().length).toBe(5);
    expect(backend.calls.find((c) => c.method === 'splitEvent')?.args).toEqual([3, [1]]);
    await fireEvent.click(screen.getByTestId('event-delete'));
    expect(backend.timelineData.timeline().length, 'nothing is deleted before the confirmation').toBe(5);
    await fireEvent.click(screen.getByTestId('delete-apply'));
    await waitFor(() => expect(backend.timelineData.timeline().map((e) => e.id)).not.toContain(3));
  });

  it('entities can be renamed from the list', async () => {
    const { backend } = await setup();
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    const row = await entityRow(11);
    await fireEvent.click(row);
    await fireEvent.input(screen.getByTestId('entity-name'), { target: { value: 'Vladimir V. Putin' } });
    await fireEvent.click(screen.getByTestId('entity-rename'));
    await waitFor(() => expect(backend.timelineData.entity(11).name).toBe('Vladimir V. Putin'));
  });

  it('entities merge (same kind only offered) and split by spelling', async () => {
    const { backend } = await setup();
    await fireEvent.click(screen.getByTestId('timeline-section-entities'));
    await fireEvent.click(await entityRow(10));
    const from = screen.getByTestId('entity-merge-from') as HTMLSelectElement;
    expect([...from.options].map((o) => o.textContent), 'only people are offered to merge into a person').toEqual([
      'Merge another into this…',
      'Vladimir Putin (27)',
    ]);
    await fireEvent.click(screen.getByTestId('entity-split-open'));
    await waitFor(() => expect(screen.getAllByTestId('entity-split-key').length).toBe(2));
    await fireEvent.click(screen.getAllByTestId('entity-split-key')[1]);
    await fireEvent.input(screen.getByTestId('entity-split-name'), { target: { value: 'Someone Kerry' } });
    await fireEvent.click(screen.getByTestId('entity-split'));
    await waitFor(() => expect(backend.timelineData.entities().map((e) => e.name)).toContain('Someone Kerry'));
    expect(backend.calls.find((c) => c.method === 'splitEntity')?.args).toEqual([10, ['kerry'], 'Someone Kerry']);
  });

  it('the keyboard zooms, pans and fits the chart', async () => {
    const { model } = await setup();
    await waitFor(() => expect(markerIds().length).toBe(3));
    const svg = screen.getByRole('application');
    const range = () => screen.getByTestId('timeline-range').textContent;
    const fitted = range();
    const span = () => model.timeline.window!.to - model.timeline.window!.from;
    const before = span();
    await fireEvent.keyDown(svg, { key: '+' });
    expect(span(), '+ zooms in').toBeLessThan(before);
    const from = model.timeline.window!.from;
    await fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(model.timeline.window!.from, '→ pans to later').toBeGreaterThan(from);
    await fireEvent.keyDown(svg, { key: '0' });
    expect(range(), '0 fits every event again').toBe(fitted);
  });

  it('with 2,000 events only the visible window is rendered, stacked, and a zoom step re-renders fast', async () => {
    await setup(generateEvents(2000));
    await waitFor(() => expect(screen.queryAllByTestId('timeline-cluster').length).toBeGreaterThan(0));
    const shown = () => screen.queryAllByTestId('timeline-marker').length + screen.queryAllByTestId('timeline-cluster').length;
    expect(shown(), 'far fewer marker elements than events').toBeLessThan(600);
    // Layout plus Svelte's DOM update per step, in jsdom (slower than a webview).
    const svg = screen.getByRole('application');
    const steps = 20;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) await fireEvent.keyDown(svg, { key: i < 10 ? '+' : 'ArrowLeft' });
    const perStep = (performance.now() - t0) / steps;
    console.info(`timeline chart, 2,000 events: ${perStep.toFixed(1)} ms per zoom/pan step in jsdom (${shown()} marker elements)`);
    expect(perStep, 'a step stays interactive even in jsdom').toBeLessThan(100);
  });
});

describe('add an event from a selection', () => {
  it('the tag palette’s action adds the passage as an event, with the people and place it names', async () => {
    const backend = new MockBackend([structuredClone(SOCHI)]);
    backend.timelineData = new MockTimeline([], structuredClone(ENTITIES));
    const model = new AppModel(backend);
    await model.open(SOCHI.id);
    model.ann.pending = { articleId: SOCHI.id, start: 0, end: 27, quote: 'Kerry 😀 met Putin in Sochi', x: 10, y: 10 };
    render(TagPalette, { model, span: model.ann.pending });
    await fireEvent.click(screen.getByTestId('add-event-from-selection'));
    await waitFor(() => expect(model.timeline.events.length).toBe(1));
    expect(backend.calls.find((c) => c.method === 'addEvent')?.args).toEqual([
      SOCHI.id,
      { start: 0, end: 27 },
      { participants: ['John Kerry', 'Vladimir Putin'], place: 'Sochi' },
    ]);
    expect(model.timeline.selectedId, 'the new event opens in the details panel').toBe(model.timeline.events[0].id);
    expect(model.ann.tab).toBe('timeline');
  });
});

// The timeline side of the app's state: events and entities, the filter,
// the lane mode, the visible window and the selected event. Every edit goes
// through the backend (one undo step each) and then reloads events and
// entities; undo/redo reload them too (see `Annotations.undo`).

import type { AppModel } from './model.svelte';
import type { Entity } from './bindings/Entity';
import type { EventPatch } from './bindings/EventPatch';
import type { Evidence } from './bindings/Evidence';
import type { TimelineEvent } from './bindings/TimelineEvent';
import { applyFilter, NO_FILTER, type TimelineFilter } from './timelineFilter';
import { buildLayout, centreOn, fitWindow, type LaneMode, type Window } from './timelineLayout';
import { timexSpan } from './timelineDates';
import { guessFields } from './timelineGuess';

export class TimelineModel {
  // Raw: replaced wholesale on every load and read in the layout's loops.
  events = $state.raw<TimelineEvent[]>([]);
  entities = $state.raw<Entity[]>([]);
  loaded = $state(false);
  filter = $state.raw<TimelineFilter>(NO_FILTER);
  laneMode = $state<LaneMode>('place');
  /** The visible time window; `null` until the first layout fits it to the events. */
  window = $state.raw<Window | null>(null);
  selectedId = $state<number | null>(null);
  /** The events of a clicked cluster, listed in the details panel. */
  cluster = $state.raw<number[] | null>(null);
  /** Whether the reader stands in for the chart (after an evidence quote was opened). */
  reading = $state(false);

  visible = $derived(applyFilter(this.events, this.filter));
  layout = $derived(buildLayout(this.visible, this.laneMode));
  selected = $derived(this.events.find((e) => e.id === this.selectedId) ?? null);

  #seq = 0;

  constructor(private readonly app: AppModel) {}

  async load() {
    const seq = ++this.#seq;
    // User Timing marks for tests/perf (issue 8): the IPC part of opening the tab.
    performance.mark?.('parley:timeline-load');
    try {
      const [events, entities] = await Promise.all([this.app.backend.timeline(), this.app.backend.entities()]);
      performance.mark?.('parley:timeline-loaded');
      if (seq !== this.#seq) return;
      this.events = events;
      this.entities = entities;
      this.loaded = true;
    } catch (e) {
      this.app.fail('Loading the timeline', e);
    }
  }

  /** Reloads after a change made elsewhere (undo, import), if the timeline was ever shown. */
  async reload() {
    if (this.loaded) await this.load();
  }

  /** Runs an edit, reports a failure, and reloads either way. */
  async #change<T>(context: string, run: () => Promise<T>): Promise<T | undefined> {
    let out: T | undefined;
    try {
      out = await run();
    } catch (e) {
      this.app.fail(context, e);
    }
    await this.load();
    return out;
  }

  /** Selects an event and, when it is dated and off screen, brings it into view. */
  select(id: number | null, reveal = false) {
    this.selectedId = id;
    if (id === null || !reveal) return;
    const e = this.events.find((x) => x.id === id);
    const span = e?.date ? timexSpan(e.date) : null;
    const w = this.window;
    if (span && w && (span.start > w.to || span.end < w.from)) this.window = centreOn(w, (span.start + span.end) / 2);
  }

  fit() {
    this.window = fitWindow(this.layout.extent);
  }

  /** Opens an evidence passage in the reader, highlighted, in place of the chart. */
  async openEvidence(ev: Evidence) {
    this.reading = true;
    await this.app.open(ev.article_id, [{ start: ev.start, end: ev.end }]);
  }

  async confirm(id: number) {
    if (await this.#change('Confirming the event', () => this.app.backend.confirmEvent(id))) {
      this.app.ann.notify('Event confirmed');
    }
  }

  async edit(id: number, patch: EventPatch): Promise<boolean> {
    return (await this.#change('Saving the event', () => this.app.backend.editEvent(id, patch))) !== undefined;
  }

  async remove(id: number) {
    const ok = await this.#change('Deleting the event', async () => (await this.app.backend.deleteEvent(id), true));
    if (ok) {
      if (this.selectedId === id) this.selectedId = null;
      this.app.ann.notify('Event deleted (Ctrl+Z brings it back)');
    }
  }

  async merge(into: number, from: number) {
    const e = await this.#change('Merging the events', () => this.app.backend.mergeEvents(into, from));
    if (e) this.selectedId = e.id;
  }

  async split(id: number, evidence: number[]) {
    const e = await this.#change('Splitting the event', () => this.app.backend.splitEvent(id, evidence));
    if (e) this.app.ann.notify(`The ${evidence.length === 1 ? 'passage is' : 'passages are'} now event ${e.id}`);
    return e;
  }

  /** Adds an event from the passage selected in the reader, guessing who and where from the entities in it. */
  async addFromSelection() {
    const span = this.app.ann.pending;
    if (!span) {
      this.app.ann.notify('Select the passage that reports the event first');
      return;
    }
    this.app.ann.pending = null;
    window.getSelection?.()?.removeAllRanges();
    if (!this.loaded) await this.load();
    const patch = guessFields(span.quote, this.entities);
    const e = await this.#change('Adding the event', () =>
      this.app.backend.addEvent(span.articleId, { start: span.start, end: span.end }, patch),
    );
    if (!e) return;
    this.selectedId = e.id;
    this.cluster = null;
    // The reader stays in view; the new event opens in the details panel.
    this.reading = true;
    this.app.ann.tab = 'timeline';
    this.app.ann.notify('Event added: give it a date and check its fields');
  }

  async renameEntity(id: number, name: string) {
    return (await this.#change('Renaming the entity', () => this.app.backend.renameEntity(id, name))) !== undefined;
  }

  async mergeEntities(into: number, from: number) {
    return (await this.#change('Merging the entities', () => this.app.backend.mergeEntities(into, from))) !== undefined;
  }

  async splitEntity(id: number, keys: string[], name: string) {
    return (await this.#change('Splitting the entity', () => this.app.backend.splitEntity(id, keys, name))) !== undefined;
  }

  async entityKeys(id: number): Promise<string[]> {
    try {
      return await this.app.backend.entityKeys(id);
    } catch (e) {
      this.app.fail('Loading the spellings', e);
      return [];
    }
  }
}

// The timeline side of the app's state: events and entities, the filter,
// the lane mode, the visible window and the selected event. Every edit goes
// through the backend (one undo step each) and then reloads what it may
// have changed.
//
// Loading is lazy and cached (issue 8): the events load when the tab first
// shows and stay in memory; every path that changes events or entities
// (edits here, undo/redo, imports, a new published date) calls `reload()`,
// which marks them stale and reloads at once only what is on screen. A tab
// opened with nothing changed paints from memory; a stale one paints the
// cached chart at once and swaps the fresh events in when they arrive. The
// first load runs in the background soon after start-up (`prefetch`).
// Entities (20,000 in a large library, the slowest command) load only for
// what needs them: the entity list and editor, the event form's
// suggestions, guessing an added event's fields.

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
  /** Whether the events were loaded at least once (they may be stale since). */
  loaded = $state(false);
  /** Whether the entities were loaded at least once. */
  entitiesLoaded = $state(false);
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
  #entitySeq = 0;
  // Set by `reload()`, cleared when a load that started after it answers.
  #eventsStale = true;
  #entitiesStale = true;
  // How many mounted views show the events / need the entities.
  #shown = 0;
  #entityUsers = 0;
  // The entities' load under way, awaited by callers that need them.
  #entityLoad: Promise<void> | null = null;

  constructor(private readonly app: AppModel) {}

  /**
   * A view showing the events mounts: loads them if never loaded or stale
   * (not awaited by the view: the cached chart paints meanwhile). Returns the
   * cleanup for the view's unmount.
   */
  show(): () => void {
    this.#shown++;
    if (this.#eventsStale) void this.load();
    return () => void this.#shown--;
  }

  /**
   * Once the library is on screen: loads the events in the background after
   * `delay` ms if nothing loaded them yet, so that even the first visit of
   * the tab paints from memory (2,000 events are under 1 MB).
   */
  prefetch(delay = 1500) {
    setTimeout(() => {
      if (!this.loaded && this.#eventsStale && this.#shown === 0) void this.load();
    }, delay);
  }

  /** A view needing the entities mounts: loads them if never loaded or stale. */
  useEntities(): () => void {
    this.#entityUsers++;
    if (this.#entitiesStale) void this.loadEntities();
    return () => void this.#entityUsers--;
  }

  /** Loads the events now, even if fresh; a later load supersedes an earlier one still under way. */
  load(): Promise<void> {
    const seq = ++this.#seq;
    // Whatever changes after this point needs another load.
    this.#eventsStale = false;
    // User Timing marks for tests/perf (issue 8): the IPC part of opening the tab.
    performance.mark?.('parley:timeline-load');
    return (async () => {
      try {
        const events = await this.app.backend.timeline();
        performance.mark?.('parley:timeline-loaded');
        if (seq !== this.#seq) return;
        this.events = events;
        this.loaded = true;
      } catch (e) {
        if (seq === this.#seq) this.#eventsStale = true;
        this.app.fail('Loading the timeline', e);
      }
    })();
  }

  /** Loads the entities, even if fresh. */
  loadEntities(): Promise<void> {
    const seq = ++this.#entitySeq;
    this.#entitiesStale = false;
    const run = (async () => {
      try {
        const entities = await this.app.backend.entities();
        if (seq !== this.#entitySeq) return;
        this.entities = entities;
        this.entitiesLoaded = true;
      } catch (e) {
        if (seq === this.#entitySeq) this.#entitiesStale = true;
        this.app.fail('Loading the entities', e);
      }
    })();
    this.#entityLoad = run;
    return run;
  }

  /** The entities, loaded first if never loaded or stale. */
  async needEntities(): Promise<Entity[]> {
    if (this.#entitiesStale) await this.loadEntities();
    else if (this.#entityLoad) await this.#entityLoad;
    return this.entities;
  }

  /**
   * Something changed events or entities (an edit, undo, an import, a new
   * published date): reloads at once what is on screen, and marks the rest
   * stale for the next time it shows.
   */
  async reload() {
    await this.#invalidate(this.#shown > 0);
  }

  async #invalidate(eventsNow: boolean, entities = true) {
    this.#eventsStale = true;
    if (entities) this.#entitiesStale = true;
    await Promise.all([eventsNow ? this.load() : null, entities && this.#entityUsers > 0 ? this.loadEntities() : null]);
  }

  /**
   * Runs an edit, reports a failure, and reloads either way: the events, and
   * the entities after an entity edit (an event edit leaves them as they are).
   */
  async #change<T>(context: string, run: () => Promise<T>, entities = false): Promise<T | undefined> {
    let out: T | undefined;
    try {
      out = await run();
    } catch (e) {
      this.app.fail(context, e);
    }
    // The events reload even off screen: callers select or show the result.
    await this.#invalidate(true, entities);
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
    const patch = guessFields(span.quote, await this.needEntities());
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
    return (await this.#change('Renaming the entity', () => this.app.backend.renameEntity(id, name), true)) !== undefined;
  }

  async mergeEntities(into: number, from: number) {
    return (await this.#change('Merging the entities', () => this.app.backend.mergeEntities(into, from), true)) !== undefined;
  }

  async splitEntity(id: number, keys: string[], name: string) {
    return (await this.#change('Splitting the entity', () => this.app.backend.splitEntity(id, keys, name), true)) !== undefined;
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

// A search as the user types: each keystroke searches at once (a search
// takes well under a millisecond in the core, so a debounce would only add
// its delay to every keystroke); keystrokes made while a search is running
// wait for it and then search only the latest text, so a fast typist never
// queues stale searches; and a slow response never replaces the answer to a
// newer query.

import { toBackendError, type Backend, type BackendError } from './backend';
import type { SearchResults } from './bindings/SearchResults';
import type { AnnotationHit } from './bindings/AnnotationHit';
import { afterNextPaint } from './frames';

export const PAGE_SIZE = 50;
/**
 * Article hits drawn in the first frame of an answer: more than the palette
 * shows on a tall screen (about 9 fit in 900 px); the rest of the page
 * follows a frame later. Building all 50 hits with their marked snippets
 * before the first frame was most of a keystroke's time.
 */
export const FIRST_HITS = 15;

export class SearchSession {
  query = $state('');
  // Raw: replaced whole per answer, never mutated.
  results = $state.raw<SearchResults | null>(null);
  /** A malformed query: shown inline, since the user is mid-typing. */
  error = $state<BackendError | null>(null);
  pending = $state(false);
  /** Passages and notes matching the words of the query (not its fields). */
  annotations = $state.raw<AnnotationHit[]>([]);
  /** How many of `results.hits` to draw: `FIRST_HITS` for the answer's first frame, then all. */
  shown = $state(PAGE_SIZE);

  #seq = 0;
  /** The search `set` started, while it runs. */
  #inflight: Promise<void> | null = null;
  /** The text changed while `#inflight` ran: search again when it ends. */
  #again = false;

  /**
   * `report` gets failures other than a malformed query (a broken index, a
   * busy library), which belong in the app's error toasts.
   */
  constructor(
    private readonly backend: Backend,
    private readonly report: (e: BackendError) => void,
  ) {}

  /** Searches for `query` now, or as soon as the search under way ends. */
  set(query: string) {
    this.query = query;
    if (this.#inflight) {
      this.#again = true;
      return;
    }
    this.#inflight = this.run().finally(() => {
      this.#inflight = null;
      if (this.#again) {
        this.#again = false;
        this.set(this.query);
      }
    });
  }

  /** Runs the current query now; only the newest answer is kept. */
  async run() {
    const seq = ++this.#seq;
    const query = this.query.trim();
    if (!query) {
      this.results = null;
      this.error = null;
      this.pending = false;
      return;
    }
    this.pending = true;
    // User Timing marks for tests/perf (issue 8): where a keystroke's time goes.
    performance.mark?.('parley:search-run', { detail: query });
    // Passages and notes are searched alongside, not after: their answer
    // usually lands in the same frame as the articles'.
    const annotations = this.#annotations(query);
    try {
      const results = await this.backend.search({
        query,
        limit: PAGE_SIZE,
        sort: 'relevance',
        offset: 0,
        include_boilerplate: false,
      });
      if (seq !== this.#seq) return;
      this.shown = FIRST_HITS;
      this.results = results;
      this.error = null;
      performance.mark?.('parley:search-results', { detail: query });
      void afterNextPaint().then(() => {
        if (seq === this.#seq) this.shown = PAGE_SIZE;
      });
      void annotations.then((hits) => {
        if (seq !== this.#seq) return;
        this.annotations = hits;
        performance.mark?.('parley:search-annotations', { detail: query });
      });
    } catch (e) {
      if (seq !== this.#seq) return;
      const error = toBackendError(e);
      if (error.code === 'invalid_query') this.error = error;
      else this.report(error);
    } finally {
      if (seq === this.#seq) this.pending = false;
    }
  }

  /**
   * Best effort: the passages and notes matching the words of `query`; none
   * for a query of only fields or operators, or when that search failed.
   */
  async #annotations(query: string): Promise<AnnotationHit[]> {
    const words = query.replace(/\b\w+:("[^"]*"|\S+)/g, ' ').replace(/\b(AND|OR|NOT)\b|[()"~]/g, ' ');
    if (!words.trim()) return [];
    return this.backend.searchAnnotations(words).catch(() => []);
  }

  dispose() {
    this.#again = false;
    this.#seq++;
  }
}

/** Adds a field filter to a query, quoting values with spaces. */
export function withFilter(query: string, field: 'outlet' | 'published', value: string): string {
  const term = /[\s"():]/.test(value) ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
  return query.includes(term) ? query : `${query.trim()} ${term}`.trim();
}

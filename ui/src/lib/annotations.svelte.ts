// The tagging side of the app's state: the codebook, the open article's
// passages, the selected passage, the reader's pending selection, notes and
// the review list. Every change goes through the backend and then reloads
// what it touched; undo/redo reload everything, since a step may touch any
// of it.

import type { AppModel } from './model.svelte';
import type { CharSpan } from './bindings/CharSpan';
import type { CodebookEntry } from './bindings/CodebookEntry';
import type { Note } from './bindings/Note';
import type { Passage } from './bindings/Passage';
import type { ReviewItem } from './bindings/ReviewItem';
import type { CitedSource } from './markdown';
import { afterNextPaint } from './frames';

/** `list` (sorted by start, then id, as the core sends it) with `p` put in or replaced. */
export function withPassage(list: readonly Passage[], p: Passage): Passage[] {
  const out = list.filter((x) => x.id !== p.id);
  let at = out.length;
  while (at > 0 && (out[at - 1].start > p.start || (out[at - 1].start === p.start && out[at - 1].id > p.id))) at--;
  out.splice(at, 0, p);
  return out;
}

/** Text selected in the reader, waiting for a tag; `x`/`y` place the palette. */
export type PendingSpan = CharSpan & { articleId: number; quote: string; x: number; y: number };

export type SideTab = 'library' | 'codebook' | 'notes' | 'review' | 'timeline';

export type Notice = { id: number; text: string };

export class Annotations {
  // Raw: replaced wholesale on every load, never mutated, and read in hot
  // loops (the reader's run splitting) where deep proxies would cost.
  codebook = $state.raw<CodebookEntry[]>([]);
  passages = $state.raw<Passage[]>([]);
  selectedId = $state<number | null>(null);
  pending = $state<PendingSpan | null>(null);
  /** The pending span has its passage: the reader stops marking it, and the palette closes a frame later. */
  tagged = $state(false);
  notes = $state.raw<Note[]>([]);
  openNoteId = $state<number | null>(null);
  review = $state.raw<ReviewItem[]>([]);
  tab = $state<SideTab>('library');
  notices = $state<Notice[]>([]);
  /** Passages cited by notes, by id (any article), for rendering citations. */
  cited = $state.raw<Map<number, CitedSource>>(new Map());
  #nextNotice = 1;
  /** A tagging command is on its way: further keys wait for it. */
  #tagging = false;

  constructor(private readonly app: AppModel) {}

  get selected(): Passage | null {
    return this.passages.find((p) => p.id === this.selectedId) ?? null;
  }

  notify(text: string) {
    const id = this.#nextNotice++;
    this.notices.push({ id, text });
    setTimeout(() => (this.notices = this.notices.filter((n) => n.id !== id)), 4000);
  }

  async #try<T>(context: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      this.app.fail(context, e);
      return undefined;
    }
  }

  async loadCodebook() {
    await this.#try('Loading the codebook', async () => (this.codebook = await this.app.backend.codebook()));
  }

  /** Loads the passages of the open article. */
  async loadPassages() {
    const id = this.app.article?.id;
    if (id === undefined) {
      this.passages = [];
      return;
    }
    await this.#try('Loading passages', async () => {
      const list = await this.app.backend.passages({ article: id, tag: null });
      if (this.app.article?.id === id) this.passages = list;
    });
  }

  /** The passages of article `id`; an empty list (and a toast) on failure. */
  async fetchPassages(id: number): Promise<Passage[]> {
    return (await this.#try('Loading passages', () => this.app.backend.passages({ article: id, tag: null }))) ?? [];
  }

  async loadNotes() {
    await this.#try('Loading notes', async () => (this.notes = await this.app.backend.notes()));
  }

  async loadReview() {
    await this.#try('Loading the review list', async () => (this.review = await this.app.backend.review()));
  }

  async reloadAll() {
    this.forgetCitations();
    await Promise.all([this.loadCodebook(), this.loadPassages(), this.loadNotes(), this.loadReview()]);
  }

  /** Tags the pending span with `names` (unknown names become new tags). */
  async tag(names: string[]) {
    const span = this.pending;
    if (!span || this.#tagging) return;
    // Nothing on screen changes until the answer is in: a repaint started
    // now (the palette closing, the selection mark going) would hold up the
    // IPC reply behind it on WebKitGTK, whose main thread paints and also
    // delivers the reply, which measured 35-100 ms instead of 2. The palette
    // ignores keys meanwhile; a slow answer (a busy library) closes it after
    // a moment so the key still visibly did something.
    this.#tagging = true;
    const slow = setTimeout(() => {
      if (this.pending === span) this.pending = null;
    }, 120);
    try {
      // The same span tagged again gets the tag added, not a twin passage.
      const twin = this.passages.find((p) => p.start === span.start && p.end === span.end);
      // Measured (`tag-command`) for the dense-article e2e test, which reports
      // where a tagging round trip spends its time.
      const t0 = performance.now();
      const passage = await this.#try('Tagging the passage', async () => {
        if (!twin) return this.app.backend.tagSpan(span.articleId, { start: span.start, end: span.end }, names);
        let last = twin;
        for (const name of names) {
          let tag = this.codebook.find((t) => t.name.toLowerCase() === name.toLowerCase());
          if (!tag) {
            const made = await this.app.backend.createTag({ name, colour: null, description: '', parent: null, shortcut: null });
            tag = { ...made, passages: 0, rolled_up: 0 };
          }
          if (!last.tags.some((t) => t.id === tag!.id)) last = await this.app.backend.addPassageTag(twin.id, tag.id);
        }
        return last;
      });
      clearTimeout(slow);
      performance.measure?.('tag-command', { start: t0 });
      if (passage && this.app.article?.id === passage.article_id) {
        // The answer is the stored passage: the first frame shows its mark
        // in place of the selection mark, and nothing else. Closing the
        // palette, dropping the selection and opening the passage in the
        // inspector each make WebKit lay out far more than the paragraph
        // (8, 3 and 3 ms on the dense article): they wait for the frame
        // after, so the mark is on screen 12-15 ms after the key, not 25.
        this.passages = withPassage(this.passages, passage);
        if (this.pending === span) this.tagged = true;
        await afterNextPaint();
      }
      if (this.pending === span) this.#closePalette();
      this.tagged = false;
      window.getSelection?.()?.removeAllRanges();
      if (passage) {
        this.selectedId = passage.id;
        // Only the codebook's counts (and maybe a new tag) need a reload,
        // which the reader does not wait for.
        await this.loadCodebook();
      }
    } finally {
      clearTimeout(slow);
      this.#tagging = false;
    }
  }

  /**
   * Closes the tag palette. Its input loses focus first: WebKit lays the
   * whole reader out again when a focused element is removed (5 ms on the
   * dense article), and not when an unfocused one is.
   */
  #closePalette() {
    const focused = typeof document === 'undefined' ? null : document.activeElement;
    if (focused instanceof HTMLElement && focused.closest('[data-testid="tag-palette"]')) focused.blur();
    this.pending = null;
  }

  /** Selects a passage (opening its article if needed) and scrolls to it. */
  async show(passage: Passage) {
    if (this.app.article?.id !== passage.article_id) await this.app.open(passage.article_id);
    this.selectedId = passage.id;
    this.app.revealPassage = passage.id;
  }

  async showById(id: number) {
    const p = await this.#try('Opening the passage', () => this.app.backend.passage(id));
    if (p) await this.show(p);
  }

  /** Runs a change to the selected passage or the codebook, then reloads. */
  async change(context: string, run: () => Promise<unknown>) {
    const ok = await this.#try(context, async () => (await run(), true));
    // A cited passage may have changed (quote, existence): resolve afresh.
    this.forgetCitations();
    await Promise.all([this.loadPassages(), this.loadCodebook()]);
    return ok === true;
  }

  async undo(redo = false) {
    const what = await this.#try(redo ? 'Redo' : 'Undo', () => (redo ? this.app.backend.redo() : this.app.backend.undo()));
    if (what === undefined) return;
    this.notify(what === null ? `Nothing to ${redo ? 'redo' : 'undo'}` : `${redo ? 'Redid' : 'Undid'}: ${what}`);
    if (what === null) return;
    const id = this.app.article?.id;
    if (id !== undefined) await this.app.refreshArticle(id);
    await Promise.all([this.reloadAll(), this.app.timeline.reload()]);
  }

  /** Fetches the passages `ids` cites that are not known yet. */
  async resolveCitations(ids: number[]) {
    const missing = ids.filter((id) => !this.cited.has(id));
    if (missing.length === 0) return;
    const next = new Map(this.cited);
    await Promise.all(
      missing.map(async (id) => {
        const passage = await this.app.backend.passage(id).catch(() => null);
        const a = passage ? this.app.articles.find((x) => x.id === passage.article_id) : undefined;
        next.set(id, { passage, title: a?.title ?? null, outlet: a?.outlet ?? null, published: a?.published ?? null });
      }),
    );
    this.cited = next;
  }

  /** Forgets resolved citations (after a change that may have moved them). */
  forgetCitations() {
    this.cited = new Map();
  }
}

// The app's state: what is loaded, what is open, what is running, and which
// errors the user has not dismissed yet. Components read it and call its
// methods; every backend failure lands in `toasts`, none is swallowed.

import { toBackendError, type Backend, type BackendError } from './backend';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { CharSpan } from './bindings/CharSpan';
import type { ImportSummary } from './bindings/ImportSummary';
import type { LibraryInfo } from './bindings/LibraryInfo';
import type { MetadataForm } from './bindings/MetadataForm';
import type { Progress } from './bindings/Progress';
import { Annotations } from './annotations.svelte';
import { dateMarks, type DateMark } from './dates';
import { TimelineModel } from './timeline.svelte';

export type Toast = { id: number; error: BackendError; context: string };

export type Overlay = 'none' | 'search' | 'help' | 'import-summary' | 'export';

export class AppModel {
  // Raw (not deeply reactive) wherever a value is only ever replaced whole:
  // a deep proxy over 21,000 article summaries or a 300,000-char article
  // cost hundreds of milliseconds at start-up and tens of MB in the page.
  info = $state.raw<LibraryInfo | null>(null);
  articles = $state.raw<ArticleSummary[]>([]);
  loaded = $state(false);
  selectedId = $state<number | null>(null);
  article = $state.raw<Article | null>(null);
  /** Match ranges to mark in the reader (char offsets into `article.text`). */
  highlights = $state.raw<CharSpan[]>([]);
  /** Bumped each time the reader should scroll to the first match. */
  revealToken = $state(0);
  toasts = $state<Toast[]>([]);
  importing = $state<Progress | null>(null);
  importSummary = $state.raw<ImportSummary | null>(null);
  overlay = $state<Overlay>('none');
  dropHover = $state(false);
  /** Bumped to a passage id when the reader should scroll to that passage. */
  revealPassage = $state<number | null>(null);
  /** Recognised dates of the open article, for the reader's underlines. */
  dates = $state.raw<DateMark[]>([]);
  /** Codebook, passages, notes, review. */
  ann: Annotations;
  /** Timeline events and entities. */
  timeline: TimelineModel;

  #nextToast = 1;
  /** Guards `open` against a slow load finishing after a newer one. */
  #openSeq = 0;

  constructor(readonly backend: Backend) {
    this.ann = new Annotations(this);
    this.timeline = new TimelineModel(this);
  }

  /** Reports a failure to the user; `context` says what was being done. */
  fail(context: string, e: unknown) {
    const error = toBackendError(e);
    console.error(context, error);
    this.toasts.push({ id: this.#nextToast++, error, context });
  }

  dismiss(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  async load() {
    // User Timing marks for tests/perf (issue 8): the listing's IPC at start-up.
    performance.mark?.('parley:library-load');
    try {
      const [info, articles] = await Promise.all([
        this.backend.libraryInfo(),
        this.backend.listArticles(),
      ]);
      performance.mark?.('parley:library-listed');
      this.info = info;
      this.articles = articles;
      void this.ann.loadCodebook();
      void this.ann.loadNotes();
      void this.ann.loadReview();
      void this.timeline.reload();
      this.timeline.prefetch();
      if (this.selectedId === null && articles.length > 0) {
        await this.open(newest(articles).id);
      }
    } catch (e) {
      this.fail('Loading the library', e);
    } finally {
      this.loaded = true;
    }
  }

  /** Opens an article in the reader, marking `highlights` when given. */
  async open(id: number, highlights: CharSpan[] = []) {
    const seq = ++this.#openSeq;
    this.selectedId = id;
    performance.mark?.('parley:open', { detail: id });
    try {
      // Text and passages in parallel, set together: one render, not two.
      const [article, passages] = await Promise.all([
        this.backend.getArticle(id),
        this.ann.fetchPassages(id),
      ]);
      performance.mark?.('parley:open-loaded', { detail: id });
      if (seq !== this.#openSeq) return;
      this.ann.selectedId = null;
      this.ann.pending = null;
      this.ann.passages = passages;
      this.article = article;
      this.dates = [];
      this.highlights = highlights;
      this.revealToken++;
    } catch (e) {
      if (seq === this.#openSeq) this.fail(`Opening article ${id}`, e);
      return;
    }
    // After the text is on screen, and not awaited: the underlines are a
    // refinement, and recognising a long article's dates should delay
    // neither reading it nor a caller scrolling to a passage in it.
    void this.loadDates(id);
  }

  /** Loads the open article's dates (again after its published date changed). */
  async loadDates(id: number) {
    try {
      const found = await this.backend.articleDates(id);
      if (this.article?.id === id) this.dates = dateMarks(found);
    } catch (e) {
      this.fail(`Recognising the dates of article ${id}`, e);
    }
  }

  /** Reloads the open article (after undo of a metadata edit, say). */
  async refreshArticle(id: number) {
    try {
      const article = await this.backend.getArticle(id);
      if (this.article?.id !== id) return;
      this.article = article;
      this.articles = this.articles.map((a) => (a.id === id ? summaryOf(article, a) : a));
    } catch (e) {
      this.fail(`Reloading article ${id}`, e);
      return;
    }
    await this.loadDates(id);
  }

  /** Saves a metadata edit; resolves to whether it was saved. */
  async saveMetadata(id: number, patch: MetadataForm): Promise<boolean> {
    try {
      const article = await this.backend.setMetadata(id, patch);
      if (this.article?.id === id) this.article = article;
      this.articles = this.articles.map((a) => (a.id === id ? summaryOf(article, a) : a));
      // A new published date re-resolves the article's dates and events.
      void this.timeline.reload();
      if (this.article?.id === id) void this.loadDates(id);
      return true;
    } catch (e) {
      this.fail('Saving metadata', e);
      return false;
    }
  }

  async chooseAndImport(kind: 'files' | 'folder') {
    let paths: string[] | null;
    try {
      paths = await this.backend.choosePaths(kind);
    } catch (e) {
      this.fail('Opening the import dialog', e);
      return;
    }
    if (paths && paths.length > 0) await this.importPaths(paths);
  }

  async importPaths(paths: string[]) {
    if (this.importing) {
      this.fail('Importing', { code: 'busy', message: 'An import is already running; wait for it to finish.' });
      return;
    }
    this.importing = { done: 0, total: 0, current: null };
    try {
      this.importSummary = await this.backend.importPaths(paths, (p) => {
        this.importing = p;
      });
      this.overlay = 'import-summary';
    } catch (e) {
      this.fail('Importing', e);
    } finally {
      this.importing = null;
    }
    await this.load();
    // An updated article's text (and its passages) may have changed.
    if (this.selectedId !== null) await this.open(this.selectedId);
  }

  /** Imports what the app was launched with (`parley ~/corpus`), if anything. */
  async importLaunchPaths() {
    try {
      const paths = await this.backend.takeLaunchPaths();
      if (paths.length > 0) await this.importPaths(paths);
    } catch (e) {
      this.fail('Importing the files Parley was opened with', e);
    }
  }

  async reveal(path: string) {
    try {
      await this.backend.reveal(path);
    } catch (e) {
      this.fail('Showing the folder', e);
    }
  }
}

/** The article a first-time user most likely wants: the newest one. */
function newest(articles: ArticleSummary[]): ArticleSummary {
  return articles.reduce((best, a) =>
    (a.published ?? '') > (best.published ?? '') ? a : best,
  );
}

function summaryOf(a: Article, old: ArticleSummary): ArticleSummary {
  return {
    ...old,
    title: a.metadata.title?.value ?? null,
    outlet: a.metadata.outlet?.value ?? null,
    published: a.metadata.published?.value ?? null,
  };
}

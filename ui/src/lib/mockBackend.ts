// An in-memory `Backend` for component tests: real shapes, no desktop shell.
// Its search is a plain case-insensitive substring match, which is enough to
// exercise the UI; the real ranking and query language live in the core.

import type { Backend, BackendError, DropHandlers } from './backend';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { ImportSummary } from './bindings/ImportSummary';
import type { Progress } from './bindings/Progress';
import type { SearchHit } from './bindings/SearchHit';
import type { SearchRequest } from './bindings/SearchRequest';
import type { SearchResults } from './bindings/SearchResults';

type Method = keyof Backend;

export class MockBackend implements Backend {
  articlesById = new Map<number, Article>();
  /** Calls made, by method name, for assertions. */
  calls: { method: Method; args: unknown[] }[] = [];
  #failures = new Map<Method, BackendError>();
  #summaries: ArticleSummary[] | null = null;
  importResult: ImportSummary = { imported: [], updated: [], duplicates: [], failed: [] };
  chosenPaths: string[] | null = null;
  dropHandlers: DropHandlers | null = null;
  launchPaths: string[] = [];
  launchHandler: ((paths: string[]) => void) | null = null;

  constructor(articles: Article[] = []) {
    for (const a of articles) this.articlesById.set(a.id, a);
  }

  /** Makes the next call of `method` reject with `error`. */
  failNext(method: Method, error: BackendError) {
    this.#failures.set(method, error);
  }

  /** Replaces the list with many summaries (for the virtual list). */
  useSummaries(summaries: ArticleSummary[]) {
    this.#summaries = summaries;
  }

  async #call<T>(method: Method, args: unknown[], run: () => T): Promise<T> {
    this.calls.push({ method, args });
    const failure = this.#failures.get(method);
    if (failure) {
      this.#failures.delete(method);
      throw failure;
    }
    return run();
  }

  libraryInfo() {
    return this.#call('libraryInfo', [], () => ({
      data_dir: '/tmp/parley-test',
      article_count: this.#summaries?.length ?? this.articlesById.size,
    }));
  }

  listArticles() {
    return this.#call('listArticles', [], () => this.#summaries ?? [...this.articlesById.values()].map(summarise));
  }

  getArticle(id: number) {
    return this.#call('getArticle', [id], () => {
      const a = this.articlesById.get(id);
      if (!a) throw { code: 'not_found', message: `no article ${id}` } satisfies BackendError;
      return structuredClone(a);
    });
  }

  setMetadata(id: number, patch: import('./bindings/MetadataForm').MetadataForm) {
    return this.#call('setMetadata', [id, patch], () => {
      const a = this.articlesById.get(id);
      if (!a) throw { code: 'not_found', message: `no article ${id}` } satisfies BackendError;
      const user = { origin: 'user' };
      for (const key of ['title', 'outlet', 'author', 'published', 'url'] as const) {
        const value = patch[key];
        if (value !== null) a.metadata[key] = { value, source: user };
      }
      return structuredClone(a);
    });
  }

  search(request: SearchRequest) {
    return this.#call('search', [request], () => searchArticles([...this.articlesById.values()], request));
  }

  importPaths(paths: string[], onProgress: (p: Progress) => void) {
    return this.#call('importPaths', [paths], () => {
      paths.forEach((p, i) => onProgress({ done: i + 1, total: paths.length, current: p }));
      return this.importResult;
    });
  }

  reindex(onProgress: (p: Progress) => void) {
    return this.#call('reindex', [], () => {
      onProgress({ done: this.articlesById.size, total: this.articlesById.size, current: null });
      return this.articlesById.size;
    });
  }

  choosePaths(kind: 'files' | 'folder') {
    return this.#call('choosePaths', [kind], () => this.chosenPaths);
  }

  reveal(path: string) {
    return this.#call('reveal', [path], () => undefined);
  }

  takeLaunchPaths() {
    return this.#call('takeLaunchPaths', [], () => this.launchPaths.splice(0));
  }

  onLaunchPaths(handler: (paths: string[]) => void) {
    return this.#call('onLaunchPaths', [], () => {
      this.launchHandler = handler;
      return () => {
        this.launchHandler = null;
      };
    });
  }

  onDrop(handlers: DropHandlers) {
    return this.#call('onDrop', [], () => {
      this.dropHandlers = handlers;
      return () => {
        this.dropHandlers = null;
      };
    });
  }
}

export function summarise(a: Article): ArticleSummary {
  return {
    id: a.id,
    title: a.metadata.title?.value ?? null,
    outlet: a.metadata.outlet?.value ?? null,
    published: a.metadata.published?.value ?? null,
    source: a.source,
    words: a.words,
  };
}

function searchArticles(articles: Article[], req: SearchRequest): SearchResults {
  const needle = req.query.trim().toLowerCase();
  const hits: SearchHit[] = [];
  if (needle) {
    for (const a of articles) {
      const chars = Array.from(a.text);
      const lower = chars.map((c) => c.toLowerCase());
      const n = Array.from(needle);
      const highlights = [];
      for (let i = 0; i + n.length <= lower.length; i++) {
        if (n.every((c, j) => lower[i + j] === c)) highlights.push({ start: i, end: i + n.length });
      }
      if (highlights.length === 0) continue;
      const snippetStart = Math.max(0, highlights[0].start - 20);
      const snippet = chars.slice(snippetStart, snippetStart + 120).join('');
      hits.push({
        article_id: a.id,
        title: a.metadata.title?.value ?? null,
        outlet: a.metadata.outlet?.value ?? null,
        author: a.metadata.author?.value ?? null,
        published: a.metadata.published?.value ?? null,
        score: highlights.length,
        snippet,
        snippet_start: snippetStart,
        highlights,
        title_highlights: [],
      });
    }
  }
  hits.sort((x, y) => y.score - x.score);
  const count = (values: (string | null)[]) =>
    [...new Set(values.filter((v) => v !== null))].map((value) => ({
      value,
      count: values.filter((v) => v === value).length,
    }));
  return {
    total: hits.length,
    hits: hits.slice(0, req.limit),
    facets: {
      outlets: count(hits.map((h) => h.outlet)),
      years: count(hits.map((h) => h.published?.slice(0, 4) ?? null)),
    },
  };
}

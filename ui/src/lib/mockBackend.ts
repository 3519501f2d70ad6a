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
import type { CharSpan } from './bindings/CharSpan';
import type { NewTag } from './bindings/NewTag';
import type { PassageFilter } from './bindings/PassageFilter';
import type { TagEdit } from './bindings/TagEdit';
import { MockAnnotations } from './mockAnnotations';
import type { EventPatch } from './bindings/EventPatch';
import { MockTimeline } from './timelineMock';
import { mockExportOutcome, mockExportPreview } from './mockExport';
import type { ExportChoice } from './bindings/ExportChoice';

type Method = keyof Backend;

export class MockBackend implements Backend {
  articlesById = new Map<number, Article>();
  /** Calls made, by method name, for assertions. */
  calls: { method: Method; args: unknown[] }[] = [];
  #failures = new Map<Method, BackendError>();
  #summaries: ArticleSummary[] | null = null;
  importResult: ImportSummary = {
    imported: [],
    updated: [],
    duplicates: [],
    failed: [],
    reanchored: { kept: 0, moved: 0, needs_review: 0, orphaned: 0 },
  };
  /** Codebook, passages and notes, with snapshot undo. */
  ann = new MockAnnotations((id) => this.articlesById.get(id));
  /** Timeline events and entities, with snapshot undo of their own. */
  timelineData = new MockTimeline();
  chosenPaths: string[] | null = null;
  /** Where `exportTo` "writes"; `null` plays a cancelled save dialog. */
  exportDir: string | null = '/tmp/parley-export';
  /** The template file the open dialog "picks"; `null` plays a cancel. */
  exportTemplate: string | null = 'my-notes.md';
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

  codebook() { return this.#call('codebook', [], () => this.ann.codebook()); }
  createTag(tag: NewTag) { return this.#call('createTag', [tag], () => this.ann.createTag(tag)); }
  editTag(id: number, edit: TagEdit) { return this.#call('editTag', [id, edit], () => this.ann.editTag(id, edit)); }
  moveTag(id: number, parent: number | null) {
    return this.#call('moveTag', [id, parent], () => this.ann.editTag(id, { parent, clearParent: true }));
  }
  setTagShortcut(id: number, shortcut: number | null) {
    return this.#call('setTagShortcut', [id, shortcut], () => this.ann.editTag(id, { shortcut, clearShortcut: true }));
  }
  mergeTags(from: number, into: number) { return this.#call('mergeTags', [from, into], () => this.ann.mergeTags(from, into)); }
  tagUsage(id: number) { return this.#call('tagUsage', [id], () => this.ann.usage(id)); }
  deleteTag(id: number) { return this.#call('deleteTag', [id], () => this.ann.deleteTag(id)); }
  passages(filter: PassageFilter) { return this.#call('passages', [filter], () => this.ann.passages(filter)); }
  passage(id: number) { return this.#call('passage', [id], () => structuredClone(this.ann.passage(id))); }
  tagSpan(articleId: number, span: CharSpan, tags: string[]) {
    return this.#call('tagSpan', [articleId, span, tags], () => this.ann.tagSpan(articleId, span.start, span.end, tags));
  }
  addPassageTag(id: number, tag: number) { return this.#call('addPassageTag', [id, tag], () => this.ann.addPassageTag(id, tag)); }
  removePassageTag(id: number, tag: number) {
    return this.#call('removePassageTag', [id, tag], () =>
      this.ann.editPassage(id, `untag passage ${id}`, (p) => (p.tags = p.tags.filter((t) => t.id !== tag))),
    );
  }
  setPassageNote(id: number, note: string) {
    return this.#call('setPassageNote', [id, note], () => this.ann.editPassage(id, 'edit passage note', (p) => (p.note = note)));
  }
  deletePassage(id: number) { return this.#call('deletePassage', [id], () => this.ann.deletePassage(id)); }
  notes() { return this.#call('notes', [], () => structuredClone(this.ann.s.notes)); }
  addNote(title: string, body: string) { return this.#call('addNote', [title, body], () => this.ann.putNote(null, title, body)); }
  updateNote(id: number, title: string, body: string) {
    return this.#call('updateNote', [id, title, body], () => this.ann.putNote(id, title, body));
  }
  deleteNote(id: number) { return this.#call('deleteNote', [id], () => this.ann.deleteNote(id)); }
  cite(noteId: number, passage: number) {
    return this.#call('cite', [noteId, passage], () => {
      const n = this.ann.note(noteId);
      return this.ann.putNote(noteId, n.title, `${n.body}\n\n[[passage:${passage}]]`);
    });
  }
  notesCiting(passage: number) {
    return this.#call('notesCiting', [passage], () => structuredClone(this.ann.s.notes.filter((n) => n.citations.includes(passage))));
  }
  // Timeline steps are undone before annotation steps: crude when the two
  // interleave, exact for tests that edit one of them.
  undo() { return this.#call('undo', [], () => this.timelineData.undo() ?? this.ann.undo()); }
  redo() { return this.#call('redo', [], () => this.timelineData.redo() ?? this.ann.redo()); }
  review() { return this.#call('review', [], () => []); }
  acceptPassage(id: number) {
    return this.#call('acceptPassage', [id], () => this.ann.editPassage(id, 'accept', (p) => (p.status = 'anchored')));
  }
  reattachPassage(id: number, start: number, end: number) {
    return this.#call('reattachPassage', [id, start, end], () =>
      this.ann.editPassage(id, 're-attach', (p) => Object.assign(p, { start, end, status: 'anchored' })),
    );
  }
  searchAnnotations(query: string) {
    return this.#call('searchAnnotations', [query], () =>
      this.ann.s.passages
        .filter((p) => p.quote.toLowerCase().includes(query.toLowerCase()))
        .map((p) => ({ kind: 'passage' as const, id: p.id, title: '', snippet: p.quote })),
    );
  }
  /** Only ISO dates (`2015-07-09`), which need no reference date. */
  articleDates(id: number) {
    return this.#call('articleDates', [id], () => {
      const text = this.articlesById.get(id)?.text ?? '';
      return [...text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((m) => {
        const start = Array.from(text.slice(0, m.index)).length;
        return { start, end: start + 10, text: m[0], type: 'DATE' as const, value: m[0], resolution: 'absolute' as const };
      });
    });
  }

  timeline() { return this.#call('timeline', [], () => this.timelineData.timeline()); }
  confirmEvent(id: number) { return this.#call('confirmEvent', [id], () => this.timelineData.confirm(id)); }
  editEvent(id: number, patch: EventPatch) { return this.#call('editEvent', [id, patch], () => this.timelineData.edit(id, patch)); }
  deleteEvent(id: number) { return this.#call('deleteEvent', [id], () => this.timelineData.remove(id)); }
  mergeEvents(into: number, from: number) { return this.#call('mergeEvents', [into, from], () => this.timelineData.merge(into, from)); }
  splitEvent(id: number, evidence: number[]) { return this.#call('splitEvent', [id, evidence], () => this.timelineData.split(id, evidence)); }
  addEvent(articleId: number, span: CharSpan, patch: EventPatch) {
    return this.#call('addEvent', [articleId, span, patch], () => {
      const text = Array.from(this.articlesById.get(articleId)?.text ?? '');
      const quote = text.slice(span.start, span.end).join('');
      return this.timelineData.add({ article_id: articleId, start: span.start, end: span.end, quote }, patch);
    });
  }
  entities() { return this.#call('entities', [], () => this.timelineData.entities()); }
  renameEntity(id: number, name: string) { return this.#call('renameEntity', [id, name], () => this.timelineData.rename(id, name)); }
  mergeEntities(into: number, from: number) {
    return this.#call('mergeEntities', [into, from], () => this.timelineData.mergeEntities(into, from));
  }
  splitEntity(id: number, keys: string[], name: string) {
    return this.#call('splitEntity', [id, keys, name], () => this.timelineData.splitEntity(id, keys, name));
  }
  entityKeys(id: number) { return this.#call('entityKeys', [id], () => this.timelineData.keys(id)); }
  exportPreview(choice: ExportChoice) {
    return this.#call('exportPreview', [choice], () => mockExportPreview(choice, this.ann, this.timelineData));
  }
  exportTo(choice: ExportChoice) {
    return this.#call('exportTo', [choice], () => (this.exportDir === null ? null : mockExportOutcome(choice, this.exportDir)));
  }
  chooseExportTemplate() { return this.#call('chooseExportTemplate', [], () => this.exportTemplate); }

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

// The UI's only door to the library. Components talk to a `Backend`, never to
// Tauri directly, so the same components run against `MockBackend` in tests.

import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { CommandError } from './bindings/CommandError';
import type { ImportSummary } from './bindings/ImportSummary';
import type { ImportKind } from './bindings/ImportKind';
import type { LibraryInfo } from './bindings/LibraryInfo';
import type { MetadataForm } from './bindings/MetadataForm';
import type { Progress } from './bindings/Progress';
import type { SearchRequest } from './bindings/SearchRequest';
import type { SearchResults } from './bindings/SearchResults';
import type { AnnotationHit } from './bindings/AnnotationHit';
import type { CharSpan } from './bindings/CharSpan';
import type { CodebookEntry } from './bindings/CodebookEntry';
import type { NewTag } from './bindings/NewTag';
import type { Note } from './bindings/Note';
import type { Passage } from './bindings/Passage';
import type { PassageFilter } from './bindings/PassageFilter';
import type { ReviewItem } from './bindings/ReviewItem';
import type { Tag } from './bindings/Tag';
import type { TagDeletion } from './bindings/TagDeletion';
import type { TagEdit } from './bindings/TagEdit';
import type { TemporalExpression } from './bindings/TemporalExpression';
import type { Entity } from './bindings/Entity';
import type { EventPatch } from './bindings/EventPatch';
import type { TimelineEvent } from './bindings/TimelineEvent';
import type { ExportChoice } from './bindings/ExportChoice';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { ExportPreview } from './bindings/ExportPreview';

export interface Backend {
  libraryInfo(): Promise<LibraryInfo>;
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: number): Promise<Article>;
  setMetadata(id: number, patch: MetadataForm): Promise<Article>;
  search(request: SearchRequest): Promise<SearchResults>;
  /** Imports files and folders; `onProgress` hears about every stored batch. */
  importPaths(paths: string[], onProgress: (p: Progress) => void): Promise<ImportSummary>;
  reindex(onProgress: (p: Progress) => void): Promise<number>;
  /**
   * Asks the user for files or a folder in a native dialog the shell opens;
   * `null` when they cancel. Only paths chosen there, dropped on the window
   * or given at launch can be imported (`importPaths` refuses others).
   */
  choosePaths(kind: ImportKind): Promise<string[] | null>;
  /** Shows the data folder or an export's outcome in the system file manager. */
  reveal(path: string): Promise<void>;
  /** Listens for drags over the window; resolves to an unsubscribe. */
  onDrop(handlers: DropHandlers): Promise<() => void>;
  /** Paths the app was launched with (`parley ~/corpus`), handed over once. */
  takeLaunchPaths(): Promise<string[]>;
  /**
   * Listens for paths to import from a later launch of the app or dropped on
   * the window (granted by the shell first); resolves to an unsubscribe.
   */
  onLaunchPaths(handler: (paths: string[]) => void): Promise<() => void>;

  // Codebook
  codebook(): Promise<CodebookEntry[]>;
  createTag(tag: NewTag): Promise<Tag>;
  editTag(id: number, edit: TagEdit): Promise<Tag>;
  /** Moves a tag under `parent`; `null` moves it to the top level. */
  moveTag(id: number, parent: number | null): Promise<Tag>;
  setTagShortcut(id: number, shortcut: number | null): Promise<Tag>;
  mergeTags(from: number, into: number): Promise<Tag>;
  tagUsage(id: number): Promise<number>;
  deleteTag(id: number): Promise<TagDeletion>;

  // Passages
  passages(filter: PassageFilter): Promise<Passage[]>;
  passage(id: number): Promise<Passage>;
  /** Tags a char span with tags by name, creating the unknown ones. */
  tagSpan(articleId: number, span: CharSpan, tags: string[]): Promise<Passage>;
  addPassageTag(id: number, tag: number): Promise<Passage>;
  removePassageTag(id: number, tag: number): Promise<Passage>;
  setPassageNote(id: number, note: string): Promise<Passage>;
  deletePassage(id: number): Promise<Passage>;

  // Notes
  notes(): Promise<Note[]>;
  addNote(title: string, body: string): Promise<Note>;
  updateNote(id: number, title: string, body: string): Promise<Note>;
  deleteNote(id: number): Promise<Note>;
  cite(noteId: number, passage: number): Promise<Note>;
  notesCiting(passage: number): Promise<Note[]>;

  // History and review
  /** Undoes the newest change; its description, or `null` when none. */
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  review(): Promise<ReviewItem[]>;
  acceptPassage(id: number): Promise<Passage>;
  reattachPassage(id: number, start: number, end: number): Promise<Passage>;
  searchAnnotations(query: string): Promise<AnnotationHit[]>;
  /** The dates an article mentions, resolved against its published date. */
  articleDates(id: number): Promise<TemporalExpression[]>;

  // Timeline and entities (every edit is one undo step)
  timeline(): Promise<TimelineEvent[]>;
  confirmEvent(id: number): Promise<TimelineEvent>;
  editEvent(id: number, patch: EventPatch): Promise<TimelineEvent>;
  deleteEvent(id: number): Promise<void>;
  mergeEvents(into: number, from: number): Promise<TimelineEvent>;
  /** Moves the evidence at `evidence` (indexes) to a new event, which it returns. */
  splitEvent(id: number, evidence: number[]): Promise<TimelineEvent>;
  addEvent(articleId: number, span: CharSpan, patch: EventPatch): Promise<TimelineEvent>;
  entities(): Promise<Entity[]>;
  renameEntity(id: number, name: string): Promise<Entity>;
  mergeEntities(into: number, from: number): Promise<Entity>;
  /** Moves the spellings `keys` (see `entityKeys`) to a new entity called `name`. */
  splitEntity(id: number, keys: string[], name: string): Promise<Entity>;
  entityKeys(id: number): Promise<string[]>;

  // Export
  /** The start of what the export would write, with its counts. */
  exportPreview(choice: ExportChoice): Promise<ExportPreview>;
  /**
   * Asks where to write (a native dialog opened by the shell, so no path
   * comes from the UI) and exports there; `null` when the user cancels.
   */
  exportTo(choice: ExportChoice): Promise<ExportOutcome | null>;
  /**
   * Asks for a template file (a native dialog; the shell keeps the path) and
   * returns its name; `null` when the user cancels.
   */
  chooseExportTemplate(): Promise<string | null>;
}

/** Dropped paths arrive through `onLaunchPaths`, once the shell granted them. */
export type DropHandlers = {
  hover(active: boolean): void;
};

/** Every failure reaching the UI has this shape, whatever its origin. */
export type BackendError = CommandError;

/**
 * Normalises whatever a rejected call gave (a `{code, message}` from a
 * command, a plain string from Tauri itself, an `Error` from JS) into a
 * `BackendError`, so the toast always has a message to show.
 */
export function toBackendError(e: unknown): BackendError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    return e as BackendError;
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message };
}

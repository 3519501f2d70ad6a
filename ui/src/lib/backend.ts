// The UI's only door to the library. Components talk to a `Backend`, never to
// Tauri directly, so the same components run against `MockBackend` in tests.

import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { CommandError } from './bindings/CommandError';
import type { ImportSummary } from './bindings/ImportSummary';
import type { LibraryInfo } from './bindings/LibraryInfo';
import type { MetadataForm } from './bindings/MetadataForm';
import type { Progress } from './bindings/Progress';
import type { SearchRequest } from './bindings/SearchRequest';
import type { SearchResults } from './bindings/SearchResults';

export interface Backend {
  libraryInfo(): Promise<LibraryInfo>;
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: number): Promise<Article>;
  setMetadata(id: number, patch: MetadataForm): Promise<Article>;
  search(request: SearchRequest): Promise<SearchResults>;
  /** Imports files and folders; `onProgress` hears about every stored batch. */
  importPaths(paths: string[], onProgress: (p: Progress) => void): Promise<ImportSummary>;
  reindex(onProgress: (p: Progress) => void): Promise<number>;
  /** Asks the user for files or a folder; `null` when they cancel. */
  choosePaths(kind: 'files' | 'folder'): Promise<string[] | null>;
  /** Shows a file or folder in the system file manager. */
  reveal(path: string): Promise<void>;
  /** Listens for files dropped on the window; resolves to an unsubscribe. */
  onDrop(handlers: DropHandlers): Promise<() => void>;
  /** Paths the app was launched with (`parley ~/corpus`), handed over once. */
  takeLaunchPaths(): Promise<string[]>;
  /** Listens for paths from a later launch of the app; resolves to an unsubscribe. */
  onLaunchPaths(handler: (paths: string[]) => void): Promise<() => void>;
}

export type DropHandlers = {
  hover(active: boolean): void;
  drop(paths: string[]): void;
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

// `Backend` over Tauri IPC: one `invoke` per command, a `Channel` for progress.

import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';

import type { Backend, DropHandlers } from './backend';
import type { Progress } from './bindings/Progress';

function progressChannel(onProgress: (p: Progress) => void): Channel<Progress> {
  const channel = new Channel<Progress>();
  channel.onmessage = onProgress;
  return channel;
}

export const tauriBackend: Backend = {
  libraryInfo: () => invoke('library_info'),
  listArticles: () => invoke('list_articles'),
  getArticle: (id) => invoke('get_article', { id }),
  setMetadata: (id, patch) => invoke('set_metadata', { id, patch }),
  search: (request) => invoke('search', { request }),
  importPaths: (paths, onProgress) =>
    invoke('import_paths', { paths, onProgress: progressChannel(onProgress) }),
  reindex: (onProgress) => invoke('reindex', { onProgress: progressChannel(onProgress) }),

  choosePaths: (kind) => invoke('choose_import', { kind }),
  reveal: (path) => invoke('reveal', { path }),

  codebook: () => invoke('codebook'),
  createTag: (tag) => invoke('create_tag', { tag }),
  editTag: (id, edit) => invoke('edit_tag', { id, edit }),
  moveTag: (id, parent) => invoke('move_tag', { id, parent }),
  setTagShortcut: (id, shortcut) => invoke('set_tag_shortcut', { id, shortcut }),
  mergeTags: (from, into) => invoke('merge_tags', { from, into }),
  tagUsage: (id) => invoke('tag_usage', { id }),
  deleteTag: (id) => invoke('delete_tag', { id }),
  passages: (filter) => invoke('passages', { filter }),
  passage: (id) => invoke('passage', { id }),
  tagSpan: (articleId, span, tags) => invoke('tag_span', { articleId, span, tags }),
  addPassageTag: (id, tag) => invoke('add_passage_tag', { id, tag }),
  removePassageTag: (id, tag) => invoke('remove_passage_tag', { id, tag }),
  setPassageNote: (id, note) => invoke('set_passage_note', { id, note }),
  deletePassage: (id) => invoke('delete_passage', { id }),
  notes: () => invoke('notes'),
  addNote: (title, body) => invoke('add_note', { title, body }),
  updateNote: (id, title, body) => invoke('update_note', { id, title, body }),
  deleteNote: (id) => invoke('delete_note', { id }),
  cite: (noteId, passage) => invoke('cite', { id: noteId, passage }),
  notesCiting: (passage) => invoke('notes_citing', { passage }),
  undo: () => invoke('undo'),
  redo: () => invoke('redo'),
  review: () => invoke('review'),
  acceptPassage: (id) => invoke('accept_passage', { id }),
  reattachPassage: (id, start, end) => invoke('reattach_passage', { id, start, end }),
  searchAnnotations: (query) => invoke('search_annotations', { query }),
  articleDates: (id) => invoke('article_dates', { id }),
  timeline: () => invoke('timeline'),
  confirmEvent: (id) => invoke('confirm_event', { id }),
  editEvent: (id, patch) => invoke('edit_event', { id, patch }),
  deleteEvent: (id) => invoke('delete_event', { id }),
  mergeEvents: (into, from) => invoke('merge_events', { into, from }),
  splitEvent: (id, evidence) => invoke('split_event', { id, evidence }),
  addEvent: (articleId, span, patch) => invoke('add_event', { articleId, start: span.start, end: span.end, patch }),
  entities: () => invoke('entities'),
  renameEntity: (id, name) => invoke('rename_entity', { id, name }),
  mergeEntities: (into, from) => invoke('merge_entities', { into, from }),
  splitEntity: (id, keys, name) => invoke('split_entity', { id, keys, name }),
  entityKeys: (id) => invoke('entity_keys', { id }),
  exportPreview: (choice) => invoke('export_preview', { choice }),
  exportTo: (choice) => invoke('export_to', { choice }),
  chooseExportTemplate: () => invoke('choose_export_template'),
  takeLaunchPaths: () => invoke('take_launch_paths'),
  onLaunchPaths: (handler) => listen<string[]>('import-paths', (e) => handler(e.payload)),

  async onDrop(handlers: DropHandlers) {
    return getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === 'enter' || p.type === 'over') handlers.hover(true);
      else if (p.type === 'leave') handlers.hover(false);
      // The shell grants dropped paths and sends them as 'import-paths'
      // (`onLaunchPaths`); the page never imports what it heard here.
      else if (p.type === 'drop') handlers.hover(false);
    });
  },
};

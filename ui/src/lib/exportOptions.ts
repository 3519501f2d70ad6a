// The export dialog's choices and the request they make: what a user picks
// (a scope, a format, a kind) turned into the `ExportChoice` the shell takes.

import type { ExportChoice } from './bindings/ExportChoice';
import type { ExportFormat } from './bindings/ExportFormat';
import type { MarkdownKind } from './bindings/MarkdownKind';

export type ScopeMode = 'all' | 'tags' | 'articles' | 'notes' | 'timeline';
export type FormatId = 'md_file' | 'md_vault' | 'w3c' | 'csv' | 'qdpx' | 'timeline_csv' | 'timeline_js';

export const SCOPES: [ScopeMode, string][] = [
  ['all', 'Everything'],
  ['tags', 'Chosen tags'],
  ['articles', 'Chosen articles'],
  ['notes', 'Chosen notes'],
  ['timeline', 'The timeline'],
];

export const FORMATS: [FormatId, string][] = [
  ['md_file', 'Markdown, one file'],
  ['md_vault', 'Markdown vault (folder)'],
  ['w3c', 'W3C annotations (JSON-LD)'],
  ['csv', 'CSV of coded segments'],
  ['qdpx', 'REFI-QDA project (.qdpx)'],
  ['timeline_csv', 'Timeline CSV'],
  ['timeline_js', 'TimelineJS (JSON)'],
];

/** The formats that can carry the timeline alone. */
const TIMELINE_FORMATS: FormatId[] = ['md_file', 'md_vault', 'timeline_csv', 'timeline_js'];

export const KINDS: [MarkdownKind, string][] = [
  ['notes', 'Notes'],
  ['codebook', 'Codebook report'],
  ['articles', 'Articles with their passages'],
  ['timeline', 'Timeline'],
  ['all', 'All of these'],
];

export function formatsFor(scope: ScopeMode): [FormatId, string][] {
  return scope === 'timeline' ? FORMATS.filter(([id]) => TIMELINE_FORMATS.includes(id)) : FORMATS;
}

export function isMarkdown(format: FormatId): boolean {
  return format === 'md_file' || format === 'md_vault';
}

export type Choices = {
  scope: ScopeMode;
  format: FormatId;
  kind: MarkdownKind;
  /** Ids ticked in the list of the current scope. */
  chosen: number[];
  /** A template file has been picked (the shell holds its path). */
  template: boolean;
};

/** A template replaces one kind's built-in template: not for "all of these". */
export function takesTemplate(c: Pick<Choices, 'scope' | 'format' | 'kind'>): boolean {
  return isMarkdown(c.format) && (c.scope === 'timeline' || c.kind !== 'all');
}

/**
 * The request, or why there is none yet (a "chosen …" scope with nothing
 * chosen: the core reads an empty list as "all", which is not what was asked).
 */
export function toChoice(c: Choices): ExportChoice | { missing: string } {
  const pick = c.scope === 'tags' || c.scope === 'articles' || c.scope === 'notes';
  if (pick && c.chosen.length === 0) {
    return { missing: `Choose at least one of the ${c.scope} to export.` };
  }
  const kind: MarkdownKind = c.scope === 'timeline' ? 'timeline' : c.kind;
  let format: ExportFormat;
  if (c.format === 'md_file' || c.format === 'md_vault') {
    format = { format: 'markdown', kind, layout: c.format === 'md_file' ? 'file' : 'vault' };
  } else {
    format = { format: c.format };
  }
  return {
    format,
    template: c.template && takesTemplate(c),
    scope: {
      tags: c.scope === 'tags' ? [...c.chosen] : [],
      articles: c.scope === 'articles' ? [...c.chosen] : [],
      notes: c.scope === 'notes' ? [...c.chosen] : [],
    },
  };
}

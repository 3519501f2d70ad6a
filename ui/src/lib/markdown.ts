// Notes are Markdown written by the user, possibly pasted from anywhere, so
// the HTML `marked` produces is always passed through DOMPurify before it
// reaches the page (marked itself does not sanitise). Citations
// `[[passage:ID]]` become a block quoting the passage with its source; the
// quote and source are escaped here, and the result is sanitised with the
// rest.

import DOMPurify from 'dompurify';
import { marked } from 'marked';
import type { Passage } from './bindings/Passage';

export type CitedSource = { passage: Passage | null; title: string | null; outlet: string | null; published: string | null };

const CITE = /\[\[passage:(\d+)\]\]/g;

export function citedIds(body: string): number[] {
  return [...new Set([...body.matchAll(CITE)].map((m) => Number(m[1])))];
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function citationHtml(id: number, src: CitedSource | undefined): string {
  if (!src?.passage) {
    return `<span class="citation missing" data-testid="citation" data-passage-id="${id}">passage ${id} (not found)</span>`;
  }
  const where = [src.title ?? 'Untitled article', src.outlet, src.published?.slice(0, 10)].filter(Boolean).map((s) => escape(s!)).join(' · ');
  return (
    `<blockquote class="citation" data-testid="citation" data-passage-id="${id}" title="Open the passage">` +
    `<span class="quote">${escape(src.passage.quote)}</span>` +
    `<span class="source">— ${where}</span></blockquote>`
  );
}

/** Safe HTML for a note body, with its citations resolved from `sources`. */
export function renderNote(body: string, sources: ReadonlyMap<number, CitedSource>): string {
  const withCitations = body.replace(CITE, (_, id) => `\n\n${citationHtml(Number(id), sources.get(Number(id)))}\n\n`);
  const html = marked.parse(withCitations, { async: false, gfm: true }) as string;
  return DOMPurify.sanitize(html);
}

// What the mock backend shows for an export: a small text built from its own
// data, so the dialog's tests see the preview follow scope, format and kind.
// The real rendering (templates, escaping, formats) lives in the core.

import type { ExportChoice } from './bindings/ExportChoice';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { ExportPreview } from './bindings/ExportPreview';
import type { MockAnnotations } from './mockAnnotations';
import type { MockTimeline } from './timelineMock';

export function mockExportPreview(choice: ExportChoice, ann: MockAnnotations, timeline: MockTimeline): ExportPreview {
  const { scope, format } = choice;
  const passages = ann.s.passages.filter(
    (p) =>
      (scope.tags.length === 0 || p.tags.some((t) => scope.tags.includes(t.id))) &&
      (scope.articles.length === 0 || scope.articles.includes(p.article_id)),
  );
  const notes = ann.s.notes.filter((n) => scope.notes.length === 0 || scope.notes.includes(n.id));
  const events = timeline.timeline();
  const what = format.format === 'markdown' ? format.kind : format.format;
  let lines: string[];
  if (what === 'timeline' || what === 'timeline_csv' || what === 'timeline_js') {
    lines = events.map((e) => `${e.date ?? 'undated'}: ${e.place ?? 'somewhere'}`);
  } else if (what === 'notes') {
    lines = notes.map((n) => `## ${n.title}`);
  } else if (what === 'codebook') {
    lines = ann.s.tags.map((t) => `- ${t.name}`);
  } else {
    lines = passages.map((p) => `> ${p.quote}`);
  }
  const vault = format.format === 'markdown' && format.layout === 'vault';
  return {
    text: `${vault ? '<!-- files in the vault:\n  index.md\n-->\n\n' : ''}${choice.template ? '(your template)\n' : ''}# ${what}\n\n${lines.join('\n')}\n`,
    truncated: false,
    files: vault ? 1 + notes.length : 1,
    passages: passages.length,
    notes: notes.length,
    events: events.length,
  };
}

/** An export "written" to `dir` (what PARLEY_EXPORT_DIR does in the app). */
export function mockExportOutcome(choice: ExportChoice, dir: string): ExportOutcome {
  const vault = choice.format.format === 'markdown' && choice.format.layout === 'vault';
  const path = vault ? dir : `${dir}/parley-export`;
  const written = vault ? ['index.md'] : [path];
  return { path, files: { written, unchanged: [], edited: [], foreign: [], removed: [] }, warnings: [] };
}

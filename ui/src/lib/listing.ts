// Sorting and filtering the library list. This only arranges rows the core
// already returned; searching the text is the core's job.

import type { ArticleSummary } from './bindings/ArticleSummary';

export type SortKey = 'date' | 'title' | 'outlet';

export type ListFilter = { outlet: string | null; year: string | null };

/** The year of a `published` value, or `null` when the date is unknown. */
export function yearOf(published: string | null): string | null {
  return published ? published.slice(0, 4) : null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first for dates; A→Z otherwise. Unknown values sort last. */
export function sortArticles(articles: ArticleSummary[], key: SortKey): ArticleSummary[] {
  const pick = (a: ArticleSummary) =>
    key === 'date' ? a.published : key === 'title' ? a.title : a.outlet;
  return [...articles].sort((x, y) => {
    const a = pick(x);
    const b = pick(y);
    if (a === b) return x.id - y.id;
    if (a === null) return 1;
    if (b === null) return -1;
    return key === 'date' ? (a < b ? 1 : -1) : collator.compare(a, b) || x.id - y.id;
  });
}

export function filterArticles(articles: ArticleSummary[], f: ListFilter): ArticleSummary[] {
  return articles.filter(
    (a) =>
      (f.outlet === null || a.outlet === f.outlet) &&
      (f.year === null || yearOf(a.published) === f.year),
  );
}

/** Distinct values with how many articles have each, most common first. */
export function countBy(
  articles: ArticleSummary[],
  key: (a: ArticleSummary) => string | null,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const v = key(a);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count }));
}

import { describe, expect, it, vi } from 'vitest';
import { FIRST_HITS, PAGE_SIZE, SearchSession, withFilter } from './search.svelte';
import { MockBackend } from './mockBackend';
import type { Backend } from './backend';
import type { SearchResults } from './bindings/SearchResults';
import type { AnnotationHit } from './bindings/AnnotationHit';
import type { SearchHit } from './bindings/SearchHit';

const empty = (total: number): SearchResults => ({
  total,
  hits: [],
  facets: { outlets: [], years: [] },
});

describe('SearchSession', () => {
  it('keeps the newest answer when an older one arrives later', async () => {
    const backend = new MockBackend();
    const resolvers: ((r: SearchResults) => void)[] = [];
    backend.search = () => new Promise((resolve) => resolvers.push(resolve));
    const session = new SearchSession(backend, () => {});
    session.query = 'kerr';
    const first = session.run();
    session.query = 'kerry';
    const second = session.run();
    resolvers[1](empty(2));
    resolvers[0](empty(1));
    await Promise.all([first, second]);
    expect(session.results?.total, 'the slow answer to "kerr" must not replace "kerry"').toBe(2);
  });

  it('searches at once, and after a running search only for the latest text', async () => {
    const backend = new MockBackend();
    const resolvers: ((r: SearchResults) => void)[] = [];
    const asked: string[] = [];
    backend.search = (q) => {
      asked.push(q.query);
      return new Promise((resolve) => resolvers.push(resolve));
    };
    const session = new SearchSession(backend, () => {});
    session.set('p');
    expect(asked, 'the first keystroke searches without waiting').toEqual(['p']);
    for (const q of ['pu', 'put', 'puti']) session.set(q);
    expect(asked, 'keystrokes during a search do not queue searches').toEqual(['p']);
    resolvers[0](empty(9));
    await vi.waitFor(() => expect(asked).toEqual(['p', 'puti']));
    resolvers[1](empty(1));
    await vi.waitFor(() => expect(session.results?.total, 'the answer for what was typed last').toBe(1));
    expect(asked, 'two searches for four keystrokes').toHaveLength(2);
  });

  it('asks for passages and notes alongside the articles, and draws the first hits first', async () => {
    const backend: Backend = new MockBackend();
    const order: string[] = [];
    let answerArticles!: (r: SearchResults) => void;
    let answerNotes!: (h: AnnotationHit[]) => void;
    backend.search = () => (order.push('articles'), new Promise<SearchResults>((resolve) => (answerArticles = resolve)));
    backend.searchAnnotations = () => (order.push('notes'), new Promise<AnnotationHit[]>((resolve) => (answerNotes = resolve)));
    const paints: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => paints.push(f));
    try {
      const session = new SearchSession(backend, () => {});
      session.set('kerry');
      expect(order.sort(), 'both searches start on the keystroke').toEqual(['articles', 'notes']);
      const hit: SearchHit = { article_id: 0, title: 't', outlet: null, author: null, published: null, score: 1, snippet: '', snippet_start: 0, highlights: [], title_highlights: [] };
      answerArticles({ ...empty(60), hits: Array.from({ length: PAGE_SIZE }, (_, i) => ({ ...hit, article_id: i })) });
      await vi.waitFor(() => expect(session.results?.total).toBe(60));
      expect(session.shown, 'the answer’s first frame draws the hits in view').toBe(FIRST_HITS);
      paints.splice(0).forEach((f) => f());
      await vi.waitFor(() => expect(session.shown, 'the rest follow once it is painted').toBe(PAGE_SIZE));
      answerNotes([{ kind: 'passage', id: 7, title: '', snippet: 'kerry' }]);
      await vi.waitFor(() => expect(session.annotations.map((a) => a.id)).toEqual([7]));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a malformed query inline and reports other failures', async () => {
    const backend = new MockBackend();
    const reported: string[] = [];
    const session = new SearchSession(backend, (e) => reported.push(e.code));
    backend.failNext('search', { code: 'invalid_query', message: 'unbalanced quote' });
    session.query = '"kerry';
    await session.run();
    expect(session.error?.message, 'a typo in the query is explained where the user types').toBe(
      'unbalanced quote',
    );
    backend.failNext('search', { code: 'index', message: 'index corrupt' });
    session.query = 'kerry';
    await session.run();
    expect(reported, 'an index failure goes to the app’s error toasts').toEqual(['index']);
  });
});

describe('withFilter', () => {
  it('quotes values with spaces and does not add a filter twice', () => {
    expect(withFilter('kerry', 'outlet', 'Russia Direct'), 'a two-word outlet is one value').toBe(
      'kerry outlet:"Russia Direct"',
    );
    expect(withFilter('kerry published:2015', 'published', '2015'), 'repeat clicks are idempotent').toBe(
      'kerry published:2015',
    );
  });
});

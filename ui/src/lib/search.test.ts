import { describe, expect, it, vi } from 'vitest';
import { SearchSession, withFilter } from './search.svelte';
import { MockBackend } from './mockBackend';
import type { SearchResults } from './bindings/SearchResults';

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

  it('waits for a pause in typing before searching', async () => {
    vi.useFakeTimers();
    const backend = new MockBackend();
    const session = new SearchSession(backend, () => {});
    for (const q of ['p', 'pu', 'put', 'puti']) session.set(q);
    await vi.advanceTimersByTimeAsync(150);
    vi.useRealTimers();
    const queries = backend.calls.filter((c) => c.method === 'search');
    expect(queries.length, 'four keystrokes within the debounce make one search').toBe(1);
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

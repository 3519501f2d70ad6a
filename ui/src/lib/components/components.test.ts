import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AppModel } from '../model.svelte';
import { MockBackend } from '../mockBackend';
import { SOCHI, UNDATED } from '../testing/fixtures';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import { Theme } from '../theme.svelte';
import App from '../../App.svelte';
import LibraryPane from './LibraryPane.svelte';
import ReaderPane from './ReaderPane.svelte';
import SearchPalette from './SearchPalette.svelte';

function setup() {
  const backend = new MockBackend([structuredClone(SOCHI), structuredClone(UNDATED)]);
  return { backend, model: new AppModel(backend) };
}

describe('search palette', () => {
  it('shows each hit with its matches marked inside the snippet', async () => {
    const { model } = setup();
    render(SearchPalette, { model, onclose: () => {} });
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'sochi' } });
    const hits = await screen.findAllByTestId('search-hit');
    expect(hits.length, 'only the Sochi article contains "sochi"').toBe(1);
    const marks = [...hits[0].querySelectorAll('.snippet mark')].map((m) => m.textContent);
    expect(marks, 'both occurrences are marked, despite the emoji before them').toEqual([
      'Sochi',
      'Sochi',
    ]);
  });

  it('opens the chosen hit in the reader with its matches', async () => {
    const { model } = setup();
    let closed = false;
    render(SearchPalette, { model, onclose: () => (closed = true) });
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'putin' } });
    await screen.findAllByTestId('search-hit');
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(model.article?.id, 'Enter opens the active hit').toBe(SOCHI.id));
    expect(model.highlights.length, 'the reader receives the hit’s match ranges').toBe(1);
    expect(closed, 'the palette closes once a hit is opened').toBe(true);
  });
});

describe('reader', () => {
  it('shows "Date unknown" and saves a date set inline', async () => {
    const { model, backend } = setup();
    await model.open(UNDATED.id);
    render(ReaderPane, { model });
    expect(screen.getByTestId('reader-date').textContent, 'an undated article says so').toBe(
      'Date unknown',
    );
    await fireEvent.click(screen.getByTestId('set-date'));
    const input = screen.getByTestId('date-input') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '2016-03-25' } });
    await fireEvent.submit(input.form!);
    await waitFor(() =>
      expect(screen.getByTestId('reader-date').textContent?.trim(), 'the saved date replaces "Date unknown"').toBe(
        '25 Mar 2016',
      ),
    );
    const call = backend.calls.find((c) => c.method === 'setMetadata');
    expect(call?.args, 'only `published` is sent; other fields stay as they are').toEqual([
      UNDATED.id,
      { title: null, outlet: null, author: null, published: '2016-03-25', url: null },
    ]);
  });

  it('marks every match in the body', async () => {
    const { model } = setup();
    const chars = Array.from(SOCHI.text);
    const spans = [...SOCHI.text.matchAll(/Sochi/g)].map((m) => {
      const start = Array.from(SOCHI.text.slice(0, m.index)).length;
      return { start, end: start + 5 };
    });
    expect(chars.length, 'the fixture has an emoji, so chars ≠ UTF-16 units').toBeLessThan(SOCHI.text.length);
    await model.open(SOCHI.id, spans);
    const { container } = render(ReaderPane, { model });
    const marks = [...container.querySelectorAll('mark.hit')].map((m) => m.textContent);
    expect(marks, 'each char span marks exactly "Sochi"').toEqual(['Sochi', 'Sochi']);
  });
});

describe('errors', () => {
  it('shows a toast with the backend’s message when loading fails', async () => {
    const { model, backend } = setup();
    backend.failNext('listArticles', { code: 'database', message: 'database error: disk I/O error' });
    const theme = new Theme(document.documentElement, null);
    render(App, { model, theme });
    const toast = await screen.findByTestId('error-toast');
    expect(toast.textContent, 'the user sees what failed and why').toContain('disk I/O error');
    expect(toast.dataset.code, 'the code travels with the message').toBe('database');
  });
});

describe('library list', () => {
  it('renders only the rows in view out of 20,000', async () => {
    const { model, backend } = setup();
    const many: ArticleSummary[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: i + 1,
      title: `Article ${i + 1}`,
      outlet: i % 2 ? 'Reuters' : 'TASS',
      published: `20${10 + (i % 10)}-01-01`,
      source: `/corpus/${i}.txt`,
      words: 100,
    }));
    backend.useSummaries(many);
    await model.load();
    render(LibraryPane, { model, initialHeight: 580 });
    const rows = screen.getAllByTestId('article-row');
    expect(rows.length, '580px of 58px rows is 10 rows plus a small overscan, not 20,000').toBeLessThan(30);
    expect(rows.length, 'the visible rows are there').toBeGreaterThanOrEqual(10);
    expect(screen.getByTestId('article-count').textContent, 'the count covers all rows').toContain('20,000');
  });
});

describe('import', () => {
  it('imports launch paths, shows progress, then the summary with reasons', async () => {
    const { model, backend } = setup();
    backend.launchPaths = ['/corpus'];
    backend.importResult = {
      imported: [3],
      updated: [],
      duplicates: [],
      failed: [{ path: '/corpus/scan.pdf', reason: 'unsupported file type .pdf' }],
      reanchored: { kept: 0, moved: 0, needs_review: 0, orphaned: 0 },
    };
    const seen: number[] = [];
    const original = backend.importPaths.bind(backend);
    backend.importPaths = (paths, onProgress) =>
      original(paths, (p) => {
        onProgress(p);
        seen.push(model.importing?.done ?? -1);
      });
    render(App, { model, theme: new Theme(document.documentElement, null) });
    const summary = await screen.findByTestId('import-summary');
    expect(seen, 'each progress message reaches the progress bar’s state').toEqual([1]);
    expect(summary.textContent, 'failures are listed with their reason').toContain(
      'unsupported file type .pdf',
    );
    expect(screen.getByTestId('imported-count').textContent, 'the count of new articles').toBe('1');
    expect(screen.queryByTestId('import-progress'), 'the bar goes away when done').toBeNull();
  });

  it('shows the shell refusing paths the user never chose, and no summary', async () => {
    const { model, backend } = setup();
    const message = 'Parley can only import files you chose or dropped: /etc/shadow. Choose them with Import files… or Folder…, or drop them on the window.';
    backend.failNext('importPaths', { code: 'not_granted', message });
    render(App, { model, theme: new Theme(document.documentElement, null) });
    await waitFor(() => expect(backend.launchHandler, 'the app listens for dropped and launch paths').not.toBeNull());
    backend.launchHandler?.(['/etc/shadow']);
    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('not_granted');
    expect(toast.textContent, 'the refusal says why and names the path').toContain(message);
    expect(screen.queryByTestId('import-summary'), 'nothing was imported, so no summary').toBeNull();
    expect(model.importing, 'the import is not left running').toBeNull();
  });
});

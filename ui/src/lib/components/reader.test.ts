// The reader's dates, the search palette's passage hits by keyboard, the
// codebook's descriptions and the tagging round trip's traffic.

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AppModel } from '../model.svelte';
import { MockBackend } from '../mockBackend';
import { article, SOCHI } from '../testing/fixtures';
import { withPassage } from '../annotations.svelte';
import type { Passage } from '../bindings/Passage';
import CodebookPane from './CodebookPane.svelte';
import ReaderPane from './ReaderPane.svelte';
import SearchPalette from './SearchPalette.svelte';

const DATED = article({
  id: 3,
  title: 'Talks',
  published: '2015-07-03',
  text: 'Café 😀 talks began 2015-07-09 in Vienna.\n\nThey end 2015-07-14.',
});

async function setup(articles = [DATED]) {
  const backend = new MockBackend(articles.map((a) => structuredClone(a)));
  const model = new AppModel(backend);
  await model.open(articles[0].id);
  return { backend, model };
}

describe('reader dates', () => {
  it('underlines each recognised date with its value and weekday on hover', async () => {
    const { model } = await setup();
    const { container } = render(ReaderPane, { model });
    const dates = await screen.findAllByTestId('date');
    expect(dates.map((d) => d.textContent), 'both dates, at the right chars after the emoji').toEqual(['2015-07-09', '2015-07-14']);
    expect(dates[0].getAttribute('title')).toBe('2015-07-09 (Thursday 9 July 2015)');
    expect(container.querySelector('.body')?.textContent, 'the underline adds no text').toContain('talks began 2015-07-09 in Vienna.');
  });

  it('keeps a date underlined inside a passage, and the passage whole', async () => {
    const { model } = await setup();
    // "began 2015-07-09": chars 13..29 (the emoji is one char).
    model.ann.pending = { articleId: DATED.id, start: 13, end: 29, quote: 'began 2015-07-09', x: 0, y: 0 };
    await model.ann.tag(['Timing']);
    render(ReaderPane, { model });
    await screen.findAllByTestId('date');
    const passage = screen.getAllByTestId('passage');
    expect(passage.map((p) => p.textContent).join(''), 'the passage covers its quote').toBe('began 2015-07-09');
    expect(passage[passage.length - 1].querySelector('[data-testid="date"]')?.textContent, 'the date sits inside the passage').toBe('2015-07-09');
  });
});

describe('tagging round trip', () => {
  it('renders the new passage from the answer, without fetching the article’s passages again', async () => {
    const { backend, model } = await setup();
    model.ann.pending = { articleId: DATED.id, start: 0, end: 4, quote: 'Café', x: 0, y: 0 };
    const before = backend.calls.length;
    await model.ann.tag(['Place']);
    const after = backend.calls.slice(before).map((c) => c.method);
    expect(after, 'one call to tag, one to refresh the codebook’s counts').toEqual(['tagSpan', 'codebook']);
    expect(model.ann.passages.map((p) => p.quote)).toEqual(['Café']);
    expect(model.ann.selectedId).toBe(model.ann.passages[0].id);
  });

  it('keeps the passage list in the core’s order (start, then id)', () => {
    const p = (id: number, start: number) => ({ id, start }) as Passage;
    const list = [p(1, 0), p(2, 10), p(3, 10), p(4, 30)];
    expect(withPassage(list, p(5, 10)).map((x) => x.id), 'a new passage goes after its equals').toEqual([1, 2, 3, 5, 4]);
    expect(withPassage(list, { ...p(2, 40) }).map((x) => x.id), 'a changed one moves').toEqual([1, 3, 4, 2]);
    expect(withPassage([], p(9, 0)).map((x) => x.id)).toEqual([9]);
  });
});

describe('search palette', () => {
  it('reaches passage hits with the arrow keys and opens one with Enter', async () => {
    const { model } = await setup([SOCHI]);
    model.ann.pending = { articleId: SOCHI.id, start: 12, end: 17, quote: 'Putin', x: 0, y: 0 };
    await model.ann.tag(['Actors']);
    const id = model.ann.passages[0].id;
    model.ann.selectedId = null;
    render(SearchPalette, { model, onclose: () => {} });
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'putin' } });
    const [passageHit] = await screen.findAllByTestId('annotation-hit');
    expect(screen.getAllByTestId('search-hit').length, 'one article hit comes first').toBe(1);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(passageHit.getAttribute('aria-selected'), 'the second item is the passage').toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(passageHit.id);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByTestId('search-hit')[0].getAttribute('aria-selected'), 'past the end wraps to the top').toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(model.ann.selectedId, 'Enter opens the passage').toBe(id));
  });
});

describe('codebook descriptions', () => {
  it('edits, shows and clears a tag’s description', async () => {
    const { backend, model } = await setup();
    await backend.createTag({ name: 'Framing', colour: null, description: '', parent: null, shortcut: null });
    await model.ann.loadCodebook();
    render(CodebookPane, { model });
    await fireEvent.click(screen.getByTestId('tag-description'));
    const box = screen.getByTestId('tag-description-input');
    await fireEvent.input(box, { target: { value: 'How an outlet presents the talks' } });
    await fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('tag-description').textContent, 'the description shows under the name').toBe('How an outlet presents the talks'));
    expect(screen.getByRole('button', { name: 'Framing' }).getAttribute('title'), 'and as the name’s tooltip').toMatch(/^How an outlet presents the talks/);
    await fireEvent.click(screen.getByTestId('tag-description'));
    await fireEvent.input(screen.getByTestId('tag-description-input'), { target: { value: '  ' } });
    await fireEvent.click(screen.getByTestId('tag-description-save'));
    await waitFor(() => expect(model.ann.codebook[0].description, 'saving blank clears it').toBe(''));
    const edits = backend.calls.filter((c) => c.method === 'editTag').map((c) => (c.args[1] as { description: string }).description);
    expect(edits).toEqual(['How an outlet presents the talks', '']);
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AppModel } from '../model.svelte';
import { MockBackend } from '../mockBackend';
import { SOCHI } from '../testing/fixtures';
import { Theme } from '../theme.svelte';
import { paletteItems } from '../palette';
import { renderNote } from '../markdown';
import App from '../../App.svelte';
import TagPalette from './TagPalette.svelte';
import NoteEditor from './NoteEditor.svelte';

async function setup() {
  const backend = new MockBackend([structuredClone(SOCHI)]);
  const model = new AppModel(backend);
  await model.open(SOCHI.id);
  // "Putin" in "Kerry 😀 met Putin…": chars 12..17 (the emoji is one char).
  model.ann.pending = { articleId: SOCHI.id, start: 12, end: 17, quote: 'Putin', x: 10, y: 10 };
  return { backend, model };
}

describe('tag palette', () => {
  it('filters the codebook, names first, and offers to create a new name', async () => {
    const book = ['Framing', 'Actor: Putin', 'Conflict'].map((name, i) => ({
      id: i + 1, name, colour: '#123456', description: '', parent: null, shortcut: null, created_at: '', modified_at: '', passages: 0, rolled_up: 0,
    }));
    expect(paletteItems(book, 'f').map((i) => (i.kind === 'tag' ? i.tag.name : `+${i.name}`)), 'prefix matches before substring matches').toEqual([
      'Framing',
      'Conflict',
      '+f',
    ]);
    expect(paletteItems(book, 'framing').some((i) => i.kind === 'create'), 'an exact name (any case) is not created twice').toBe(false);
  });

  it('creates the tag and the passage on Enter with a new name', async () => {
    const { backend, model } = await setup();
    render(TagPalette, { model, span: model.ann.pending! });
    const input = screen.getByTestId('tag-palette-input');
    await fireEvent.input(input, { target: { value: 'Diplomacy' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(model.ann.passages.length, 'the passage is listed for the article').toBe(1));
    const call = backend.calls.find((c) => c.method === 'tagSpan');
    expect(call?.args, 'the exact char span and the new name go to the backend').toEqual([SOCHI.id, { start: 12, end: 17 }, ['Diplomacy']]);
    expect(model.ann.passages[0].quote, 'the stored quote is the selected text').toBe('Putin');
    expect(model.ann.codebook.map((t) => t.name), 'the codebook now has the tag').toEqual(['Diplomacy']);
  });
});

describe('tagging with a known tag', () => {
  it('leaves the passages as they were when the command fails', async () => {
    const { backend, model } = await setup();
    await model.ann.tag(['Actors']);
    model.ann.pending = { articleId: SOCHI.id, start: 18, end: 20, quote: 'in', x: 10, y: 10 };
    backend.failNext('tagSpan', { code: 'busy', message: 'the library is busy' });
    await model.ann.tag(['Actors']);
    expect(model.ann.passages.map((p) => p.start), 'only the first passage is left').toEqual([12]);
  });
});

describe('reader and undo', () => {
  it('renders passages, and Ctrl+Z outside a text field undoes through the backend', async () => {
    const { backend, model } = await setup();
    await model.ann.tag(['Actors']);
    render(App, { model, theme: new Theme(document.documentElement, null) });
    const mark = await screen.findByTestId('passage');
    expect(mark.textContent, 'the passage is marked in the reader').toBe('Putin');
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'undo'), 'Ctrl+Z calls undo').toBe(true));
    await waitFor(() => expect(screen.queryByTestId('passage'), 'the undone passage disappears').toBeNull());
    expect((await screen.findByTestId('notice')).textContent, 'a toast says what was undone').toMatch(/^Undid: /);
    await fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.queryByTestId('passage'), 'Ctrl+Shift+Z redoes it').not.toBeNull());
  });
});

describe('citations', () => {
  it('render the quote with its source, escaped, and sanitise the rest', () => {
    const sources = new Map([[7, { passage: { quote: '<b>Putin</b> said', id: 7 } as never, title: 'Kerry meets Putin', outlet: 'Russia Direct', published: '2015-05-12' }]]);
    const html = renderNote('See [[passage:7]] <img src=x onerror=alert(1)><script>alert(2)</script>', sources);
    const div = document.createElement('div');
    div.innerHTML = html;
    const cite = div.querySelector('[data-testid="citation"]')!;
    expect(cite.querySelector('.quote')?.textContent, 'the quote is text, not markup').toBe('<b>Putin</b> said');
    expect(cite.querySelector('.source')?.textContent, 'title, outlet and date').toBe('— Kerry meets Putin · Russia Direct · 2015-05-12');
    expect(html, 'no script or event handler survives').not.toMatch(/<script|onerror/);
  });

  it('open the cited passage in the reader when clicked', async () => {
    const { backend, model } = await setup();
    await model.ann.tag(['Actors']);
    const id = model.ann.passages[0].id;
    model.articles = await backend.listArticles();
    const note = await backend.addNote('Memo', `Key line: [[passage:${id}]]`);
    model.ann.selectedId = null;
    render(NoteEditor, { model, note });
    const cite = await screen.findByTestId('citation');
    await waitFor(() => expect(screen.getByTestId('citation').textContent, 'the citation shows the quote').toContain('Putin'));
    await fireEvent.click(await screen.findByTestId('citation'));
    await waitFor(() => expect(model.ann.selectedId, 'clicking selects the passage').toBe(id));
  });
});

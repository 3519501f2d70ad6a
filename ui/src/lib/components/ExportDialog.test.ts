import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { MockBackend } from '../mockBackend';
import { MockTimeline } from '../timelineMock';
import { SOCHI, UNDATED } from '../testing/fixtures';
import type { ExportChoice } from '../bindings/ExportChoice';
import ExportDialog from './ExportDialog.svelte';

async function setup() {
  const backend = new MockBackend([structuredClone(SOCHI), structuredClone(UNDATED)]);
  backend.timelineData = new MockTimeline([
    {
      id: 1,
      kind: 'meeting',
      status: 'held',
      date: '2015-05-12',
      place: 'Sochi',
      participants: ['John Kerry', 'Vladimir Putin'],
      evidence: [{ article_id: SOCHI.id, start: 0, end: 18, quote: 'Kerry 😀 met Putin' }],
      confirmed: false,
      origin: 'extracted',
    },
  ]);
  await backend.tagSpan(SOCHI.id, { start: 0, end: 5 }, ['Diplomacy']);
  await backend.tagSpan(UNDATED.id, { start: 0, end: 4 }, ['Economy']);
  await backend.addNote('Draft', 'A note');
  backend.calls = [];
  const revealed: string[] = [];
  render(ExportDialog, { backend, onclose: () => {}, onreveal: (p: string) => revealed.push(p) });
  return { backend, revealed };
}

const lastPreview = (b: MockBackend) =>
  b.calls.filter((c) => c.method === 'exportPreview').at(-1)?.args[0] as ExportChoice | undefined;

describe('export dialog', () => {
  it('previews everything as Markdown notes, then follows a change of kind', async () => {
    const { backend } = await setup();
    await waitFor(() => expect(screen.getByTestId('export-preview').textContent).toContain('## Draft'));
    expect(lastPreview(backend)).toEqual({
      format: { format: 'markdown', kind: 'notes', layout: 'file' },
      scope: { tags: [], articles: [], notes: [] },
      template: false,
    });
    expect(screen.getByTestId('export-counts').textContent).toContain('2 passages');
    await fireEvent.change(screen.getByTestId('export-kind'), { target: { value: 'timeline' } });
    await waitFor(() => expect(screen.getByTestId('export-preview').textContent).toContain('2015-05-12: Sochi'));
  });

  it('debounces: several quick changes ask for one preview', async () => {
    const { backend } = await setup();
    await waitFor(() => expect(lastPreview(backend)).toBeDefined());
    const before = backend.calls.length;
    for (const value of ['codebook', 'articles', 'all']) {
      await fireEvent.change(screen.getByTestId('export-kind'), { target: { value } });
    }
    await waitFor(() => expect(lastPreview(backend)?.format).toMatchObject({ kind: 'all' }));
    const asked = backend.calls.slice(before).filter((c) => c.method === 'exportPreview');
    expect(asked, 'three changes within the debounce make one request').toHaveLength(1);
  });

  it('scopes to chosen tags, and asks for a choice before exporting', async () => {
    const { backend } = await setup();
    await fireEvent.change(screen.getByTestId('export-scope'), { target: { value: 'tags' } });
    expect(screen.getByTestId('export-counts').textContent).toContain('Choose at least one');
    expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(true);
    const items = await screen.findByTestId('export-items');
    await waitFor(() => within(items).getByText('Economy'));
    await fireEvent.click(within(items).getByLabelText('Economy'));
    await fireEvent.change(screen.getByTestId('export-kind'), { target: { value: 'articles' } });
    await waitFor(() => expect(screen.getByTestId('export-counts').textContent).toContain('1 passage'));
    const economy = backend.ann.s.tags.find((t) => t.name === 'Economy')!.id;
    expect(lastPreview(backend)?.scope).toEqual({ tags: [economy], articles: [], notes: [] });
  });

  it('offers only timeline formats for the timeline, and exports a vault with "Show in folder"', async () => {
    const { backend, revealed } = await setup();
    await fireEvent.change(screen.getByTestId('export-scope'), { target: { value: 'timeline' } });
    const formats = [...(screen.getByTestId('export-format') as HTMLSelectElement).options].map((o) => o.value);
    expect(formats).toEqual(['md_file', 'md_vault', 'timeline_csv', 'timeline_js']);
    expect(screen.queryByTestId('export-kind'), 'the timeline scope fixes the kind').toBeNull();
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'md_vault' } });
    await waitFor(() => expect(lastPreview(backend)?.format).toEqual({ format: 'markdown', kind: 'timeline', layout: 'vault' }));
    await fireEvent.click(screen.getByTestId('export-run'));
    const result = await screen.findByTestId('export-result');
    expect(result.textContent).toContain('Exported 1 file to /tmp/parley-export');
    await fireEvent.click(screen.getByTestId('export-reveal'));
    expect(revealed).toEqual(['/tmp/parley-export']);
  });

  it('uses a template picked through the shell, for one kind at a time', async () => {
    const { backend } = await setup();
    await fireEvent.click(screen.getByTestId('export-template-choose'));
    await waitFor(() => expect(screen.getByTestId('export-template').textContent).toContain('my-notes.md'));
    await waitFor(() => expect(lastPreview(backend)?.template).toBe(true));
    expect(screen.getByTestId('export-preview').textContent).toContain('(your template)');
    await fireEvent.change(screen.getByTestId('export-kind'), { target: { value: 'all' } });
    await waitFor(() => expect(lastPreview(backend)?.format).toMatchObject({ kind: 'all' }));
    expect(lastPreview(backend)?.template, '"all" uses the built-in templates').toBe(false);
    expect(screen.queryByTestId('export-template-choose')).toBeNull();
    await fireEvent.change(screen.getByTestId('export-kind'), { target: { value: 'notes' } });
    await fireEvent.click(screen.getByTestId('export-template-clear'));
    await waitFor(() => expect(screen.getByTestId('export-template').textContent).toContain('Built-in'));
    await waitFor(() => expect(lastPreview(backend)?.template).toBe(false));
  });

  it('says nothing was written when the save dialog is cancelled, and shows a failure', async () => {
    const { backend } = await setup();
    backend.exportDir = null;
    await fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'exportTo')).toBe(true));
    expect(screen.queryByTestId('export-result')).toBeNull();
    backend.failNext('exportTo', { code: 'io', message: 'cannot write /x/parley-notes.md' });
    await fireEvent.click(screen.getByTestId('export-run'));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot write');
  });
});

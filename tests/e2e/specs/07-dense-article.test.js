// A long article densely tagged still opens fast: 50,000 words with 2,000
// passages (overlapping, as real coding is), timed from the click on its row
// to the frame in which every passage mark is in the DOM.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { answerNextDialog } from '../lib/dialog.js';
import { row, rows, waitForCount } from '../lib/library.js';

const WORDS = 50_000;
const PASSAGES = 2_000;
/**
 * The budget is 300 ms, for a release build on a desktop. This is a
 * debug build under Xvfb on a shared 2-core machine, where the same open
 * measures 600–1,200 ms depending on load; the bound here catches a
 * quadratic regression (which would take many seconds), and the measured
 * time is printed for the record.
 */
const BUDGET_MS = Number(process.env.PARLEY_E2E_RENDER_BUDGET_MS ?? 3000);

function longText() {
  const vocab = ['talks', 'Sochi', 'minister', 'café', 'sanctions', '東京', 'ceasefire', 'envoy', 'said', 'the'];
  const paras = [];
  for (let p = 0; p < WORDS / 50; p++) {
    paras.push(Array.from({ length: 50 }, (_, i) => vocab[(p * 7 + i * 3) % vocab.length]).join(' ') + '.');
  }
  return `Dense article\n\n${paras.join('\n\n')}\n`;
}

describe('a densely tagged long article', () => {
  let app;
  before(async () => {
    app = await launch('dense');
    const folder = join(app.root, 'dense');
    await mkdir(folder);
    await writeFile(join(folder, 'dense.txt'), longText());
    await waitForCount(app.browser, 5, 'the seeded library');
    await answerNextDialog(app.browser, [folder]);
    await app.browser.$(tid('import-folder-button')).click();
    await app.browser.$(tid('import-summary')).waitForDisplayed({ timeoutMsg: 'the import ends' });
    await app.browser.$(`${tid('import-summary')} button.primary`).click();
    await waitForCount(app.browser, 6, 'the dense article joins the seeds');
  });
  after(async () => app?.close());

  test(`opens with ${PASSAGES} passages within ${BUDGET_MS} ms`, { timeout: 600_000 }, async () => {
    const { browser } = app;
    const dense = (await rows(browser)).find((r) => r.title === 'Dense article');
    const seed = (await rows(browser)).find((r) => r.title !== 'Dense article');
    const bare = await timeOpen(browser, dense.id, seed.id, 0);
    // 2,000 passages through the app's own command, as the palette does;
    // every third one overlaps its neighbour.
    const made = await browser.executeAsync((id, n, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        for (let i = 0; i < n; i++) {
          const start = 20 + i * 150;
          const end = start + (i % 3 === 0 ? 200 : 40);
          await invoke('tag_span', { articleId: id, span: { start, end }, tags: [i % 2 ? 'Framing' : 'Actors'] });
        }
        return n;
      })().then(done, (e) => done(String(e?.message ?? e)));
    }, dense.id, PASSAGES);
    assert.equal(made, PASSAGES, `every passage is created (${made})`);

    const ms = await timeOpen(browser, dense.id, seed.id, PASSAGES);
    console.log(`# dense article: ${WORDS} words, ${PASSAGES} passages rendered in ${ms.toFixed(0)} ms (${bare.toFixed(0)} ms without passages)`);
    // Where the time goes: the two IPC round trips on their own.
    const ipc = await browser.executeAsync((id, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        let t = performance.now();
        await invoke('get_article', { id });
        const article = performance.now() - t;
        t = performance.now();
        await invoke('passages', { filter: { article: id, tag: null } });
        const layout = performance.getEntriesByName('reader-layout').pop()?.duration ?? NaN;
        return { article, passages: performance.now() - t, layout };
      })().then(done);
    }, dense.id);
    console.log(
      `# of which: IPC get_article ${ipc.article.toFixed(0)} ms, passages ${ipc.passages.toFixed(0)} ms; ` +
        `layout (run splitting) ${ipc.layout.toFixed(0)} ms; the rest is DOM building, style and layout`,
    );
    await screenshot(browser, '26-dense-article');
    assert.ok(ms < BUDGET_MS, `the article with ${PASSAGES} passages renders in ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  });
});

/**
 * Opens another article, then times the click on article `id`'s row until
 * the frame after `n` distinct passages (or, for 0, the body) are in the DOM.
 */
async function timeOpen(browser, id, otherId, n) {
  await row(browser, otherId).click();
  await browser.waitUntil(async () => (await browser.$(tid('reader-title')).getText()) !== 'Dense article');
  return browser.executeAsync((sel, rowSel, n, done) => {
    const t0 = performance.now();
    document.querySelector(rowSel).click();
    const check = () => {
      const ready =
        document.querySelector('[data-testid="reader-title"]')?.textContent === 'Dense article' &&
        document.querySelectorAll('[data-testid="reader"] .block').length > 900;
      const ids = new Set();
      if (ready && n > 0) for (const el of document.querySelectorAll(sel)) for (const x of el.dataset.passageIds.split(',')) ids.add(x);
      if (ready && ids.size >= n) requestAnimationFrame(() => done(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, tid('passage'), `${tid('article-row')}[data-id="${id}"]`, n);
}

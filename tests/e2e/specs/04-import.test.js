// Importing a folder of 417 BBC politics articles through the toolbar's
// "Folder…" button: the progress bar counts up, the summary reports what was
// imported, and the library grows by one article per distinct text. (The
// folder holds 14 byte-identical copies, which the app reports as duplicates
// instead of importing twice: 5 seeds + 403 = 408, not 422.)

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, launch, screenshot, tid } from '../lib/app.js';
import { answerNextDialog, dialogRequest } from '../lib/dialog.js';
import { articleCount, waitForCount } from '../lib/library.js';

const FOLDER = resolve(REPO, process.env.PARLEY_E2E_IMPORT_DIR ?? '../shared/corpora/bbc/politics');
const FILES = 417;
const SEEDS = 5;

/** Files whose bytes differ from every other file's: what must become articles. */
function distinctTexts(dir) {
  const hashes = readdirSync(dir).map((f) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex'));
  return new Set(hashes).size;
}

describe('import a folder', () => {
  let app;
  let distinct;
  before(async () => {
    assert.ok(existsSync(FOLDER), `the shared corpus must be checked out next to the repo: ${FOLDER}`);
    assert.equal(readdirSync(FOLDER).length, FILES, `${FOLDER} holds the ${FILES} BBC politics articles`);
    distinct = distinctTexts(FOLDER);
    app = await launch('import');
    await waitForCount(app.browser, SEEDS, 'the import starts from the seeded library');
  });
  after(async () => app?.close());

  test('progress counts up, the summary shows, and the library grows by the distinct articles', async () => {
    const { browser } = app;
    await watchProgress(browser);
    await answerNextDialog(browser, [FOLDER]);
    await browser.$(tid('import-folder-button')).click();

    // The bar is on screen for as long as the import runs (about 2 s for
    // this folder): catch it in a picture if we can; what it showed is
    // asserted below from the page's own record, which cannot miss it.
    const progress = browser.$(tid('import-progress'));
    if (await progress.isExisting()) await screenshot(browser, '06-import-progress', { settle: false });

    const summary = browser.$(tid('import-summary'));
    await summary.waitForDisplayed({ timeout: 180_000, timeoutMsg: 'the import of 417 files finishes with a summary' });
    const asked = await dialogRequest(browser);
    assert.equal(asked?.directory, true, '"Folder…" asks the dialog for a folder, not for files');
    await waitForCount(browser, SEEDS + distinct, `each of the ${distinct} distinct texts becomes one article`);
    await screenshot(browser, '07-import-summary');

    const counts = await summaryCounts(browser);
    assert.equal(counts.imported, distinct, `the summary counts the ${distinct} distinct files as imported`);
    assert.equal(counts.duplicates, FILES - distinct, 'files repeating an earlier text are reported as duplicates, not imported twice');
    assert.equal(counts.failed, 0, 'every file is readable plain text, so none fails');
    assert.equal(
      await browser.$(tid('import-failures')).isExisting(),
      false,
      'plain-text BBC articles all import; no failure list is shown',
    );
    assert.equal(await progress.isExisting(), false, 'the progress bar goes away when the import ends');

    const seen = await browser.execute(() => window.__parleyE2eProgress);
    const done = seen.map((s) => s.done);
    assert.ok(seen.length > 0, 'the progress bar appeared while the import ran');
    assert.ok(done.length >= 2, `the bar was updated while running, not only at the end (saw ${JSON.stringify(seen)})`);
    assert.ok(
      done.every((d, i) => i === 0 || d >= done[i - 1]),
      `the done count never goes back (${done.join(', ')})`,
    );
    assert.ok(seen.some((s) => s.total === FILES), `the bar's total is the folder's ${FILES} files`);
    assert.ok(done.some((d) => d > 0 && d < FILES), `the bar showed a partial count on the way (${done.join(', ')})`);

    await browser.$(`${tid('import-summary')} button.primary`).click();
    await summary.waitForExist({ reverse: true, timeoutMsg: '"Done" closes the summary' });
    assert.equal(await articleCount(browser), SEEDS + distinct, 'the library header keeps the new count after the summary closes');
    await screenshot(browser, '07b-library-after-import');
  });
});

/** The four numbers of the summary dialog, by their labels. */
async function summaryCounts(browser) {
  const items = await browser.$$(`${tid('import-summary')} .counts li`).map((li) => li.getText());
  const by = (label) => {
    const item = items.find((t) => t.includes(label));
    assert.ok(item, `the summary has a "${label}" count (${JSON.stringify(items)})`);
    return Number(item.replace(/[^\d]/g, ''));
  };
  return { imported: by('imported'), duplicates: by('duplicates'), failed: by('failed') };
}

/**
 * Records every text the progress bar shows, as {done, total}, from inside
 * the page: an import can run faster than a WebDriver round trip, so polling
 * from the test would miss the steps in between.
 */
async function watchProgress(browser) {
  await browser.execute((sel) => {
    const seen = (window.__parleyE2eProgress = []);
    const record = () => {
      const text = document.querySelector(sel)?.textContent ?? '';
      const m = /Importing…\s*([\d,]+)\s+of\s+([\d,]+)/.exec(text);
      if (!m) return;
      const entry = { done: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')) };
      const last = seen[seen.length - 1];
      if (!last || last.done !== entry.done || last.total !== entry.total) seen.push(entry);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, tid('import-progress'));
}

// The export dialog in the real app on the seed library: opened with
// Ctrl+Shift+E, its live preview follows the kind and the format (the
// timeline kind shows the seed meetings' places, as `parley-cli timeline`
// reads them), and a vault export writes its pages. The native save dialog
// is not reachable over WebDriver, so the app runs with PARLEY_EXPORT_DIR,
// the hook that makes `export_to` write into that folder instead of asking,
// and PARLEY_EXPORT_TEMPLATE, which answers the template file's open dialog.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { waitForCount } from '../lib/library.js';
import { cli } from '../lib/reader.js';

const preview = (browser) => browser.$(tid('export-preview')).getText();

/** Waits for the preview to contain `text`, after the debounce and the command. */
async function previewShows(browser, text, what) {
  await browser.waitUntil(async () => (await preview(browser)).includes(text), {
    timeoutMsg: `the preview shows ${what} (${JSON.stringify(text)})`,
  });
}

describe('export dialog', () => {
  let app;
  let vault;
  let places;
  let template;

  before(async () => {
    app = await launch('export', {
      extraEnv: (root) => ({
        PARLEY_EXPORT_DIR: (vault = join(root, 'vault')),
        PARLEY_EXPORT_TEMPLATE: (template = join(root, 'meetings.md')),
      }),
    });
    writeFileSync(template, "# Meetings I follow\n{% for e in events %}\n* MEET {{ e.place or 'nowhere' }}\n{% endfor %}\n");
    await waitForCount(app.browser, 5, 'the seeded library');
    const events = await cli(app.dataDir, 'timeline');
    places = events.filter((e) => e.date && e.place).map((e) => e.place);
    assert.ok(places.length > 0, 'the seeds have dated meetings with a place');
  });
  after(async () => app?.close());

  test('Ctrl+Shift+E opens the dialog with a preview of the notes', async () => {
    const { browser } = app;
    await browser.$('body').click();
    await browser.keys(['Control', 'Shift', 'e']);
    await browser.$(tid('export-dialog')).waitForDisplayed({ timeoutMsg: 'Ctrl+Shift+E opens the export dialog' });
    await browser.waitUntil(async () => /\d+ files?/.test(await browser.$(tid('export-counts')).getText()), {
      timeoutMsg: 'the counts show once the first preview is rendered',
    });
  });

  test('the timeline kind previews the seed meetings, and another format changes the preview', async () => {
    const { browser } = app;
    await browser.$(tid('export-kind')).selectByAttribute('value', 'timeline');
    await previewShows(browser, places[0], `a seed meeting place`);
    const text = await preview(browser);
    for (const place of places) assert.ok(text.includes(place), `${place} is in the timeline preview`);

    await browser.$(tid('export-format')).selectByAttribute('value', 'w3c');
    await previewShows(browser, '"@context"', 'W3C JSON-LD');
    assert.equal(await browser.$(tid('export-kind')).isExisting(), false, 'the kind is for Markdown only');

    await browser.$(tid('export-format')).selectByAttribute('value', 'timeline_csv');
    await previewShows(browser, places[0], 'the timeline as CSV');
    assert.ok(!(await preview(browser)).includes('"@context"'), 'the W3C preview is gone');
  });

  test('a vault export writes its pages and offers "Show in folder"', async () => {
    const { browser } = app;
    await browser.$(tid('export-format')).selectByAttribute('value', 'md_vault');
    await browser.$(tid('export-kind')).selectByAttribute('value', 'all');
    await previewShows(browser, 'files in the vault', 'the vault file list');
    assert.ok((await preview(browser)).includes('Timeline.md'), 'the vault has a timeline page');

    await browser.$(tid('export-run')).click();
    const result = browser.$(tid('export-result'));
    await result.waitForDisplayed({ timeoutMsg: 'the result line appears after the export' });
    assert.match(await result.getText(), new RegExp(`Exported \\d+ files to ${vault.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(await browser.$(tid('export-reveal')).isDisplayed(), '"Show in folder" is offered');
    await screenshot(browser, '09-export');

    for (const page of ['index.md', 'Timeline.md', '.parley-export.json']) {
      assert.ok(existsSync(join(vault, page)), `${page} was written into the vault`);
    }
    const timeline = readFileSync(join(vault, 'Timeline.md'), 'utf8');
    for (const place of places) assert.ok(timeline.includes(place), `${place} is on the written Timeline.md`);

    // Exporting again into the same folder leaves every page as it was.
    await browser.$(tid('export-kind')).selectByAttribute('value', 'notes');
    await browser.$(tid('export-kind')).selectByAttribute('value', 'all');
    await browser.$(tid('export-result')).waitForExist({ reverse: true, timeoutMsg: 'a new choice clears the result' });
    await browser.$(tid('export-run')).click();
    await browser.$(tid('export-result')).waitForDisplayed();
    assert.match(await browser.$(tid('export-result')).getText(), /Exported 0 files .*unchanged/);
  });

  test('a template file chosen in the dialog shapes the preview and the exported timeline', async () => {
    const { browser } = app;
    await browser.$(tid('export-scope')).selectByAttribute('value', 'timeline');
    await browser.$(tid('export-format')).selectByAttribute('value', 'md_file');
    await previewShows(browser, '# Timeline', 'the built-in timeline template');
    await browser.$(tid('export-template-choose')).click();
    // textContent: WebKit's WebDriver getText did not report the name in this row.
    const templateRow = () => browser.execute((sel) => document.querySelector(sel)?.textContent ?? '', tid('export-template'));
    await browser.waitUntil(async () => (await templateRow()).includes('meetings.md'), {
      timeoutMsg: 'the chosen template is named in the dialog',
    });
    await previewShows(browser, '# Meetings I follow', 'the chosen template');
    for (const place of places) assert.ok((await preview(browser)).includes(`* MEET ${place}`), `${place} through the template`);
    await screenshot(browser, '09-export-template');

    await browser.$(tid('export-run')).click();
    await browser.$(tid('export-result')).waitForDisplayed({ timeoutMsg: 'the timeline file is exported' });
    const written = readFileSync(join(vault, 'parley-timeline.md'), 'utf8');
    assert.ok(written.startsWith('# Meetings I follow\n'), `the file follows the template: ${written.slice(0, 80)}`);
  });
});

// A first start on an empty data directory seeds the five bundled articles
// and lists them, with the newest one open in the reader.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { articleCount, rows, waitForCount } from '../lib/library.js';

describe('first run', () => {
  let app;
  before(async () => {
    app = await launch('first-run');
  });
  after(async () => app?.close());

  test('shows the five seed articles', async () => {
    const { browser } = app;
    await waitForCount(browser, 5, 'a fresh data directory is seeded with the five bundled articles');
    assert.equal(await articleCount(browser), 5, 'the header counts exactly the seeds');

    const listed = await rows(browser);
    assert.equal(listed.length, 5, 'all five seeds fit on screen, so the list renders a row for each');
    assert.equal(new Set(listed.map((r) => r.id)).size, 5, 'each row is a different article');
    for (const r of listed) {
      assert.ok(r.title.length > 0, `row ${r.id} shows a title (or the file name) so it can be told apart`);
      assert.match(r.meta, /·/, `row ${r.id} shows outlet and date, even when unknown`);
    }
    const undated = listed.filter((r) => r.meta.includes('Date unknown'));
    assert.ok(undated.length >= 1, 'some seeds have no date (000, 002, 003) and say so instead of inventing one');

    const reader = browser.$(tid('reader-title'));
    await reader.waitForDisplayed({ timeoutMsg: 'the newest article opens in the reader on start' });
    assert.ok((await reader.getText()).length > 0, 'the reader shows the open article\'s headline');

    await screenshot(browser, '01-library');
  });
});

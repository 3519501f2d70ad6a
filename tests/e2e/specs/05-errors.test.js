// Backend errors reach the user as words on screen: a malformed query is
// explained under the search box, and a rejected edit raises a toast.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Key } from 'webdriverio';
import { launch, screenshot, tid } from '../lib/app.js';
import { waitForCount } from '../lib/library.js';

describe('errors', () => {
  let app;
  before(async () => {
    app = await launch('errors');
    await waitForCount(app.browser, 5, 'the seeds are loaded');
  });
  after(async () => app?.close());

  test('a malformed search query is explained in the palette', async () => {
    const { browser } = app;
    await browser.keys([Key.Ctrl, 'k']);
    const input = browser.$(tid('search-input'));
    await input.waitForDisplayed({ timeoutMsg: 'Ctrl+K opens the search palette' });

    await input.setValue('"unclosed');
    const error = browser.$(tid('search-error'));
    await error.waitForDisplayed({
      timeoutMsg: 'the index rejects an unclosed quote (invalid_query) and the palette shows why',
    });
    const text = await error.getText();
    assert.ok(text.trim().length > 10, `the error is a sentence, not a code (${JSON.stringify(text)})`);
    assert.match(text, /quot|"/i, `the message points at the unclosed quote (${JSON.stringify(text)})`);
    assert.equal(
      await browser.$$(tid('search-hit')).length,
      0,
      'no stale results are shown next to the error',
    );
    assert.equal(
      await browser.$$(tid('error-toast')).length,
      0,
      'a query typo is shown inline, not as an alarming toast',
    );
    await screenshot(browser, '08-search-error');

    await input.setValue('benign');
    await browser.$(tid('search-hit')).waitForDisplayed({
      timeoutMsg: 'fixing the query clears the error and shows results again',
    });
    assert.equal(await error.isExisting(), false, 'the error goes away once the query is valid');
    await browser.keys([Key.Escape]);
    await input.waitForDisplayed({ reverse: true, timeoutMsg: 'Escape closes the palette' });
  });

  test('an impossible date is rejected with a visible error', async () => {
    const { browser } = app;
    await browser.$(tid('edit-metadata')).click();
    const published = browser.$(tid('meta-published'));
    await published.waitForDisplayed({ timeoutMsg: '"Edit" shows the metadata form' });
    await published.setValue('2015-02-30');
    await browser.$(tid('save-metadata')).click();

    const toast = browser.$(tid('error-toast'));
    await toast.waitForDisplayed({ timeoutMsg: 'the backend rejects 30 February and the app shows a toast' });
    const text = await toast.getText();
    assert.match(text, /Saving metadata failed/, `the toast says what failed (${JSON.stringify(text)})`);
    assert.match(text, /2015-02-30/, `the toast names the rejected value (${JSON.stringify(text)})`);
    assert.match(text, /not a date/, `the toast says why it was rejected (${JSON.stringify(text)})`);
    assert.ok(
      await published.isDisplayed(),
      'the form stays open with the value, so the user can correct it',
    );
    await screenshot(browser, '09-error-toast');

    await toast.$('button[aria-label="Dismiss"]').click();
    await toast.waitForExist({ reverse: true, timeoutMsg: 'the toast goes away when dismissed' });
  });
});

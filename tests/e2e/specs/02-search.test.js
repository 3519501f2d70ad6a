// Ctrl+K, a phrase query, the hit with its match marked, and the reader
// opening the article scrolled to the marked phrase.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Key } from 'webdriverio';
import { REPO, launch, screenshot, tid } from '../lib/app.js';
import { waitForCount } from '../lib/library.js';

const PHRASE = 'benign hyphen';
/** The only seed that contains the phrase. */
const SEED = '000_e325a30fb16ebc76.txt';
/** How often the phrase occurs in the seed's own text: what the reader must mark. */
const OCCURRENCES = readFileSync(join(REPO, 'seeds', SEED), 'utf8').toLowerCase().split(PHRASE).length - 1;

describe('search', () => {
  let app;
  before(async () => {
    app = await launch('search');
    await waitForCount(app.browser, 5, 'the seeds are the corpus searched here');
  });
  after(async () => app?.close());

  test('a phrase search finds seed 000 and the reader shows the phrase marked', async () => {
    const { browser } = app;
    await browser.keys([Key.Ctrl, 'k']);
    const input = browser.$(tid('search-input'));
    await input.waitForDisplayed({ timeoutMsg: 'Ctrl+K opens the search palette' });
    assert.ok(await input.isFocused(), 'the palette puts the cursor in the search box, ready to type');

    await input.setValue(`"${PHRASE}"`);
    const hit = browser.$(tid('search-hit'));
    await hit.waitForDisplayed({ timeoutMsg: `the quoted phrase "${PHRASE}" occurs in a seed, so it has a hit` });
    const hits = await browser.$$(tid('search-hit')).length;
    assert.equal(hits, 1, `only seed 000 contains "${PHRASE}"`);

    const snippetMarks = await hit.$$('.snippet mark').map((m) => m.getText());
    assert.ok(snippetMarks.length > 0, 'the snippet marks what matched, so the user sees why it is a hit');
    assert.equal(
      snippetMarks.join(' ').toLowerCase().replace(/\s+/g, ' '),
      PHRASE,
      'the marks in the snippet cover the phrase and nothing else',
    );
    await screenshot(browser, '02-search-palette');

    const hitTitle = await hit.$('.hit-title').getText();
    await hit.click();
    await input.waitForDisplayed({ reverse: true, timeoutMsg: 'opening a hit closes the palette' });

    const title = browser.$(tid('reader-title'));
    await browser.waitUntil(async () => (await title.getText()) === hitTitle, {
      timeoutMsg: `the reader opens the clicked hit "${hitTitle}"`,
    });
    const source = await browser.$(`${tid('inspector')} .source`).getText();
    assert.ok(source.includes(SEED), `the opened article is seed 000 (source ${JSON.stringify(source)})`);

    const mark = browser.$(`${tid('reader')} mark.hit`);
    await mark.waitForExist({ timeoutMsg: 'the reader marks the match it was opened from' });
    const marks = await browser.$$(`${tid('reader')} mark.hit`).map((m) => m.getText());
    assert.ok(OCCURRENCES > 0, `the seed file itself contains "${PHRASE}"`);
    assert.deepEqual(
      marks.map((m) => m.toLowerCase()),
      Array(OCCURRENCES).fill(PHRASE),
      `the reader marks each of the ${OCCURRENCES} occurrences in the text, each as one span covering exactly the phrase`,
    );

    // The phrase is deep in the article: it is only visible if the reader
    // scrolled to it, which happens a frame after the article renders.
    await browser.waitUntil(() => inView(browser), {
      timeoutMsg: 'the reader scrolls the marked phrase into view',
    });
    const scrolled = await browser.execute((sel) => document.querySelector(sel).scrollTop, tid('reader'));
    assert.ok(scrolled > 0, `the phrase is below the first screen, so the reader had to scroll (scrollTop ${scrolled})`);
    await screenshot(browser, '03-reader-hit');
  });
});

/** Whether the first mark in the reader lies inside the reader's visible box. */
function inView(browser) {
  return browser.execute((sel) => {
    const reader = document.querySelector(sel);
    const mark = reader?.querySelector('mark.hit');
    if (!mark) return false;
    const r = reader.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    return m.top >= r.top && m.bottom <= r.bottom && m.height > 0;
  }, tid('reader'));
}

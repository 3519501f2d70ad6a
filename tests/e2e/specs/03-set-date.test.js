// An article whose date could not be read says "Date unknown" and offers a
// one-click setter; the date set there is saved and shows in the library.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { row, rows, waitForCount } from '../lib/library.js';

const DATE = '2014-07-09';
const SHOWN = '9 Jul 2014';

describe('unknown date', () => {
  let app;
  before(async () => {
    app = await launch('set-date');
    await waitForCount(app.browser, 5, 'the seeds include undated articles');
  });
  after(async () => app?.close());

  test('"Date unknown" can be set in one click and the library row shows the date', async () => {
    const { browser } = app;
    const undated = (await rows(browser)).filter((r) => r.meta.includes('Date unknown'));
    assert.ok(undated.length > 0, 'seeds 000, 002 and 003 carry no date, so their rows say "Date unknown"');
    // One with a headline, so the reader's title identifies it (an untitled
    // article reads "Untitled article" there).
    const target = undated.find((r) => !r.title.endsWith('.txt'));
    assert.ok(target, 'seeds 002 and 003 are undated but have headlines');

    await row(browser, target.id).click();
    const title = browser.$(tid('reader-title'));
    await browser.waitUntil(async () => (await title.getText()) === target.title, {
      timeoutMsg: `clicking the row opens "${target.title}" in the reader`,
    });
    const date = browser.$(`${tid('reader')} ${tid('reader-date')}`);
    assert.equal(await date.getText(), 'Date unknown', 'the reader says the date is unknown rather than guessing');
    await screenshot(browser, '04-date-unknown');

    await browser.$(tid('set-date')).click();
    const input = browser.$(tid('date-input'));
    await input.waitForDisplayed({ timeoutMsg: '"Set date" turns into a date field' });
    await typeDate(browser, input, DATE);
    await browser.$(tid('save-date')).click();

    await browser.waitUntil(async () => (await date.getText()) === SHOWN, {
      timeoutMsg: `after saving, the reader shows the date as "${SHOWN}"`,
    });
    assert.equal(
      await browser.$(`${tid('reader')} ${tid('reader-date')}`).getAttribute('datetime'),
      DATE,
      'the saved value is the day typed, not shifted through a time zone',
    );
    await browser.waitUntil(async () => (await row(browser, target.id).getText()).includes(SHOWN), {
      timeoutMsg: `the library row of "${target.title}" shows the new date ${SHOWN}`,
    });
    const meta = (await rows(browser)).find((r) => r.id === target.id).meta;
    assert.ok(!meta.includes('Date unknown'), `the row no longer says "Date unknown" (${meta})`);
    await screenshot(browser, '05-date-set');
  });
});

/**
 * Fills the `<input type="date">` as its picker would: WebKitGTK renders it
 * as a segmented field whose segments WebDriver keystrokes do not reach, so
 * the value is set on the element and announced with the `input` and
 * `change` events a picker fires. The Save button is then clicked for real,
 * and the value the field holds is asserted first.
 */
async function typeDate(browser, input, iso) {
  await browser.execute(
    (sel, value) => {
      const el = document.querySelector(sel);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    tid('date-input'),
    iso,
  );
  assert.equal(await input.getValue(), iso, 'the date field holds the chosen day');
  assert.ok(await browser.$(tid('save-date')).isEnabled(), 'Save is enabled once a day is chosen');
}

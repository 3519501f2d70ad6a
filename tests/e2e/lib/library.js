// Reading the library pane the way a user reads it: the count in its header
// and the rows of the (virtualised) list.

import { TIMEOUT, tid } from './app.js';

/** The number in the library header ("5 articles", "1,234 articles"). */
export async function articleCount(browser) {
  const text = await browser.$(tid('article-count')).getText();
  const m = /^([\d,.\s]+)\sarticles?$/.exec(text.trim());
  if (!m) throw new Error(`unexpected article count text ${JSON.stringify(text)}`);
  return Number(m[1].replace(/[^\d]/g, ''));
}

/** Waits until the header shows `n` articles; `why` goes into the timeout message. */
export async function waitForCount(browser, n, why, timeout = TIMEOUT) {
  await browser.waitUntil(async () => (await articleCount(browser).catch(() => -1)) === n, {
    timeout,
    interval: 100,
    timeoutMsg: `the library should show ${n} articles (${why}); it shows ${JSON.stringify(
      await browser.$(tid('article-count')).getText().catch(() => '(no count)'),
    )}`,
  });
}

/** Title and meta line ("Outlet · 26 May 2015") of each rendered row, with its article id. */
export async function rows(browser) {
  return browser.execute((sel) => {
    return [...document.querySelectorAll(sel)].map((row) => ({
      id: Number(row.dataset.id),
      title: row.querySelector('.title')?.textContent?.trim() ?? '',
      meta: row.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    }));
  }, tid('article-row'));
}

/** The row of article `id` (rendered rows only). */
export function row(browser, id) {
  return browser.$(`${tid('article-row')}[data-id="${id}"]`);
}

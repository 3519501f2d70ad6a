// Search as you type: each manifest query typed into the search palette one
// real key at a time (WebDriver key actions, so the page sees trusted
// keydown/input events), at a human pace. A keystroke is timed in the page
// from its keydown event's timeStamp to the first animation frame after the
// UI's `parley:search-results` mark for the query the input then holds (the
// mark is made as the results are stored; Svelte writes them to the DOM in
// the same task, and that frame paints them). The UI's marks also split the
// time: keydown → `parley:search-run` (input handling, and any debounce or
// wait for a search under way), run → results (the `search` IPC: Rust,
// transport, JSON parsing), results → frame.

import { setTimeout as sleep } from 'node:timers/promises';
import { tid } from '../lib/app.mjs';
import { fmt, path, split } from '../lib/stats.mjs';

/** ms between keystrokes: 60 words a minute. */
const PACE_MS = 200;

export async function searchAsYouType({ browser, queries, log }) {
  await browser.execute(() => {
    if (window.__perfKeys) return;
    window.__perfKeys = [];
    const isSearch = (e) => e.target?.dataset?.testid === 'search-input';
    // Some engines give timeStamp in epoch ms: bring it to performance.now()'s clock.
    const at = (e) => (e.timeStamp > 1e12 ? e.timeStamp - performance.timeOrigin : e.timeStamp);
    document.addEventListener('keydown', (e) => isSearch(e) && window.__perfKeys.push({ t: at(e), key: e.key }), true);
    document.addEventListener('input', (e) => {
      const k = window.__perfKeys.at(-1);
      if (isSearch(e) && k && k.value === undefined) k.value = e.target.value;
    }, true);
  });
  const rows = [];
  const misses = [];
  for (const query of queries) {
    await browser.$(tid('open-search')).click();
    const input = browser.$(tid('search-input'));
    await input.waitForDisplayed();
    await browser.waitUntil(() => browser.execute((sel) => document.activeElement?.matches(sel), tid('search-input')));
    for (const ch of query) {
      const sent = Date.now();
      // Armed before the key: the page watches every frame from the keydown
      // on, so the sample ends at the first frame after the results, not at
      // the first frame after WebDriver's reply to the key came back.
      await browser.execute(armResults);
      await browser.keys(ch);
      const r = await browser.executeAsync((done) => window.__perfSearch.then(done));
      if (r.error) misses.push(`${JSON.stringify(query)} at ${JSON.stringify(ch)}: ${r.error}`);
      else if (!r.skipped) rows.push({ ...r, typed: r.q });
      await sleep(Math.max(0, PACE_MS - (Date.now() - sent)));
    }
    log(`search ${JSON.stringify(query)}: ${rows.length} keystrokes timed so far`);
    await browser.keys('Escape');
    await input.waitForDisplayed({ reverse: true });
  }
  if (misses.length) throw new Error(`keystrokes without results: ${misses.slice(0, 3).join('; ')}`);
  const worst = rows.reduce((a, b) => (b.total > a.total ? b : a));
  const annotated = rows.filter((r) => Number.isFinite(r.annotations));
  const worstAnn = annotated.length ? annotated.reduce((a, b) => (b.annotations > a.annotations ? b : a)) : null;
  return path({
    id: 'search_keystroke',
    label: 'Search as you type, keystroke to rendered results',
    samples: rows.map((r) => r.total),
    target: 50,
    stat: 'p99',
    note:
      `${rows.length} keystrokes over ${queries.length} queries typed char by char at ${PACE_MS} ms per key (each key waits for ` +
      `its results, so none is superseded). Keydown timeStamp → first frame after the results are stored. ` +
      `p50 / p99 in ms: keydown → search starts (input handling, and any debounce or wait for a search under way; ` +
      `see search.svelte.ts) ${split(rows, 'toRun')}; search IPC (Rust + transport + JSON parse) ` +
      `${split(rows, 'ipc')}; results → painted frame ${split(rows, 'render')}. The passage/note hits under the ` +
      `articles (a second IPC, search_annotations) are painted at ${split(rows, 'annotations')} after the keydown. ` +
      `The slowest keystroke, ${JSON.stringify(worst.typed)}: ${fmt(worst.total)} ms = ${fmt(worst.toRun)} to the search, ` +
      `${fmt(worst.ipc)} IPC, ${fmt(worst.render)} to the frame` +
      (worstAnn ? `; the slowest passage/note hits, ${JSON.stringify(worstAnn.typed)} (keystroke ${rows.indexOf(worstAnn) + 1}): ${fmt(worstAnn.annotations)} ms. ` : '. ') +
      `p99 of ${rows.length} samples is the ${rows.length >= 100 ? '99th percentile' : 'largest sample or nearly'}.`,
  });
}

/**
 * In the page, before the key (self-contained: WebDriver sends only this
 * function's source): `window.__perfSearch` resolves with the timing of the
 * next keystroke, read at every frame from now on.
 */
function armResults() {
  const k = window.__perfKeys.length;
  window.__perfSearch = new Promise((done) => {
    const give = performance.now() + 10_000;
    const after = (name, q, t) =>
      performance.getEntriesByName(name).find((m) => m.detail === q && m.startTime >= t);
    const out = {};
    const frame = () =>
      requestAnimationFrame(() => {
        const now = performance.now();
        const key = window.__perfKeys[k];
        if (!key || key.value === undefined) {
          if (now > give) return done({ error: 'the keystroke never reached the search box' });
          return frame();
        }
        const q = key.value.trim();
        if (!q) return done({ skipped: true });
        const run = after('parley:search-run', q, key.t);
        const res = run && after('parley:search-results', q, run.startTime);
        const ann = res && after('parley:search-annotations', q, run.startTime);
        if (res && out.total === undefined) {
          out.q = q;
          out.total = now - key.t;
          out.toRun = run.startTime - key.t;
          out.ipc = res.startTime - run.startTime;
          out.render = now - res.startTime;
        }
        if (ann && out.annotations === undefined) out.annotations = now - key.t;
        if (out.total !== undefined && (out.annotations !== undefined || now > give)) return done(out);
        if (now > give) return done({ error: `no results for ${JSON.stringify(q)} within 10 s` });
        frame();
      });
    frame();
  });
}

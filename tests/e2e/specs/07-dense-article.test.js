// A long article densely tagged still opens fast: 50,000 words with 2,000
// passages (overlapping, as real coding is), timed from the click on its row
// to the frame in which the whole text is in the page and every paragraph in
// view shows its passage marks. The reader decorates paragraphs near the
// viewport only (the rest is plain text until it scrolls near), so the test
// also scrolls to the middle and checks that the passages there appear.
// Then, with 10,000 passages in the library, it times the tagging round
// trip: a real key press (shortcut 1) in the palette to the new passage in
// the page.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { answerNextDialog } from '../lib/dialog.js';
import { row, rows, waitForCount } from '../lib/library.js';

const WORDS = 50_000;
const PASSAGES = 2_000;
/** Passages in the library for the tagging round trip (issue 4: 10,000). */
const LIBRARY_PASSAGES = 10_000;
const OPENS = 5;
const TAGS_TIMED = 30;
/**
 * The budgets are 300 ms for the open and a p99 of 20 ms for a
 * tagging round trip (median here; the p99 is measured by `make bench`).
 * This is a debug build (the Rust side unoptimised)
 * under Xvfb on a shared 2-core machine; the bounds here are loose enough
 * for that and catch a regression to rendering every paragraph (seconds).
 * The measured figures are printed for the record.
 */
const BUDGET_MS = Number(process.env.PARLEY_E2E_RENDER_BUDGET_MS ?? 1500);
const TAG_BUDGET_MS = Number(process.env.PARLEY_E2E_TAG_BUDGET_MS ?? 400);

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
    // Creating thousands of passages through the IPC takes minutes here.
    await app.browser.setTimeout({ script: 900_000 });
    const folder = join(app.root, 'dense');
    await mkdir(folder);
    await writeFile(join(folder, 'dense.txt'), longText());
    // Where the rest of the library's 10,000 passages go.
    await writeFile(join(folder, 'other.txt'), longText().replace('Dense article', 'Other dense article'));
    await waitForCount(app.browser, 5, 'the seeded library');
    await answerNextDialog(app.browser, [folder]);
    await app.browser.$(tid('import-folder-button')).click();
    await app.browser.$(tid('import-summary')).waitForDisplayed({ timeoutMsg: 'the import ends' });
    await app.browser.$(`${tid('import-summary')} button.primary`).click();
    await waitForCount(app.browser, 7, 'the dense articles join the seeds');
  });
  after(async () => app?.close());

  test(`opens with ${PASSAGES} passages within ${BUDGET_MS} ms`, { timeout: 600_000 }, async () => {
    const { browser } = app;
    const dense = (await rows(browser)).find((r) => r.title === 'Dense article');
    const seed = (await rows(browser)).find((r) => r.title !== 'Dense article');
    const bare = await timeOpen(browser, dense.id, seed.id, 0);
    // 2,000 passages through the app's own command, as the palette does;
    // every third one overlaps its neighbour.
    const made = await tagMany(browser, dense.id, PASSAGES);
    assert.equal(made, PASSAGES, `every passage is created (${made})`);

    const opens = [];
    for (let i = 0; i < OPENS; i++) opens.push(await timeOpen(browser, dense.id, seed.id, PASSAGES));
    const times = opens.map((o) => o.total);
    const ms = median(times);
    console.log(
      `# dense article: ${WORDS} words, ${PASSAGES} passages: open to rendered median ${ms.toFixed(0)} ms ` +
        `over ${OPENS} opens (${times.map((t) => t.toFixed(0)).join(', ')}); ${bare.total.toFixed(0)} ms without passages; ` +
        `in the DOM after a median ${median(opens.map((o) => o.dom)).toFixed(0)} ms (the rest is style, layout and paint)`,
    );
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

  test('paragraphs scrolled into view get their passages', { timeout: 120_000 }, async () => {
    const { browser } = app;
    const dense = (await rows(browser)).find((r) => r.title === 'Dense article');
    const expected = await browser.executeAsync((id, done) => {
      window.__TAURI_INTERNALS__.invoke('passages', { filter: { article: id, tag: null } }).then(done);
    }, dense.id);
    await browser.execute(() => {
      const reader = document.querySelector('[data-testid="reader"]');
      reader.scrollTop = reader.scrollHeight / 2;
    });
    // Every passage touching a paragraph in view is marked there.
    let report;
    await browser.waitUntil(
      async () => {
        report = await browser.execute((passages) => {
          const reader = document.querySelector('[data-testid="reader"]').getBoundingClientRect();
          const inView = [...document.querySelectorAll('[data-testid="reader"] .block')].filter((b) => {
            const r = b.getBoundingClientRect();
            return r.bottom > reader.top && r.top < reader.bottom;
          });
          const marked = new Set();
          for (const b of inView) for (const el of b.querySelectorAll('[data-passage-ids]')) for (const x of el.dataset.passageIds.split(',')) marked.add(Number(x));
          const want = passages.filter((p) => inView.some((b) => p.start < Number(b.dataset.end) && p.end > Number(b.dataset.start)));
          return { blocks: inView.length, plain: inView.filter((b) => b.classList.contains('plain')).length, want: want.length, missing: want.filter((p) => !marked.has(p.id)).length };
        }, expected);
        return report.blocks > 0 && report.plain === 0 && report.want > 0 && report.missing === 0;
      },
      { timeoutMsg: `the paragraphs in the middle show their passages: ${JSON.stringify(report)}` },
    );
    await screenshot(browser, '27-dense-article-middle');
  });

  test(`tagging round trip with ${LIBRARY_PASSAGES} passages in the library`, { timeout: 900_000 }, async () => {
    const { browser } = app;
    const other = (await rows(browser)).find((r) => r.title === 'Other dense article');
    const made = await tagMany(browser, other.id, LIBRARY_PASSAGES - PASSAGES);
    assert.equal(made, LIBRARY_PASSAGES - PASSAGES, `the rest of the ${LIBRARY_PASSAGES} passages are created (${made})`);
    // Key 1 applies "Actors". The UI learns of the shortcut with the
    // codebook it reloads after a tagging: the first, untimed, round.
    await browser.executeAsync((done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      invoke('codebook').then((book) => invoke('set_tag_shortcut', { id: book.find((t) => t.name === 'Actors').id, shortcut: 1 })).then(() => done());
    });
    // Each round: select 10 chars in view (in the page, as a mouse would),
    // then a real key press through WebDriver (the window's own input
    // path, at whatever moment it lands, as a coder's key does), timed in
    // the page from the keydown to the new passage in the DOM, and to the
    // frame after it. The first round types the tag's name (untimed).
    const rounds = [];
    for (let k = 0; k <= TAGS_TIMED; k++) {
      const armed = await browser.executeAsync(armRound, k);
      assert.equal(armed, true, `round ${k} is set up: ${armed}`);
      await browser.keys(k === 0 ? [...'Actors', 'Enter'] : ['1']);
      const r = await browser.executeAsync(roundResult);
      assert.equal(typeof r, 'object', `round ${k}: ${r}`);
      if (k > 0) rounds.push(r);
      // A fast coder's pace: the codebook reload after a tag (its counts
      // over 10,000 passages) is done before the next key, as it would be.
      await browser.pause(400);
    }
        const stored = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('passages', { filter: { article: null, tag: null } }).then((l) => done(l.length));
    });
    assert.equal(stored, LIBRARY_PASSAGES + TAGS_TIMED + 1, 'every round stored its passage');
    const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
    const dom = rounds.map((r) => r.dom);
    const frame = rounds.map((r) => r.frame);
    console.log(
      `# tagging round trip, ${stored} passages in the library, ${TAGS_TIMED} rounds (key 1 → passage in the page): ` +
        `DOM p50 ${pct(dom, 50).toFixed(1)} ms, p99 ${pct(dom, 99).toFixed(1)} ms; ` +
        `next frame p50 ${pct(frame, 50).toFixed(1)} ms, p99 ${pct(frame, 99).toFixed(1)} ms`,
    );
    const part = (k) => rounds.map((r) => r[k]);
    console.log(
      `# of which (p50): key to command ${pct(part('before'), 50).toFixed(1)} ms, command ${pct(part('command'), 50).toFixed(1)} ms, ` +
        `command to passage in the DOM ${pct(part('after'), 50).toFixed(1)} ms`,
    );
    // Where the time goes: the command alone (IPC and the unoptimised core
    // of this debug build), without the UI.
    const ipc = await browser.executeAsync((id, n, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        const out = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await invoke('tag_span', { articleId: id, span: { start: 31 + i * 13, end: 47 + i * 13 }, tags: ['Actors'] });
          out.push(performance.now() - t);
        }
        return out;
      })().then(done, (e) => done(String(e?.message ?? e)));
    }, other.id, TAGS_TIMED);
    assert.ok(Array.isArray(ipc), `the bare commands ran: ${ipc}`);
    console.log(`# of which the tag_span command alone (IPC + debug core): p50 ${pct(ipc, 50).toFixed(1)} ms, p99 ${pct(ipc, 99).toFixed(1)} ms`);
    await screenshot(browser, '28-dense-article-tagged');
    // The median, not the p99: one fsync stalled by a busy disk (SQLite
    // commits with synchronous=FULL) would otherwise fail a shared CI
    // machine. The p99 against the issue's target is `make bench`'s job.
    assert.ok(pct(dom, 50) < TAG_BUDGET_MS, `tagging p50 ${pct(dom, 50).toFixed(1)} ms (budget ${TAG_BUDGET_MS} ms)`);
  });
});

/**
 * Tags `n` spans of article `id` through the app's own command, 1,000 per
 * script (one WebDriver request must answer within two minutes).
 */
async function tagMany(browser, id, n) {
  let made = 0;
  for (let from = 0; from < n; from += 1000) {
    const got = await browser.executeAsync((id, from, to, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        for (let i = from; i < to; i++) {
          const start = 20 + (i % 2000) * 150 + Math.floor(i / 2000) * 7;
          const end = start + (i % 3 === 0 ? 200 : 40);
          await invoke('tag_span', { articleId: id, span: { start, end }, tags: [i % 2 ? 'Framing' : 'Actors'] });
        }
        return to - from;
      })().then(done, (e) => done(String(e?.message ?? e)));
    }, id, from, Math.min(n, from + 1000));
    if (typeof got !== 'number') return got;
    made += got;
  }
  return made;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Opens another article, then times the click on article `id`'s row until
 * the frame after the whole text is in the page and every paragraph in view
 * is decorated (with, for `n` > 0, its passage marks).
 */
async function timeOpen(browser, id, otherId, n) {
  await row(browser, otherId).click();
  await browser.waitUntil(async () => (await browser.$(tid('reader-title')).getText()) !== 'Dense article');
  return browser.executeAsync((sel, rowSel, n, done) => {
    const t0 = performance.now();
    document.querySelector(rowSel).click();
    const inViewDecorated = () => {
      const reader = document.querySelector('[data-testid="reader"]');
      const box = reader.getBoundingClientRect();
      let seen = 0;
      for (const b of reader.querySelectorAll('.block')) {
        const r = b.getBoundingClientRect();
        if (r.bottom < box.top) continue;
        if (r.top > box.bottom) break;
        if (b.classList.contains('plain')) return false;
        seen++;
      }
      return seen > 0;
    };
    let dom = null;
    const check = () => {
      if (dom === null && document.querySelector('[data-testid="reader-title"]')?.textContent === 'Dense article') {
        dom = performance.now() - t0;
      }
      const ready =
        dom !== null &&
        document.querySelectorAll('[data-testid="reader"] .block').length > 900 &&
        inViewDecorated() &&
        (n === 0 || document.querySelector(sel) !== null);
      if (ready) requestAnimationFrame(() => done({ total: performance.now() - t0, dom }));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, tid('passage'), `${tid('article-row')}[data-id="${id}"]`, n);
}

/**
 * In the page: selects 10 chars of a decorated paragraph in view, waits for
 * the palette to take focus, then watches for the next keydown and the new
 * passage mark it brings (results in `window.__parleyRound`).
 */
function armRound(k, done) {
  const reader = document.querySelector('[data-testid="reader"]');
  const ids = () => new Set([...reader.querySelectorAll('[data-passage-ids]')].flatMap((e) => e.dataset.passageIds.split(',')));
  const box = reader.getBoundingClientRect();
  const texts = [];
  for (const block of reader.querySelectorAll('.block:not(.plain)')) {
    const r = block.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.data.length > 14) texts.push(t);
  }
  const node = texts[(k * 7) % texts.length];
  const range = document.createRange();
  range.setStart(node, 2);
  range.setEnd(node, 12);
  document.getSelection().removeAllRanges();
  document.getSelection().addRange(range);
  const began = performance.now();
  const ready = () => {
    const input = document.querySelector('[data-testid="tag-palette-input"]');
    if (!input || document.activeElement !== input) {
      if (performance.now() - began > 5000) done(`the palette did not take focus (${!!input})`);
      else requestAnimationFrame(ready);
      return;
    }
    const before = ids();
    const round = (window.__parleyRound = { key: null, changed: null, painted: null });
    const mo = new MutationObserver(() => {
      if (round.changed !== null || ![...ids()].some((id) => !before.has(id))) return;
      round.changed = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => (round.painted = performance.now()));
    });
    mo.observe(reader, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-passage-ids'] });
    document.addEventListener('keydown', () => (round.key = performance.now()), { capture: true, once: true });
    done(true);
  };
  ready();
}

/** In the page: the armed round's timings, once the new passage has painted. */
function roundResult(done) {
  const round = window.__parleyRound;
  const began = performance.now();
  const poll = () => {
    if (round.painted !== null) {
      // The app's own measure of the command (IPC and core), this round's.
      const call = performance.getEntriesByName('tag-command').pop();
      const end = call.startTime + call.duration;
      done({ dom: round.changed - round.key, frame: round.painted - round.key, before: call.startTime - round.key, command: call.duration, after: round.changed - end });
    } else if (performance.now() - began > 10_000) done(`no new passage after the key: ${JSON.stringify(round)}`);
    else setTimeout(poll, 5);
  };
  poll();
}

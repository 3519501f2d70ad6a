// Saved web pages are hostile by default. Pages and a text file whose markup
// tries every usual way to run script (a <script>, onerror=, javascript:
// links, SVG and MathML payloads, an iframe srcdoc, markup escaped into the
// article's text and title) are imported through the real app and opened
// in the reader; a note and a passage note whose Markdown carries the same
// are rendered. Every payload would set window.__pwned: it must stay unset,
// and the markup that reached the text must show as text.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, launch, screenshot, tid } from '../lib/app.js';
import { answerNextDialog } from '../lib/dialog.js';
import { articleCount, row, rows, waitForCount } from '../lib/library.js';
import { cli } from '../lib/reader.js';

const set = (how) => `window.__pwned='${how}'`;
const PAYLOADS = [
  `<script>${set('script')}</script>`,
  `<img src="x" onerror="${set('onerror')}">`,
  `<a href="javascript:${set('javascript-link')}" id="jslink">a link</a>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${set('svg-onload')}"><script>${set('svg-script')}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${set('mathml')}"></style></mglyph></table></mtext></math>`,
  `<iframe srcdoc="<script>parent.${set('iframe')}</script>"></iframe>`,
  `<details open ontoggle="${set('ontoggle')}"><summary>s</summary></details>`,
];
// The same payloads as text inside the article: Readability keeps them as
// characters, which the reader must never turn back into markup.
const ESCAPED = PAYLOADS.map((p) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).join(' ');
const PARAGRAPHS = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1}: foreign ministers met in Vienna on Tuesday for talks that lasted four hours, officials said, and agreed to meet again in March.</p>`,
).join('\n');
const PAGE = `<!doctype html><html><head>
<title>&lt;img src=x onerror="${set('title')}"&gt; Hostile page</title>
<script>${set('head-script')}</script>
</head><body onload="${set('body-onload')}">
<article><h1>Hostile page</h1>
${PARAGRAPHS}
${PAYLOADS.join('\n')}
<p>Escaped into the text: ${ESCAPED}</p>
</article></body></html>`;
const TEXT = `Raw markup in a text file\n\n${PAYLOADS.join('\n\n')}\n\nForeign ministers met in Vienna on Tuesday for talks.\n`;
const NOTE = [
  'Note with raw HTML:',
  ...PAYLOADS,
  `[a markdown link](javascript:${set('md-link')})`,
  `![an image](x" onerror="${set('md-image')})`,
  `<svg><animate onbegin="${set('svg-animate')}" attributeName="x" dur="1s"/></svg>`,
].join('\n\n');

/**
 * Calls a command straight through Tauri's IPC, as a compromised page could,
 * bypassing the UI; resolves to {ok} or {error} (the command's {code, message},
 * or the IPC's refusal text). `channel` names an argument to pass a progress
 * channel in (Tauri's wire form for a `Channel`).
 */
async function invokeRaw(browser, cmd, args, channel) {
  const json = await browser.execute(
    async (cmd, args, channel) => {
      const ipc = window.__TAURI_INTERNALS__;
      if (channel) args[channel] = '__CHANNEL__:' + ipc.transformCallback(() => {});
      try {
        return JSON.stringify({ ok: (await ipc.invoke(cmd, args)) ?? null });
      } catch (error) {
        return JSON.stringify({ error });
      }
    },
    cmd,
    args,
    channel ?? null,
  );
  return JSON.parse(json);
}

/** What set window.__pwned, or 'unset' (WebDriver turns undefined into null). */
async function pwned(browser) {
  return browser.execute(() => (window.__pwned === undefined ? 'unset' : String(window.__pwned)));
}

describe('hostile content', () => {
  let app;
  let ids;
  before(async () => {
    app = await launch('hostile');
    const folder = join(app.root, 'hostile');
    await mkdir(folder);
    await writeFile(join(folder, 'hostile.html'), PAGE);
    await writeFile(join(folder, 'raw-markup.txt'), TEXT);
    await writeFile(join(folder, 'raw-markup.md'), `---\ntitle: <img src=x onerror="${set('front-matter')}">\n---\n\n${TEXT}`);
    await waitForCount(app.browser, 5, 'the seeded library');
    await answerNextDialog(app.browser, [folder]);
    await app.browser.$(tid('import-folder-button')).click();
    await app.browser.$(tid('import-summary')).waitForDisplayed({ timeoutMsg: 'the import ends with a summary' });
    await app.browser.$(`${tid('import-summary')} button.primary`).click();
    await waitForCount(app.browser, 8, 'the three hostile files are imported');
    const before = new Set([1, 2, 3, 4, 5]);
    ids = (await rows(app.browser)).map((r) => r.id).filter((id) => !before.has(id));
    assert.equal(ids.length, 3, 'three new rows');
  });
  after(async () => app?.close());

  test('imported pages render as text and run nothing', async () => {
    const { browser } = app;
    for (const id of ids) {
      await row(browser, id).click();
      await browser.waitUntil(async () => (await browser.$(tid('reader')).getText()).includes('Vienna'), {
        timeoutMsg: `article ${id} opens in the reader`,
      });
      await browser.pause(300); // time for an onerror or onload to fire
      assert.equal(await pwned(browser), 'unset', `article ${id}: no payload ran`);
      const markup = await browser.execute(
        (sel) =>
          [...document.querySelector(sel).querySelectorAll('script, iframe, math, details, [onerror], [onload], [ontoggle], a[href^="javascript"]')]
            .length,
        tid('reader'),
      );
      assert.equal(markup, 0, `article ${id}: the reader holds no element from the page`);
    }
    const text = await browser.$(tid('reader')).getText();
    assert.match(text, /onerror=/, 'markup that is part of the text is shown as text');
    await screenshot(browser, '30-hostile-reader');
  });

  test('notes and passage notes with raw HTML render sanitised', async () => {
    const { browser } = app;
    // A passage note, written by the CLI while the app runs.
    await cli(app.dataDir, 'tag', String(ids[0]), '--start', '0', '--end', '20', '--tag', 'Hostile', '--note', NOTE);
    await row(browser, ids[1]).click();
    await row(browser, ids[0]).click();
    const passage = browser.$(`${tid('passage')}`);
    await passage.waitForDisplayed({ timeoutMsg: 'the tagged passage is marked when the article reopens' });
    await passage.click();
    await browser.$(tid('passage-note-preview')).waitForDisplayed({ timeoutMsg: 'the passage note is rendered' });

    await browser.$(tid('tab-notes')).click();
    await browser.$(tid('new-note')).click();
    const body = browser.$(tid('note-body'));
    await body.waitForDisplayed({ timeoutMsg: 'a new note opens in the editor' });
    await body.setValue(NOTE);
    await browser.$(tid('save-note')).click();
    await browser.$(tid('note-preview-toggle')).click();
    const preview = browser.$(tid('note-preview'));
    await preview.waitForDisplayed({ timeoutMsg: 'the note preview renders' });
    await browser.pause(1200); // the SVG animation's onbegin would fire within its 1 s
    const link = browser.$(`${tid('note-preview')} a`);
    if (await link.isExisting()) await link.click().catch(() => {});
    await browser.pause(300);
    assert.equal(await pwned(browser), 'unset', 'no payload in a note ran');
    const dangerous = await browser.execute(
      (sel) =>
        [...document.querySelectorAll(`${sel} *`)].filter(
          (el) =>
            ['SCRIPT', 'IFRAME'].includes(el.tagName) ||
            [...el.attributes].some((a) => a.name.startsWith('on') || /^\s*javascript:/i.test(a.value)),
        ).length,
      tid('note-preview'),
    );
    assert.equal(dangerous, 0, 'the rendered note has no script, iframe, handler or javascript: URL');
    await screenshot(browser, '31-hostile-note');
  });

  test('the page cannot import, or show, files the user never chose', async () => {
    const { browser } = app;
    await browser.$(tid('tab-library')).click();
    const count = await articleCount(browser);
    // A file the user never chose, beside the folder they did choose.
    const secret = join(app.root, 'secret');
    await mkdir(secret);
    await writeFile(join(secret, 'not-chosen.txt'), 'Private: the Bellingham ledger.\n\nIt must never be imported.\n');
    const granted = join(app.root, 'hostile');
    for (const paths of [['/etc/passwd'], [join(secret, 'not-chosen.txt')], [`${granted}/../secret`], [granted, secret]]) {
      const res = await invokeRaw(browser, 'import_paths', { paths }, 'onProgress');
      assert.equal(res.error?.code, 'not_granted', `import_paths(${JSON.stringify(paths)}) is refused: ${JSON.stringify(res)}`);
      assert.match(res.error.message, /^Parley can only import files you chose or dropped: /);
    }
    // The plugin commands the page used to have are gone from its capability.
    for (const [cmd, args] of [
      ['plugin:dialog|open', { options: { directory: true } }],
      ['plugin:opener|reveal_item_in_dir', { paths: ['/etc'] }],
      ['plugin:event|emit', { event: 'import-paths', payload: ['/etc/passwd'] }],
    ]) {
      const res = await invokeRaw(browser, cmd, args);
      assert.ok(res.error, `${cmd} is not allowed from the page: ${JSON.stringify(res)}`);
      assert.match(String(res.error), /not allowed/i, `${cmd} is refused by the capability`);
    }
    const reveal = await invokeRaw(browser, 'reveal', { path: '/etc' });
    assert.equal(reveal.error?.code, 'not_granted', '"Show in folder" shows only the data folder and exports');

    // A page that forges the dialog's answer gets the real UI to ask for the
    // secret file: the shell refuses it, and the user sees why.
    await browser.execute((path) => {
      const realFetch = window.fetch;
      window.fetch = function (input, init) {
        const url = typeof input === 'string' ? input : input.url;
        if (decodeURIComponent(url).endsWith('/choose_import')) {
          window.fetch = realFetch;
          return Promise.resolve(
            new Response(JSON.stringify([path]), {
              headers: { 'Content-Type': 'application/json', 'Tauri-Response': 'ok' },
            }),
          );
        }
        return realFetch.call(this, input, init);
      };
    }, join(secret, 'not-chosen.txt'));
    await browser.$(tid('import-button')).click();
    const toast = browser.$(`${tid('error-toast')}[data-code="not_granted"]`);
    await toast.waitForDisplayed({ timeoutMsg: 'the refusal is shown to the user' });
    assert.match(await toast.getText(), /Parley can only import files you chose or dropped: .*not-chosen\.txt/);
    await screenshot(browser, '32-import-refused');
    assert.equal(await browser.$(tid('import-summary')).isExisting(), false, 'nothing was imported, so no summary');
    assert.equal(await articleCount(browser), count, 'the library did not grow');
    const found = await cli(app.dataDir, 'search', 'Bellingham');
    assert.equal(found.total, 0, `the secret text is nowhere in the library: ${JSON.stringify(found.hits)}`);
    await browser.$(`${tid('error-toast')} button.close`).click();
  });

  test('the CSP stays strict and the capabilities minimal', () => {
    const conf = JSON.parse(readFileSync(join(REPO, 'src-tauri/tauri.conf.json'), 'utf8'));
    const csp = conf.app.security.csp;
    assert.equal(csp['default-src'], "'self'");
    assert.equal(csp['script-src'], "'self'", 'no inline or eval script, no remote script');
    for (const [k, v] of Object.entries(csp)) {
      assert.doesNotMatch(v, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!ipc\.localhost)/, `${k} allows nothing but the app and its IPC`);
    }
    const caps = JSON.parse(readFileSync(join(REPO, 'src-tauri/capabilities/default.json'), 'utf8'));
    const foreign = caps.permissions.filter(
      (p) => typeof p !== 'string' || !/^(allow-|core:event:allow-(un)?listen$)/.test(p),
    );
    assert.deepEqual(foreign, [], 'no plugin permission (fs, shell, http, dialog, opener): the shell opens dialogs and reveals');
  });
});

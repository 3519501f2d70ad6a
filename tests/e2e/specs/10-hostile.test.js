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
import { row, rows, waitForCount } from '../lib/library.js';
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
      (p) => typeof p !== 'string' || !/^(allow-|core:event:allow-(un)?listen$|dialog:allow-(open|save)$|opener:allow-reveal-item-in-dir$)/.test(p),
    );
    assert.deepEqual(foreign, [], 'no fs, shell, http or opener-of-URLs permission beyond the dialog and reveal');
  });
});

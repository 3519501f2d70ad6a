// Driving the reader the way a user does: select a phrase (a DOM Range set
// in the page, which fires `selectionchange` like a mouse selection does),
// and read which passages are marked.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO, tid } from './app.js';

/** Selects the first occurrence of `phrase` in the reader's body text. */
export async function selectPhrase(browser, phrase) {
  const ok = await browser.execute((phrase) => {
    const body = document.querySelector('[data-testid="reader"] .body');
    const nodes = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, at: all.length });
      all += n.data;
    }
    const from = all.indexOf(phrase);
    if (from < 0) return false;
    const locate = (pos, end) => {
      const hit = nodes.findLast((x) => (end ? x.at < pos : x.at <= pos));
      return [hit.node, pos - hit.at];
    };
    const range = document.createRange();
    range.setStart(...locate(from, false));
    range.setEnd(...locate(from + phrase.length, true));
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, phrase);
  if (!ok) throw new Error(`"${phrase}" is not in the reader`);
}

/** The distinct passage ids marked in the reader, and each one's text. */
export async function markedPassages(browser) {
  return browser.execute((sel) => {
    const out = {};
    for (const el of document.querySelectorAll(sel)) {
      for (const id of el.dataset.passageIds.split(',')) out[id] = (out[id] ?? '') + el.textContent;
    }
    return out;
  }, tid('passage'));
}

/** `parley-cli --data-dir DIR <args> --json`, parsed. */
export async function cli(dataDir, ...args) {
  const bin = process.env.PARLEY_E2E_CLI ?? join(REPO, 'target/debug/parley-cli');
  const { stdout } = await promisify(execFile)(bin, ['--data-dir', dataDir, ...args, '--json']);
  return JSON.parse(stdout);
}

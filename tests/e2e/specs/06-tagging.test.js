// Tagging by hand in the real app: select text in the reader, tag it from
// the palette, see the passage marked (overlapping ones each clickable),
// undo and redo it, cite it in a note, and review it after the article's
// file changes and is imported again.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Key } from 'webdriverio';
import { launch, screenshot, tid } from '../lib/app.js';
import { answerNextDialog } from '../lib/dialog.js';
import { row, rows, waitForCount } from '../lib/library.js';
import { cli, markedPassages, selectPhrase } from '../lib/reader.js';

const TITLE = 'Sochi talks resume';
const BEFORE = `${TITLE}\n\nKerry 😀 met Putin in Sochi on Tuesday. The café talks lasted four hours.\n\nOfficials said the 東京 meeting would follow.\n`;
// An inserted sentence moves both passages; "Sochi" → "Sochy" leaves only an
// approximate match for the second one.
const AFTER = `${TITLE}\n\nAfter a long delay, Kerry 😀 met Putin in Sochy on Tuesday. The café talks lasted four hours.\n\nOfficials said the 東京 meeting would follow.\n`;

describe('tagging passages', () => {
  let app;
  let folder;
  const ids = {};
  let shot = false;

  async function importFolder(browser) {
    await answerNextDialog(browser, [folder]);
    await browser.$(tid('import-folder-button')).click();
    await browser.$(tid('import-summary')).waitForDisplayed({ timeoutMsg: 'the import ends with a summary' });
  }

  async function tagPhrase(browser, phrase, tag) {
    await selectPhrase(browser, phrase);
    const input = browser.$(tid('tag-palette-input'));
    await input.waitForDisplayed({ timeoutMsg: `selecting "${phrase}" opens the tag palette` });
    await input.setValue(tag);
    if (!shot) {
      shot = true;
      await screenshot(browser, '19-tag-palette');
      // The palette floats just under the selection, whole in the window
      // (a containing block other than the viewport would offset or clip it).
      const place = await browser.execute((sel) => {
        const mark = document.querySelector('mark.pending') ?? document.getSelection().getRangeAt(0);
        const m = mark.getBoundingClientRect();
        const p = document.querySelector(sel).getBoundingClientRect();
        return { dx: p.left - m.left, dy: p.top - m.bottom, right: p.right, bottom: p.bottom, w: innerWidth, h: innerHeight };
      }, tid('tag-palette'));
      assert.ok(Math.abs(place.dx) <= 12 && place.dy >= 0 && place.dy <= 16, `palette under the selection: ${JSON.stringify(place)}`);
      assert.ok(place.right <= place.w && place.bottom <= place.h, `palette inside the window: ${JSON.stringify(place)}`);
    }
    await browser.keys('Enter');
    await browser.waitUntil(async () => Object.values(await markedPassages(browser)).includes(phrase), {
      timeoutMsg: `"${phrase}" is marked as a passage after Enter`,
    });
  }

  async function inspected(browser) {
    const panel = browser.$(tid('passage-inspector'));
    await panel.waitForDisplayed({ timeoutMsg: 'clicking a passage opens the inspector' });
    return { id: await panel.getAttribute('data-passage-id'), quote: await browser.$(tid('passage-quote')).getText() };
  }

  before(async () => {
    app = await launch('tagging');
    folder = join(app.root, 'corpus');
    await mkdir(folder);
    await writeFile(join(folder, 'sochi.txt'), BEFORE);
    await waitForCount(app.browser, 5, 'the seeded library');
    await importFolder(app.browser);
    await app.browser.$(`${tid('import-summary')} button.primary`).click();
    await waitForCount(app.browser, 6, 'the temp article joins the seeds');
    const target = (await rows(app.browser)).find((r) => r.title === TITLE);
    assert.ok(target, `the imported file is listed as "${TITLE}"`);
    await row(app.browser, target.id).click();
    await app.browser.waitUntil(async () => (await app.browser.$(tid('reader-title')).getText()) === TITLE, {
      timeoutMsg: 'the article opens in the reader',
    });
  });
  after(async () => app?.close());

  test('select a phrase, tag it from the palette: marked, and stored with the exact quote', async () => {
    const { browser } = app;
    await tagPhrase(browser, 'met Putin', 'Actors');
    const stored = await cli(app.dataDir, 'passages');
    assert.equal(stored.length, 1, 'one passage is stored');
    assert.equal(stored[0].quote, 'met Putin', 'the offsets the UI sent (after an emoji) cut exactly the selected text');
    assert.deepEqual(stored[0].tags, ['Actors'], 'Enter on a new name created the tag and applied it');
    ids.a = String(stored[0].id);
  });

  test('overlapping passages are both marked and each clickable', async () => {
    const { browser } = app;
    await tagPhrase(browser, 'Putin in Sochi', 'Places');
    const marked = await markedPassages(browser);
    ids.b = Object.keys(marked).find((id) => id !== ids.a);
    assert.equal(marked[ids.b], 'Putin in Sochi', 'the second passage covers its whole phrase');
    assert.equal(marked[ids.a], 'met Putin', 'the first keeps its text where they overlap');
    const stacked = await browser.$(`${tid('passage')}[data-passage-ids="${ids.a},${ids.b}"]`);
    assert.equal(await stacked.getText(), 'Putin', '"Putin" lies in both, the shorter one innermost');
    await screenshot(browser, '20-overlapping-passages');

    await browser.$(`${tid('passage')}[data-passage-ids="${ids.b}"]`).click();
    assert.deepEqual(await inspected(browser), { id: ids.b, quote: 'Putin in Sochi' }, 'a run only in the second opens it');
    await browser.$(`${tid('passage')}[data-passage-ids="${ids.a}"]`).click();
    assert.deepEqual(await inspected(browser), { id: ids.a, quote: 'met Putin' }, 'a run only in the first opens it');
    await stacked.click();
    assert.equal((await inspected(browser)).id, ids.b, 'clicking the shared run of the open passage cycles to the other');
    await screenshot(browser, '21-passage-inspector');
  });

  test('the codebook lists both tags with their counts', async () => {
    const { browser } = app;
    await browser.$(tid('tab-codebook')).click();
    const rowsShown = browser.$$(`${tid('codebook')} ${tid('tag-row')}`);
    await browser.waitUntil(async () => (await rowsShown.length) === 2, { timeoutMsg: 'Actors and Places are in the codebook' });
    const texts = await rowsShown.map((r) => r.$('.line').getText());
    assert.deepEqual(texts.map((t) => t.replace(/\s+/g, ' ').trim()), ['Actors 1', 'Places 1'], 'each tag, by name, with its one passage');
    await screenshot(browser, '25-codebook');
    await browser.$(tid('tab-library')).click();
  });

  test('the search palette reaches passage hits with the arrow keys; Enter opens one', async () => {
    const { browser } = app;
    await browser.$(`${tid('passage')}[data-passage-ids="${ids.a}"]`).click();
    await browser.$(tid('reader-title')).click();
    await browser.keys([Key.Ctrl, 'k']);
    const input = browser.$(tid('search-input'));
    await input.waitForDisplayed({ timeoutMsg: 'Ctrl+K opens the search palette' });
    await input.setValue('Sochi');
    await browser.$(tid('annotation-hit')).waitForDisplayed({ timeoutMsg: 'the passage quoting "Sochi" is listed' });
    const articleHits = await browser.$$(tid('search-hit')).length;
    const passageHit = await browser.$$(tid('annotation-hit')).find(async (h) => (await h.getText()).includes('Putin in Sochi'));
    const position = (await browser.$$('[role="option"][id^="hit-"]').map((el) => el.getAttribute('id'))).indexOf(await passageHit.getAttribute('id'));
    assert.ok(position >= articleHits, 'passage hits come after the article hits, in the same keyboard order');
    for (let i = 0; i < position; i++) await browser.keys('ArrowDown');
    assert.equal(await passageHit.getAttribute('aria-selected'), 'true', 'the arrow keys move onto the passage hit');
    await screenshot(browser, '30-search-passage-hit');
    await browser.keys('Enter');
    const panel = browser.$(tid('passage-inspector'));
    await browser.waitUntil(async () => (await panel.isDisplayed()) && (await panel.getAttribute('data-passage-id')) === ids.b, {
      timeoutMsg: 'Enter on the passage hit opens that passage',
    });
  });

  test('Ctrl+Z undoes the last tagging and Ctrl+Shift+Z redoes it', async () => {
    const { browser } = app;
    await browser.$(tid('reader-title')).click();
    await browser.keys(['Control', 'z']);
    await browser.waitUntil(async () => !(ids.b in (await markedPassages(browser))), {
      timeoutMsg: 'undo removes the second passage from the reader',
    });
    assert.match(await browser.$(tid('notice')).getText(), /^Undid: /, 'a toast says what was undone');
    assert.equal((await cli(app.dataDir, 'passages')).length, 1, 'and from the library');
    await browser.keys(['Control', 'Shift', 'z']);
    await browser.waitUntil(async () => ids.b in (await markedPassages(browser)), {
      timeoutMsg: 'redo brings the passage back',
    });
    assert.equal((await cli(app.dataDir, 'passages')).length, 2, 'redo stores it again');
  });

  test('a note citing a passage shows its quote and source, and opens it when clicked', async () => {
    const { browser } = app;
    await browser.$(`${tid('passage')}[data-passage-ids="${ids.a}"]`).click();
    assert.equal((await inspected(browser)).id, ids.a);
    await browser.$(tid('cite-in-note')).click();
    const citation = browser.$(`${tid('note-editor')} ${tid('citation')}`);
    await citation.waitForDisplayed({ timeoutMsg: '"Cite in note" opens a new note with the citation' });
    await browser.waitUntil(async () => (await citation.getText()).includes('met Putin'), {
      timeoutMsg: 'the citation shows the quote',
    });
    assert.match(await citation.getText(), new RegExp(TITLE), 'and its source article');
    assert.ok(await browser.$(tid('note-list')).isDisplayed(), 'the notes tab lists the note');
    await screenshot(browser, '22-note-with-citation');

    await browser.$(`${tid('passage')}[data-passage-ids="${ids.b}"]`).click();
    assert.equal((await inspected(browser)).id, ids.b, 'another passage is open before the citation is clicked');
    await citation.click();
    await browser.waitUntil(async () => (await inspected(browser)).id === ids.a, {
      timeoutMsg: 'clicking the citation opens the cited passage',
    });
    const notes = await cli(app.dataDir, 'notes');
    assert.deepEqual(notes[0].citations, [Number(ids.a)], 'the note stores a reference to the passage, not a copy');
  });

  test('after the file changes and is imported again, the review list shows what moved', async () => {
    const { browser } = app;
    await writeFile(join(folder, 'sochi.txt'), AFTER);
    await importFolder(browser);
    const note = browser.$(tid('reanchored'));
    assert.match(await note.getText(), /1 moved, 1 need review/, 'the summary reports how the passages re-anchored');
    await screenshot(browser, '23-import-reanchored');
    await browser.$(tid('open-review')).click();
    const list = browser.$(tid('review-list'));
    await list.waitForDisplayed({ timeoutMsg: '"Review them" opens the review list' });
    const items = browser.$$(`${tid('review-item')}`);
    await browser.waitUntil(async () => (await items.length) === 2, { timeoutMsg: 'both passages are listed for review' });
    const flagged = `${tid('review-item')}[data-passage-id="${ids.b}"]`;
    assert.match(await browser.$(`${flagged} .status`).getText(), /needs review/i, 'the approximate match is flagged');
    const quotes = await browser.$$(`${flagged} mark`).map((m) => m.getText());
    assert.deepEqual(quotes, ['Putin in Sochi', 'Putin in Soch'], 'it shows the old quote and where the approximate match put it');
    await screenshot(browser, '24-review-list');

    await browser.$(`${tid('review-item')}[data-passage-id="${ids.a}"] ${tid('review-accept')}`).click();
    await browser.waitUntil(async () => (await browser.$$(tid('review-item')).length) === 1, {
      timeoutMsg: 'accepting the moved passage takes it off the list',
    });
    await selectPhrase(browser, 'Putin in Sochy');
    const reattach = browser.$(`${tid('review-item')}[data-passage-id="${ids.b}"] ${tid('review-reattach')}`);
    await browser.waitUntil(() => reattach.isEnabled(), { timeoutMsg: 'a selection in the article enables "Re-attach here"' });
    await reattach.click();
    await browser.waitUntil(async () => (await browser.$$(tid('review-item')).length) === 0, {
      timeoutMsg: 're-attaching the flagged passage empties the list',
    });
    const b = (await cli(app.dataDir, 'passages')).find((p) => String(p.id) === ids.b);
    assert.equal(b.quote, 'Putin in Sochy', 'the passage now quotes the selected new text');
  });

  test('the reader underlines dates, resolved once the article has a date', async () => {
    const { browser } = app;
    const date = browser.$(tid('date'));
    await date.waitForDisplayed({ timeoutMsg: '"Tuesday" is underlined as a date' });
    assert.equal(await date.getText(), 'Tuesday');
    assert.match(await date.getAttribute('title'), /not resolved/, 'without a published date it says it is unresolved');
    await browser.$(tid('set-date')).click();
    const input = browser.$(tid('date-input'));
    await input.waitForDisplayed();
    // A Thursday: "met Putin … on Tuesday" is two days before.
    await browser.execute((sel) => {
      const el = document.querySelector(sel);
      el.value = '2015-05-14';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, tid('date-input'));
    await browser.$(tid('save-date')).click();
    await browser.waitUntil(async () => (await browser.$(tid('date')).getAttribute('title'))?.startsWith('2015-05-12 (Tuesday 12 May 2015)'), {
      timeoutMsg: 'setting the published date resolves "Tuesday" to the Tuesday before it',
    });
    await browser.$(tid('date')).moveTo();
    await screenshot(browser, '31-reader-passages-and-dates');
  });
  // Last: undo (tested above) would otherwise undo these edits first.
  test('the codebook edits a description, and moves a tag to the top level and clears its key', async () => {
    const { browser } = app;
    await browser.$(tid('tab-codebook')).click();
    const tagRow = async (name) => {
      const all = await browser.$$(`${tid('codebook')} ${tid('tag-row')}`);
      for (const r of all) if ((await r.$('.name').getText()) === name) return r;
      throw new Error(`no codebook row for ${name}`);
    };
    await (await tagRow('Actors')).$(tid('tag-description')).click();
    const box = browser.$(tid('tag-description-input'));
    await box.waitForDisplayed({ timeoutMsg: 'clicking the description line opens its editor' });
    await box.setValue('People who act in the talks: envoys, ministers, leaders');
    await browser.$(tid('tag-description-save')).click();
    await browser.waitUntil(
      // textContent: the line is clamped, and getText would bring its wraps.
      async () => (await (await tagRow('Actors')).$(tid('tag-description')).getProperty('textContent')) === 'People who act in the talks: envoys, ministers, leaders',
      { timeoutMsg: 'Save stores the description, shown under the name' },
    );
    let book = await cli(app.dataDir, 'tags');
    assert.equal(book.find((t) => t.name === 'Actors').description, 'People who act in the talks: envoys, ministers, leaders', 'the description is stored');

    const places = await tagRow('Places');
    const id = Number(await places.getAttribute('data-tag-id'));
    const actorsId = book.find((t) => t.name === 'Actors').id;
    await places.$('select[aria-label="Parent of Places"]').selectByAttribute('value', String(actorsId));
    await browser.waitUntil(async () => (await cli(app.dataDir, 'tags')).find((t) => t.id === id).parent === actorsId, {
      timeoutMsg: 'Places moves under Actors',
    });
    await (await tagRow('Places')).$('select[aria-label="Shortcut key of Places"]').selectByAttribute('value', '2');
    await browser.waitUntil(async () => (await cli(app.dataDir, 'tags')).find((t) => t.id === id).shortcut === 2, {
      timeoutMsg: 'Places gets key 2',
    });
    await screenshot(browser, '29-codebook-description');
    await (await tagRow('Places')).$('select[aria-label="Parent of Places"]').selectByAttribute('value', '0');
    await (await tagRow('Places')).$('select[aria-label="Shortcut key of Places"]').selectByAttribute('value', '0');
    await browser.waitUntil(
      async () => {
        const t = (await cli(app.dataDir, 'tags')).find((x) => x.id === id);
        return t.parent === null && t.shortcut === null;
      },
      { timeoutMsg: '"Top level" and "No key" clear the parent and the shortcut' },
    );
    await browser.$(tid('tab-library')).click();
  });

});

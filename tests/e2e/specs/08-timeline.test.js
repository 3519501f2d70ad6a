// The meeting timeline in the real app on the seed library: markers for the
// dated meetings, a date given to an undated one, a participant filter,
// details with evidence that opens the reader at the passage, highlighted,
// and confirm undone with Ctrl+Z. What the app shows is checked against what
// `parley-cli timeline --json` reads from the same library.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, tid } from '../lib/app.js';
import { waitForCount } from '../lib/library.js';
import { cli, selectPhrase } from '../lib/reader.js';

const SOCHI_DATE = '2015-05-12';

/** Event ids of the single markers on the chart (stacks have none). */
async function markerIds(browser) {
  return browser.execute(
    (sel) => [...document.querySelectorAll(sel)].map((m) => Number(m.dataset.eventId)).sort((a, b) => a - b),
    tid('timeline-marker'),
  );
}

/**
 * Moves the real pointer to the middle of a marker (and clicks). WebKit's
 * WebDriver calls SVG groups "not interactable", so element click/moveTo
 * cannot be used; a pointer action at viewport coordinates can.
 */
async function pointAt(browser, eventId, { click = true, sel = `${tid('timeline-marker')}[data-event-id="${eventId}"]` } = {}) {
  await browser.$(sel).waitForExist({ timeoutMsg: `${sel} is on the chart` });
  const { x, y } = await browser.execute((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, sel);
  const pointer = browser.action('pointer').move({ x, y, origin: 'viewport' });
  await (click ? pointer.down().up() : pointer).perform();
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('timeline', () => {
  let app;
  let events;
  const byPlace = (place) => events.find((e) => e.place === place);

  before(async () => {
    app = await launch('timeline');
    await waitForCount(app.browser, 5, 'the seeded library');
    events = await cli(app.dataDir, 'timeline');
  });
  after(async () => app?.close());

  test('the Timeline tab shows a marker for every dated event of the seed library', async () => {
    const { browser } = app;
    const dated = events.filter((e) => e.date);
    assert.ok(byPlace('Geneva')?.date && byPlace('Moscow')?.date, 'the seeds date the Geneva and Moscow meetings');
    await browser.$(tid('tab-timeline')).click();
    await browser.$(tid('timeline-chart')).waitForDisplayed({ timeoutMsg: 'the tab opens the chart' });
    await browser.waitUntil(async () => (await markerIds(browser)).length === dated.length, {
      timeoutMsg: `one marker per dated event (${dated.length}), none stacked at the fitted zoom`,
    });
    assert.deepEqual(await markerIds(browser), sorted(dated.map((e) => e.id)), 'the markers are the CLI’s dated events');
    const lanes = await browser.$$(tid('timeline-lane')).map((l) => l.getText());
    assert.ok(lanes.includes('Geneva') && lanes.includes('Moscow'), `lanes by place by default (${lanes})`);

    await pointAt(browser, byPlace('Moscow').id, { click: false });
    const tip = browser.$(tid('timeline-tooltip'));
    await tip.waitForDisplayed({ timeoutMsg: 'hovering a marker shows its summary' });
    assert.match(await tip.getText(), /24 Mar 2016/, 'the summary gives the date as a reader writes it');
    await screenshot(browser, '30-timeline');
  });

  test('an undated event gets a date from the Undated list and joins the chart', async () => {
    const { browser } = app;
    // The Sochi visit, reported only by articles without a published date;
    // any undated event will do should the rules ever date it.
    const sochi = events.find((e) => e.place === 'Sochi' && !e.date) ?? events.find((e) => !e.date);
    assert.ok(sochi, 'some seed events are undated (their articles have no published date)');
    await browser.$(tid('timeline-section-undated')).click();
    const item = browser.$(`${tid('undated-event')}[data-event-id="${sochi.id}"]`);
    await item.$(tid('undated-date')).setValue(SOCHI_DATE);
    await item.$(tid('undated-set')).click();
    await browser.waitUntil(async () => (await markerIds(browser)).includes(sochi.id), {
      timeoutMsg: 'the newly dated event gets a marker',
    });
    const stored = (await cli(app.dataDir, 'timeline')).find((e) => e.id === sochi.id);
    assert.equal(stored.date, SOCHI_DATE, 'the date is stored');
    events = await cli(app.dataDir, 'timeline');
    await browser.$(tid('timeline-section-filters')).click();
  });

  test('a participant filter narrows the markers to their events', async () => {
    const { browser } = app;
    const who = 'Vladimir Putin';
    const expected = sorted(events.filter((e) => e.date && e.participants.includes(who)).map((e) => e.id));
    const all = (await markerIds(browser)).length;
    assert.ok(expected.length > 0 && expected.length < all, `${who} takes part in some dated events, not all`);
    await browser.$(`${tid('filter-participant')}[data-name="${who}"]`).click();
    await browser.waitUntil(async () => (await markerIds(browser)).length === expected.length, {
      timeoutMsg: `only the events with ${who} keep markers`,
    });
    assert.deepEqual(await markerIds(browser), expected);
    await screenshot(browser, '31-timeline-filtered');
    await browser.$(tid('filter-clear')).click();
    await browser.waitUntil(async () => (await markerIds(browser)).length === all, { timeoutMsg: 'clearing brings every marker back' });
  });

  test('a marker shows the event with all its evidence; a quote opens the reader there, highlighted', async () => {
    const { browser } = app;
    const moscow = byPlace('Moscow');
    await pointAt(browser, moscow.id);
    const details = browser.$(tid('event-details'));
    await details.waitForDisplayed({ timeoutMsg: 'a click opens the details panel' });
    assert.equal(await details.getAttribute('data-event-id'), String(moscow.id));
    const quotes = await browser.$$(`${tid('event-details')} ${tid('evidence-quote')}`);
    assert.equal(quotes.length, moscow.evidence.length, 'every evidence passage is listed');
    await screenshot(browser, '32-timeline-details');

    const first = moscow.evidence[0];
    await quotes[0].click();
    await browser.$(tid('reader')).waitForDisplayed({ timeoutMsg: 'the quote opens the reader' });
    await browser.waitUntil(
      async () => squash((await browser.$$(`${tid('reader')} mark.hit`).map((m) => m.getText())).join('')) === squash(first.quote),
      { timeoutMsg: 'the reader highlights exactly the evidence passage' },
    );
    const inView = await browser.execute((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, `${tid('reader')} mark.hit`);
    assert.ok(inView, 'the passage is scrolled into view');
    await screenshot(browser, '33-timeline-evidence-in-reader');
    await browser.$(tid('back-to-timeline')).click();
    await browser.$(tid('timeline-chart')).waitForDisplayed({ timeoutMsg: '"← Timeline" returns to the chart' });
  });

  test('confirming an event is stored, and Ctrl+Z undoes it', async () => {
    const { browser } = app;
    const geneva = byPlace('Geneva');
    await pointAt(browser, geneva.id);
    await browser.$(tid('event-confirm')).click();
    await browser.$(tid('event-confirmed')).waitForDisplayed({ timeoutMsg: 'the panel shows the event as confirmed' });
    let stored = (await cli(app.dataDir, 'timeline')).find((e) => e.id === geneva.id);
    assert.equal(stored.confirmed, true, 'the confirmation is stored');

    await browser.keys(['Control', 'z']);
    await browser.waitUntil(async () => !(await browser.$(tid('event-confirmed')).isExisting()), {
      timeoutMsg: 'after Ctrl+Z the timeline reloads and the event is unconfirmed again',
    });
    const notices = await browser.$$(tid('notice')).map((n) => n.getText());
    assert.ok(notices.some((n) => /^Undid: confirm event/.test(n)), `a toast says what was undone (${notices})`);
    stored = (await cli(app.dataDir, 'timeline')).find((e) => e.id === geneva.id);
    assert.equal(stored.confirmed, false, 'undo is stored too');
  });

  test('zoom and lanes: + narrows the window to months, Fit shows everything, lanes by participant', async () => {
    const { browser } = app;
    const range = browser.$(tid('timeline-range'));
    const fitted = await range.getText();
    const x = async (id) =>
      browser.execute((sel) => document.querySelector(sel)?.getBoundingClientRect().x ?? null, `${tid('timeline-marker')}[data-event-id="${id}"]`);
    const [paris, geneva] = [byPlace('Paris'), byPlace('Geneva')];
    const apart = Math.abs((await x(paris.id)) - (await x(geneva.id)));
    for (let i = 0; i < 3; i++) await browser.$(tid('zoom-in')).click();
    await browser.waitUntil(async () => (await range.getText()) !== fitted, { timeoutMsg: 'zooming in changes the window' });
    const zoomedApart = Math.abs((await x(paris.id)) - ((await x(geneva.id)) ?? -1e6));
    assert.ok(zoomedApart > apart * 2, `markers spread apart when zoomed in (${apart} → ${zoomedApart} px)`);
    await browser.$(tid('zoom-fit')).click();
    await browser.waitUntil(async () => (await range.getText()) === fitted, { timeoutMsg: 'Fit returns to every event' });

    await browser.$(tid('lanes-participant')).click();
    await browser.waitUntil(async () => (await browser.$$(tid('timeline-lane')).map((l) => l.getText())).includes('John Kerry'), {
      timeoutMsg: 'lanes by participant have one lane per person',
    });
    await screenshot(browser, '35-timeline-lanes-by-participant');

    for (let i = 0; i < 8; i++) await browser.$(tid('zoom-out')).click();
    await browser.$(tid('timeline-cluster')).waitForExist({ timeoutMsg: 'zoomed out to decades, John Kerry’s meetings stack' });
    await pointAt(browser, null, { sel: tid('timeline-cluster') });
    await browser.$(tid('event-stack')).waitForDisplayed({ timeoutMsg: 'clicking a stack lists its events' });
    await screenshot(browser, '37-timeline-stack');
    await browser.$(tid('zoom-fit')).click();
    await browser.$(tid('lanes-place')).click();
  });

  test('an event added by hand from a passage selected in the reader', async () => {
    const { browser } = app;
    const phrase = 'Kerry emerged with a noticeably softer tone';
    await browser.$(tid('tab-library')).click();
    await browser.$(tid('article-row')).waitForDisplayed();
    const rowsShown = await browser.$$(tid('article-row'));
    let opened = false;
    for (const r of rowsShown) {
      await r.click();
      await browser.pause(300);
      const has = await browser.execute((p) => document.querySelector('[data-testid="reader"]')?.textContent.includes(p), phrase);
      if (has) {
        opened = true;
        break;
      }
    }
    assert.ok(opened, `a seed article says "${phrase}"`);
    await selectPhrase(browser, phrase);
    const add = browser.$(tid('add-event-from-selection'));
    await add.waitForDisplayed({ timeoutMsg: 'the palette under a selection offers "Add as a timeline event"' });
    await add.click();
    const details = browser.$(tid('event-details'));
    await details.waitForDisplayed({ timeoutMsg: 'the new event opens in the details panel' });
    const id = Number(await details.getAttribute('data-event-id'));
    const stored = (await cli(app.dataDir, 'timeline')).find((e) => e.id === id);
    assert.equal(stored.evidence[0].quote, phrase, 'its evidence is the selected passage');
    assert.equal(stored.confirmed, true, 'an event added by hand is the researcher’s, so confirmed');
    assert.ok(stored.participants.includes('John Kerry'), `the names in the passage are taken as participants (${stored.participants})`);
    await screenshot(browser, '36-timeline-added-event');

    await browser.$(tid('event-edit')).click();
    const date = browser.$(tid('edit-date'));
    await date.setValue('March 24');
    assert.match(await browser.$(tid('edit-date-help')).getText(), /TIMEX3/, 'a date that is not TIMEX3 is explained');
    assert.equal(await browser.$(tid('edit-save')).isEnabled(), false, 'and cannot be saved');
    await date.setValue('2016-03-24');
    await browser.$(tid('edit-save')).click();
    await browser.waitUntil(async () => (await browser.$(tid('event-date')).getText()).startsWith('24 Mar 2016'), {
      timeoutMsg: 'the saved date shows in the panel',
    });
    assert.equal((await cli(app.dataDir, 'timeline')).find((e) => e.id === id).date, '2016-03-24');
    await browser.$(tid('back-to-timeline')).click();
    await browser.waitUntil(async () => (await markerIds(browser)).includes(id), { timeoutMsg: 'the dated event has a marker' });
  });

  test('the timeline reads well in the dark theme', async () => {
    const { browser } = app;
    await browser.keys(['Control', 'Shift', 'l']);
    await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dataset.theme)) === 'dark', {
      timeoutMsg: 'Ctrl+Shift+L switches to dark',
    });
    await screenshot(browser, '34-timeline-dark');
    await browser.keys(['Control', 'Shift', 'l']);
  });
});

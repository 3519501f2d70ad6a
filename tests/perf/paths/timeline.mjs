// The timeline tab with the library's events: open (a real click on the
// Timeline tab, from the Library tab), zoom steps (real clicks on + and −)
// and pan steps (real ← and → keys on the focused chart). Each action is
// timed in the page from its event's timeStamp to the frame that paints the
// last DOM change it caused: a MutationObserver on the window's panes
// notes every change, a requestAnimationFrame loop notes when each frame
// starts, and the action counts as done after 300 ms without change (and,
// for an open, once the load it started has answered — the UI's
// `parley:timeline-loaded` mark — and markers are on the chart).

import { setTimeout as sleep } from 'node:timers/promises';
import { tid } from '../lib/app.mjs';
import { fmt, path, split } from '../lib/stats.mjs';

const ROUNDS = 20;
const QUIET_MS = 300;
const STALE_ROUNDS = 5;

async function timed(browser, act, { open = false } = {}) {
  await browser.execute(arm, open, QUIET_MS);
  await act();
  const r = await browser.executeAsync((done) => window.__perfAction.then(done));
  if (r.error) throw new Error(r.error);
  return r;
}

export async function timeline({ browser, manifest, log }) {
  const opens = [];
  for (let i = 0; i < ROUNDS; i++) {
    await browser.$(tid('tab-library')).click();
    await browser.$(tid('reader')).waitForDisplayed();
    await sleep(400);
    opens.push(await timed(browser, () => browser.$(tid('tab-timeline')).click(), { open: true }));
  }
  // Opens after a change: undo and redo of the library's newest change on
  // the Library tab each mark the timeline stale, so the open paints the
  // cached chart and then the reloaded events. A short article is open in
  // the reader first: undo re-renders the open article, and the dense one's
  // re-render would still be running at the click.
  await browser.$(tid('tab-library')).click();
  await (await browser.$$(tid('article-row')))[3].click();
  await sleep(1000);
  const stale = [];
  const undone = [];
  for (let i = 0; i < STALE_ROUNDS; i++) {
    await browser.$(tid('tab-library')).click();
    await browser.$(tid('reader')).waitForDisplayed();
    for (const key of ['z', 'y']) {
      await browser.keys(['Control', key]);
      await sleep(500);
      undone.push(await browser.execute(() => document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
    }
    await sleep(500);
    stale.push(await timed(browser, () => browser.$(tid('tab-timeline')).click(), { open: true }));
  }
  log(`timeline open after undo + redo: ${stale.map((r) => `${fmt(r.first)}/${fmt(r.total)}${r.loaded ? '' : ' (no load)'}`).join(', ')}; ${undone.slice(0, 2).join(' | ')}`);
  const staleLoads = stale.filter((r) => r.loaded);
  const count = await browser.$(tid('timeline-count')).getText();
  const loads = opens.filter((r) => r.loaded);
  // Each command of the tab's load alone, called from the page.
  const bare = await browser.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const out = [];
      for (let i = 0; i < 5; i++) {
        let t = performance.now();
        const events = await invoke('timeline');
        const timeline = performance.now() - t;
        t = performance.now();
        const entities = await invoke('entities');
        out.push({ timeline, entities: performance.now() - t, n: events.length, e: entities.length });
      }
      return out;
    })().then(done, (e) => done(String(e?.message ?? e)));
  });
  if (!Array.isArray(bare)) throw new Error(`bare timeline IPC: ${bare}`);
  log(`timeline open: ${opens.map((r) => fmt(r.total)).join(', ')} (${count})`);

  const chart = `${tid('timeline-chart')} svg[role="application"]`;
  const zooms = [];
  for (let i = 0; i < ROUNDS; i++) {
    // In three steps and out three, around the fitted view.
    const button = Math.floor(i / 3) % 2 === 0 ? 'zoom-in' : 'zoom-out';
    zooms.push(await timed(browser, () => browser.$(tid(button)).click()));
  }
  log(`timeline zoom: ${zooms.map((r) => fmt(r.total)).join(', ')}`);

  // Pan where markers stand apart: two zoom steps in from the fitted view.
  await browser.$(tid('zoom-fit')).click();
  for (let i = 0; i < 2; i++) await browser.$(tid('zoom-in')).click();
  await sleep(QUIET_MS);
  const pans = [];
  for (let i = 0; i < ROUNDS; i++) {
    await browser.execute((sel) => document.querySelector(sel).focus({ preventScroll: true }), chart);
    const key = Math.floor(i / 2) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
    pans.push(await timed(browser, () => browser.keys(key)));
  }
  log(`timeline pan: ${pans.map((r) => fmt(r.total)).join(', ')}`);

  const shown = await browser.execute((sel) => document.querySelectorAll(sel).length, `${tid('timeline-marker')}, ${tid('timeline-cluster')}`);
  const common =
    `Action event timeStamp → the frame painting the last DOM change it caused (${QUIET_MS} ms quiet ends an action). ` +
    `Library: ${manifest.events?.toLocaleString('en') ?? '?'} events; the chart says "${count}".`;
  return [
    path({
      id: 'timeline_open',
      label: 'Timeline view: open the tab',
      samples: opens.map((r) => r.total),
      target: 100,
      stat: 'p99',
      note:
        `${ROUNDS} opens from the Library tab (each unmounts the reader with the dense article and mounts the chart; the tab ` +
        `loads the events on its first open and after a change, else paints them from memory; the entities load only for ` +
        `the entity list and editors). ${common} Opens that loaded: ${loads.length} of ${ROUNDS}` +
        (loads.length ? ` (${loads.map((r) => fmt(r.total)).join(', ')} ms)` : '') +
        `. p50 / p99 in ms: click → first chart frame with markers ${split(opens, 'first')}` +
        (loads.length
          ? `; for the opens that loaded: click → load starts ${split(loads, 'mount')}, timeline IPC (Rust + transport + ` +
            `JSON parse; the cached chart is painted meanwhile) ${split(loads, 'ipc')}, answered → painted ${split(loads, 'render')}`
          : '') +
        `. After a change (undo + redo of the newest change on the Library tab first, a short article in the reader; ` +
        `${staleLoads.length} of ${STALE_ROUNDS} opens reloaded): ` +
        `click → first chart frame with markers (the cached chart) ${split(stale, 'first')}, click → the reloaded events ` +
        `painted ${split(stale, 'total')}; not in the samples, which are what a researcher switching tabs meets. ` +
        `Each command alone, called from the page: timeline (${bare[0].n} events) ` +
        `${split(bare, 'timeline')}, entities (${bare[0].e}) ${split(bare, 'entities')}.`,
    }),
    path({
      id: 'timeline_zoom',
      label: 'Timeline view: one zoom step',
      samples: zooms.map((r) => r.total),
      target: 100,
      stat: 'p99',
      note: `${ROUNDS} clicks on + and − (three in, three out, from the fitted view; ×1.6 each). ${common} ` +
        `p50 / p99 in ms: event → DOM updated ${split(zooms, 'dom')}. No IPC: the layout is computed in the page.`,
    }),
    path({
      id: 'timeline_pan',
      label: 'Timeline view: one pan step',
      samples: pans.map((r) => r.total),
      target: 100,
      stat: 'p99',
      note: `${ROUNDS} ← / → keys on the chart (15% of the window each), two zoom steps in from the fitted view ` +
        `(${shown} markers and stacks drawn at the end). ${common} p50 / p99 in ms: event → DOM updated ${split(pans, 'dom')}. ` +
        `A drag pans by the same code per pointer move.`,
    }),
  ];
}

/** In the page, before the action: resolves `window.__perfAction` with its timing. */
function arm(open, quiet) {
  const root = document.querySelector('main.panes') ?? document.body;
  const at = (e) => (e.timeStamp > 1e12 ? e.timeStamp - performance.timeOrigin : e.timeStamp);
  window.__perfAction = new Promise((resolve) => {
    let t0 = null;
    let firstChange = null;
    let lastChange = null;
    let firstMarkers = null;
    // Every animation frame's start while the action runs: the frame that
    // paints a change is the first to start after it.
    const frames = [];
    const markers = () => root.querySelector('[data-testid="timeline-marker"], [data-testid="timeline-cluster"]');
    let running = true;
    const tick = () => {
      if (!running) return;
      const now = performance.now();
      frames.push(now);
      if (firstMarkers === null && t0 !== null && lastChange !== null && markers()) firstMarkers = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const frameAfter = (t) => frames.find((f) => f > t) ?? null;
    const onevent = (e) => {
      if (t0 === null && e.isTrusted) t0 = at(e);
    };
    document.addEventListener('click', onevent, true);
    document.addEventListener('keydown', onevent, true);
    const mo = new MutationObserver(() => {
      if (t0 === null) return;
      lastChange = performance.now();
      firstChange ??= lastChange;
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const give = performance.now() + 20_000;
    const finish = (out) => {
      running = false;
      mo.disconnect();
      clearInterval(poll);
      document.removeEventListener('click', onevent, true);
      document.removeEventListener('keydown', onevent, true);
      resolve(out);
    };
    const poll = setInterval(() => {
      const now = performance.now();
      if (now > give) return finish({ error: `the ${open ? 'timeline tab' : 'action'} did not settle within 20 s` });
      if (t0 === null || lastChange === null || now - lastChange < quiet) return;
      // The UI's marks around the timeline + entities IPC (timeline.svelte.ts).
      const mark = (name) => performance.getEntriesByName(name).filter((m) => m.startTime >= t0).pop();
      const asked = mark('parley:timeline-load');
      const answered = asked && mark('parley:timeline-loaded');
      // An open with nothing changed since the last load starts none: the
      // chart paints from memory. One that starts a load waits for its answer.
      if (open && (!markers() || (asked && (!answered || now - answered.startTime < quiet)))) return;
      // Done: the frame painting the last change (or, for an open whose
      // reload changed nothing on screen, the frame after the answer).
      const end = Math.max(lastChange, answered ? answered.startTime : 0);
      const painted = frameAfter(end);
      if (painted === null) return;
      finish({
        total: painted - t0,
        dom: lastChange - t0,
        first: (firstMarkers ?? painted) - t0,
        loaded: Boolean(asked),
        mount: asked ? asked.startTime - t0 : NaN,
        ipc: answered ? answered.startTime - asked.startTime : NaN,
        render: answered ? painted - answered.startTime : NaN,
      });
    }, 25);
  });
}

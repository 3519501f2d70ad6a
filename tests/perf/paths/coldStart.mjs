// Cold start: fresh launches of the app on the library, each timed from the
// start of the app's process (its start time in /proc) to the frame that
// first paints the library's rows (the UI's `parley:library-ready` mark,
// made in a requestAnimationFrame callback once the list has rows).

import { launch } from '../lib/app.mjs';
import { startEpochMs, waitGone } from '../lib/proc.mjs';
import { fmt, median, path } from '../lib/stats.mjs';

export async function coldStart({ env, app, dataDir, xdg, runs, log }) {
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const { browser, pid, requested } = await launch({ env, app, dataDir, xdg });
    const started = startEpochMs(pid);
    try {
      const m = await browser.executeAsync((done) => {
        const give = Date.now() + 60_000;
        const look = () => {
          const mark = performance.getEntriesByName('parley:library-ready')[0];
          if (mark) {
            // The UI's marks around library_info + list_articles (model.svelte.ts).
            const load = performance.getEntriesByName('parley:library-load')[0];
            const listed = performance.getEntriesByName('parley:library-listed')[0];
            done({
              origin: performance.timeOrigin,
              at: mark.startTime,
              rows: document.querySelectorAll('[data-testid="article-row"]').length,
              dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
              list: load && listed ? { start: load.startTime, end: listed.startTime } : null,
            });
          } else if (Date.now() > give) done({ error: 'no parley:library-ready mark within 60 s' });
          else setTimeout(look, 20);
        };
        look();
      });
      if (m.error) throw new Error(m.error);
      const ready = m.origin + m.at;
      const row = {
        total: ready - started,
        toOrigin: m.origin - started,
        page: m.at,
        dcl: m.dcl,
        listStart: m.list?.start ?? null,
        list: m.list ? m.list.end - m.list.start : null,
        render: m.list ? m.at - m.list.end : null,
        fromRequest: ready - requested,
        rows: m.rows,
      };
      rows.push(row);
      log(`cold start ${i + 1}/${runs}: ${fmt(row.total)} ms (${m.rows} rows painted)`);
    } finally {
      await browser.deleteSession().catch(() => {});
      await waitGone(pid);
    }
  }
  const med = (k) => {
    const xs = rows.map((r) => r[k]).filter((x) => x !== null);
    return xs.length ? fmt(median(xs)) : 'n/a (no mark)';
  };
  return path({
    id: 'cold_start',
    label: 'Cold start to an interactive library window',
    samples: rows.map((r) => r.total),
    target: 1500,
    stat: 'median',
    note:
      `${rows.length} fresh launches (a new process each; the OS file cache is warm, as on a second launch of the day; ` +
      `the first launch also starts with empty WebKit caches: ${fmt(rows[0].total)} ms). ` +
      `Measured from the app process's start (/proc/<pid>/stat starttime, 10 ms ticks) to performance.timeOrigin + the ` +
      `'parley:library-ready' mark, made in the rAF callback of the frame that first paints the library's rows ` +
      `(${rows[0].rows} rows in view). Medians: process start → page time origin (Rust start-up, opening the library, ` +
      `creating the WebView) ${med('toOrigin')} ms; page origin → DOMContentLoaded ${med('dcl')} ms; ` +
      `the UI asks for the library (library_info + list_articles IPC) at ${med('listStart')} ms and has it ${med('list')} ms later; ` +
      `listing → rows painted ${med('render')} ms; page origin → rows painted ${med('page')} ms. ` +
      `From the WebDriver new-session request instead (adds WebKitWebDriver's own start): ${med('fromRequest')} ms.`,
  });
}

#!/usr/bin/env node
// The desktop half of the benchmark (issue 8): the user-visible paths timed
// in the real release app, driven through tauri-driver under Xvfb, with the
// page's own clock (event timeStamps, Performance API marks, animation
// frames) — see tests/perf/README.md for what each path includes.
//
//   node tests/perf/desktop.mjs --app target/release/parley \
//     --manifest <scratch>/bench-manifest.json --out <scratch>/desktop.json \
//     [--port 4520] [--runs 5] [--only cold_start,search_keystroke,...]
//
// The manifest is written by parley-bench (crates/bench/src/manifest.rs).
// The library is copied first, so tagging leaves the benchmark's own as it
// was; the app binary is copied too, so a rebuild during the run cannot mix
// two builds. A path that fails is reported in `errors` and left out of
// `paths`; no figure is ever made up.

import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { launch } from './lib/app.mjs';
import { startEnv } from './lib/env.mjs';
import { waitGone } from './lib/proc.mjs';
import { fmt, meets } from './lib/stats.mjs';
import { coldStart } from './paths/coldStart.mjs';
import { searchAsYouType } from './paths/search.mjs';
import { openDense, tagRoundTrip } from './paths/reader.mjs';
import { timeline } from './paths/timeline.mjs';
import { residentMemory, stageFigure } from './paths/memory.mjs';

const USAGE = 'usage: node tests/perf/desktop.mjs --app PATH --manifest FILE --out FILE [--port 4520] [--runs 5] [--only id,id]';
const IDS = ['cold_start', 'search_keystroke', 'open_dense', 'tag_round_trip', 'timeline_open', 'timeline_zoom', 'timeline_pan', 'memory'];

const log = (msg) => process.stderr.write(`desktop: ${msg}\n`);

async function main() {
  const { values: args } = parseArgs({
    options: {
      app: { type: 'string' },
      manifest: { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string', default: '4520' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (args.help || !args.app || !args.manifest || !args.out) {
    console.error(USAGE);
    process.exit(args.help ? 0 : 2);
  }
  const only = new Set(args.only ? args.only.split(',') : IDS);
  const unknown = [...only].filter((id) => !IDS.includes(id));
  if (unknown.length) throw new Error(`unknown path ids ${unknown.join(', ')}; known: ${IDS.join(', ')}`);
  const runs = Number(args.runs);
  const report = { app: args.app, runs, paths: [], errors: [] };
  const manifest = JSON.parse(await readFile(args.manifest, 'utf8'));

  const work = await mkdtemp(join(tmpdir(), 'parley-perf-'));
  let env = null;
  const cleanup = async () => {
    await env?.stop();
    env = null;
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().finally(() => process.exit(130)));
  try {
    const app = join(work, 'parley');
    await copyFile(resolve(args.app), app);
    const dataDir = join(work, 'data');
    await cp(manifest.data_dir, dataDir, { recursive: true });
    const xdg = join(work, 'xdg');
    await mkdir(xdg);
    env = await startEnv({ port: Number(args.port), logDir: work });
    log(`app ${args.app} on ${env.display}, driver on :${env.port}, library ${manifest.data_dir} (copied)`);
    const ctx = { env, app, dataDir, xdg, manifest, log };

    const attempt = async (ids, run) => {
      if (!ids.some((id) => only.has(id))) return;
      try {
        const got = await run();
        for (const p of [got].flat()) if (only.has(p.id)) report.paths.push(p);
      } catch (e) {
        report.errors.push(`${ids.join(', ')}: ${e?.message ?? e}`);
        log(`FAILED ${ids.join(', ')}: ${e?.stack ?? e}`);
      }
    };

    await attempt(['cold_start'], () => coldStart({ ...ctx, runs }));

    if (IDS.slice(1).some((id) => only.has(id))) {
      // One session for the rest, in the order a researcher works: search,
      // read the long article, tag in it, look at the timeline; then memory.
      const session = await launch(ctx);
      const { browser, pid } = session;
      try {
        await browser.waitUntil(() => browser.execute(() => performance.getEntriesByName('parley:library-ready').length > 0), {
          timeout: 60_000,
          timeoutMsg: 'the library list never painted its rows',
        });
        // Let start-up's background loads (codebook, notes, review, the
        // newest article and its dates) finish: the paths time a settled app.
        await sleep(3000);
        // Memory after each step, for the memory path's note.
        const stages = [];
        const snap = (stage) => stages.push(stageFigure(stage, pid));
        snap('library open');
        const reset = () => browser.keys('Escape').catch(() => {});
        const queries = manifest.search_queries;
        await attempt(['search_keystroke'], () => searchAsYouType({ ...ctx, browser, queries }));
        await reset();
        snap('searched');
        await attempt(['open_dense'], () => openDense({ ...ctx, browser }));
        await reset();
        snap('dense article open');
        await attempt(['tag_round_trip'], () => tagRoundTrip({ ...ctx, browser }));
        await reset();
        snap('tagged');
        await attempt(['timeline_open', 'timeline_zoom', 'timeline_pan'], () => timeline({ ...ctx, browser }));
        snap('timeline shown');
        await attempt(['memory'], () => residentMemory({ pid, log, stages, indexDir: join(dataDir, 'index') }));
      } finally {
        await browser.deleteSession().catch(() => {});
        await waitGone(pid);
      }
    }
  } catch (e) {
    report.errors.push(`setup: ${e?.message ?? e}`);
    log(`FAILED setup: ${e?.stack ?? e}`);
  } finally {
    await cleanup();
  }
  report.paths.sort((a, b) => IDS.indexOf(a.id) - IDS.indexOf(b.id));
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  for (const p of report.paths) {
    log(`${p.id}: median ${fmt(p.median)} ${p.unit}, p99 ${fmt(p.p99)} ${p.unit} (target ${p.target_stat} < ${p.target}) ${meets(p) ? 'PASS' : 'MISS'}`);
  }
  for (const e of report.errors) log(`error: ${e}`);
  log(`wrote ${args.out}`);
  process.exit(report.paths.length ? 0 : 1);
}

main().catch((e) => {
  console.error(`desktop: ${e?.stack ?? e}`);
  process.exit(1);
});

// Memory of the app with the full library open, read from /proc after the
// other paths have opened the library, searched, opened the dense article,
// tagged and shown the timeline, over the parley process and every process
// below it (WebKitWebProcess, WebKitNetworkProcess, any sandbox helper).
//
// The sample is the physical memory the app's processes hold together:
// every resident page counted once, however many of the processes map it
// (/proc/<pid>/pagemap, root only). Summing VmRSS counts the pages of
// libwebkit2gtk, libjavascriptcoregtk, libLLVM (Mesa), GTK... once per
// process that maps them, ~200 MB too much here. The PSS sum splits a shared
// page between all the processes on the machine that map it, so it moves
// with whatever else runs (another WebKit app, a test run): measured with
// the app idle, 360 MB, then 428 MB 2.5 s later when another Parley ended.
// Unique pages do not. Without root, the sample is the PSS sum and the note
// says so. RSS, PSS and their anon/file parts per process are in the note.

import { setTimeout as sleep } from 'node:timers/promises';
import { memory, uniqueResidentKb, mappedUnderKb } from '../lib/proc.mjs';
import { fmt, path } from '../lib/stats.mjs';

const READINGS = 5;
const mb = (kb) => kb / 1024;

/** One reading: the processes, and the sample (unique pages, else the PSS sum) in MB. */
export function reading(pid) {
  const procs = memory(pid);
  const unique = uniqueResidentKb(procs.map((p) => p.pid));
  const pss = procs.reduce((s, p) => s + (p.pssKb ?? 0), 0);
  const rss = procs.reduce((s, p) => s + p.rssKb, 0);
  return { procs, unique: unique === null ? null : mb(unique), pss: mb(pss), rss: mb(rss), sample: mb(unique ?? pss) };
}

/** "stage 457 (RSS sum 611)" for the note's list of steps. */
export function stageFigure(stage, pid) {
  const r = reading(pid);
  return `${stage} ${fmt(r.sample)} (RSS sum ${fmt(r.rss)})`;
}

export async function residentMemory({ pid, log, stages = [], indexDir = null }) {
  const readings = [];
  for (let i = 0; i < READINGS; i++) {
    readings.push(reading(pid));
    await sleep(500);
  }
  const last = readings.at(-1);
  const kind = last.unique === null ? 'PSS sum (no root: page frames unreadable)' : 'unique resident pages';
  const each = last.procs
    .map(
      (p) =>
        `${p.name} (pid ${p.pid}) ${fmt(mb(p.rssKb))} MB RSS (anon ${fmt(mb(p.anonKb))}, file ${fmt(mb(p.fileKb))}, ` +
        `shmem ${fmt(mb(p.shmemKb))}) / ${fmt(mb(p.pssKb ?? NaN))} MB PSS (anon ${fmt(mb(p.pssAnonKb ?? NaN))}, file ${fmt(mb(p.pssFileKb ?? NaN))})`,
    )
    .join('; ');
  const index = indexDir ? mb(mappedUnderKb(pid, indexDir)) : null;
  log(`memory: ${fmt(last.sample)} MB (${kind}), RSS sum ${fmt(last.rss)} MB, PSS sum ${fmt(last.pss)} MB over ${last.procs.length} processes`);
  return path({
    id: 'memory',
    label: 'Memory of the app with the full library open',
    unit: 'MB',
    samples: readings.map((r) => r.sample),
    target: 400,
    stat: 'max',
    note:
      `Physical memory of the app's process tree: ${kind}, every page counted once however many of the processes map it; ` +
      `${READINGS} readings 0.5 s apart, after this session had searched, opened the dense article, tagged in it and opened ` +
      `the timeline (with --only, just what was run). For comparison: RSS sum ${fmt(last.rss)} MB (shared library pages ` +
      `counted once per process), PSS sum ${fmt(last.pss)} MB (shared pages split with every process on the machine, so it ` +
      `moves with what else runs). Processes: ${each}.` +
      (index === null
        ? ''
        : ` Of parley's file-backed pages, ${fmt(index)} MB are the search index's mapped files (page cache the kernel can reclaim).`) +
      ` After each step of the session, in MB: ${stages.join(', ')}.`,
  });
}

// Resident memory of the app with the full library open: VmRSS of the
// parley process and every process below it (WebKitWebProcess,
// WebKitNetworkProcess and any sandbox helper), read from /proc after the
// other paths have opened the library, searched, opened the dense article,
// tagged and shown the timeline. RSS counts shared pages (libraries mapped
// by several of the processes) once per process, so the sum overstates; the
// proportional set size (Pss) sum is given alongside.

import { setTimeout as sleep } from 'node:timers/promises';
import { memory } from '../lib/proc.mjs';
import { fmt, path } from '../lib/stats.mjs';

const READINGS = 5;

export async function residentMemory({ pid, log, stages = [] }) {
  const readings = [];
  let last;
  for (let i = 0; i < READINGS; i++) {
    last = memory(pid);
    readings.push(last);
    await sleep(500);
  }
  const mb = (kb) => kb / 1024;
  const samples = readings.map((r) => mb(r.reduce((s, p) => s + p.rssKb, 0)));
  const pss = mb(last.reduce((s, p) => s + (p.pssKb ?? 0), 0));
  const each = last
    .map((p) => `${p.name} (pid ${p.pid}) ${fmt(mb(p.rssKb))} MB RSS (anon ${fmt(mb(p.anonKb))}, file ${fmt(mb(p.fileKb))}, ` +
      `shmem ${fmt(mb(p.shmemKb))}) / ${fmt(mb(p.pssKb ?? NaN))} MB PSS`)
    .join('; ');
  log(`memory: ${fmt(samples.at(-1))} MB RSS over ${last.length} processes`);
  return path({
    id: 'memory',
    label: 'Resident memory with the full library open',
    unit: 'MB',
    samples,
    target: 400,
    stat: 'max',
    note:
      `Sum of VmRSS over the app's process tree, ${READINGS} readings 0.5 s apart, after this session had ` +
      `searched, opened the dense article, tagged in it and opened the timeline (with --only, just what was run). Processes: ${each}. ` +
      `The PSS sum (shared pages split between the processes) is ${fmt(pss)} MB. ` +
      `RSS sum after each step of the session, in MB: ${stages.join(', ')}.`,
  });
}

// What /proc says about the app: its pid below the driver, when its process
// started (in the wall-clock milliseconds performance.timeOrigin uses), and
// the resident memory of it and every process it spawned (WebKit's web and
// network processes, and the sandbox helpers between them, if any).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** `/proc/<pid>/stat` fields, numbered as in proc(5) (comm is field 2). */
function stat(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const close = s.lastIndexOf(')');
  const rest = s.slice(close + 2).split(' ');
  // rest[0] is field 3 (state).
  return { comm: s.slice(s.indexOf('(') + 1, close), field: (n) => rest[n - 3] };
}

function pids() {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

/** Every live descendant of `root` (not `root` itself). */
export function descendants(root) {
  const children = new Map();
  for (const pid of pids()) {
    try {
      const ppid = Number(stat(pid).field(4));
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The pid of the process running `exe` below `root`, waiting up to `timeout` ms. */
export async function findApp(root, exe, timeout = 10_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    for (const pid of descendants(root)) {
      try {
        if (readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '') === exe) return pid;
      } catch {
        /* exited, or not ours to read */
      }
    }
    await sleep(50);
  }
  throw new Error(`no process running ${exe} below pid ${root}`);
}

/**
 * The boot time in wall-clock ms. /proc/uptime has 10 ms steps and is cut
 * off, not rounded, so each reading overestimates the boot time by up to
 * 10 ms; the smallest of readings spread over 30 ms is within about 1 ms.
 */
function bootEpochMs() {
  let best = Infinity;
  const end = Date.now() + 30;
  while (Date.now() < end) {
    const up = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000;
    best = Math.min(best, Date.now() - up);
  }
  return best;
}

/**
 * When `pid` started, in wall-clock ms. `starttime` counts clock ticks
 * (10 ms) since boot, cut off: the process started up to a tick later.
 */
export function startEpochMs(pid) {
  return bootEpochMs() + (Number(stat(pid).field(22)) * 1000) / TICKS;
}

/** `pid` and its descendants: name, VmRSS (and its anon/file/shmem parts) and Pss (smaps_rollup) in kB. */
export function memory(pid) {
  const out = [];
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      const rss = kb('VmRSS') || 0;
      let pss = null;
      try {
        pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? NaN);
      } catch {
        /* older kernels have no smaps_rollup */
      }
      // Anonymous (heaps, JIT) vs file-backed (libraries, mapped index files) vs shared memory.
      out.push({ pid: p, name: stat(p).comm, rssKb: rss, anonKb: kb('RssAnon'), fileKb: kb('RssFile'), shmemKb: kb('RssShmem'), pssKb: pss });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** Waits until `pid` has exited (or `timeout` ms). */
export async function waitGone(pid, timeout = 10_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    try {
      const state = stat(pid).field(3);
      if (state === 'Z' || state === 'X') return true;
    } catch {
      return true;
    }
    await sleep(50);
  }
  return false;
}

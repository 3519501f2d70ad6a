// What /proc says about the app: its pid below the driver, when its process
// started (in the wall-clock milliseconds performance.timeOrigin uses), and
// the resident memory of it and every process it spawned (WebKit's web and
// network processes, and the sandbox helpers between them, if any).

import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
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

/** The `kB` fields of a `/proc` file ("Name:   123 kB" lines) as numbers. */
function kbFields(text) {
  const out = {};
  for (const m of text.matchAll(/^(\w+):\s+(\d+) kB$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

/**
 * `pid` and its descendants, in kB: VmRSS and its anon/file/shmem parts
 * (status), and the proportional set size with its anon/file/shmem parts
 * (smaps_rollup: a page shared by n processes counts 1/n in each).
 */
export function memory(pid) {
  const out = [];
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const status = kbFields(readFileSync(`/proc/${p}/status`, 'utf8'));
      let roll = {};
      try {
        roll = kbFields(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      } catch {
        /* older kernels have no smaps_rollup */
      }
      out.push({
        pid: p,
        name: stat(p).comm,
        rssKb: status.VmRSS ?? 0,
        // Anonymous (heaps, JIT) vs file-backed (libraries, mapped index files) vs shared memory.
        anonKb: status.RssAnon ?? NaN,
        fileKb: status.RssFile ?? NaN,
        shmemKb: status.RssShmem ?? NaN,
        pssKb: roll.Pss ?? null,
        pssAnonKb: roll.Pss_Anon ?? null,
        pssFileKb: roll.Pss_File ?? null,
        pssShmemKb: roll.Pss_Shmem ?? null,
      });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** `/proc/<pid>/smaps` as mappings: `{ start, end, path, kb: {Rss, Pss, Anonymous, ...} }` (addresses as BigInt). */
export function smaps(pid) {
  const maps = [];
  let cur = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      cur = { start: BigInt(`0x${head[1]}`), end: BigInt(`0x${head[2]}`), path: head[3], kb: {} };
      maps.push(cur);
      continue;
    }
    const f = /^(\w+):\s+(\d+) kB$/.exec(line);
    if (f && cur) cur.kb[f[1]] = Number(f[2]);
  }
  return maps;
}

/**
 * The resident pages of all of `pids` counted once each, in kB: the
 * physical memory the processes hold together (a library page mapped by
 * the app and the web process counts once; a page they share with other
 * programs counts fully). Read from /proc/<pid>/pagemap, whose page frame
 * numbers only root (CAP_SYS_ADMIN) sees: null otherwise. Pages swapped
 * out are not resident and not counted.
 */
export function uniqueResidentKb(pids) {
  const PAGE = 4096n;
  const frames = new Set();
  let sawFrame = false;
  for (const pid of pids) {
    let fd;
    try {
      const maps = smaps(pid).filter((m) => (m.kb.Rss ?? 0) > 0);
      fd = openSync(`/proc/${pid}/pagemap`, 'r');
      for (const m of maps) {
        const pages = Number((m.end - m.start) / PAGE);
        // A mapping can be gigabytes of address space with a few pages
        // resident: read its entries in 64k-page slices.
        for (let first = 0; first < pages; first += 65536) {
          const n = Math.min(65536, pages - first);
          const buf = Buffer.alloc(n * 8);
          readSync(fd, buf, 0, buf.length, Number(((m.start / PAGE) + BigInt(first)) * 8n));
          for (let i = 0; i < n; i++) {
            const e = buf.readBigUInt64LE(i * 8);
            if (!(e >> 63n)) continue; // not present
            const pfn = e & ((1n << 55n) - 1n);
            if (pfn === 0n) continue; // present, but the kernel hides the frame from us
            sawFrame = true;
            frames.add(pfn);
          }
        }
      }
    } catch {
      /* exited meanwhile */
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return sawFrame ? frames.size * 4 : null;
}

/** Resident kB of `pid`'s mappings of files under `dir` (e.g. the search index). */
export function mappedUnderKb(pid, dir) {
  try {
    return smaps(pid)
      .filter((m) => m.path.startsWith(dir))
      .reduce((s, m) => s + (m.kb.Rss ?? 0), 0);
  } catch {
    return 0;
  }
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

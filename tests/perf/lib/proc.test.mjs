import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { memory, uniqueResidentKb, mappedUnderKb, smaps } from './proc.mjs';

test('memory reads this process: RSS = anon + file + shmem, PSS within RSS', () => {
  const [me] = memory(process.pid);
  assert.equal(me.pid, process.pid);
  assert.ok(me.rssKb > 0);
  assert.ok(Math.abs(me.rssKb - (me.anonKb + me.fileKb + me.shmemKb)) < 1024);
  if (me.pssKb !== null) assert.ok(me.pssKb > 0 && me.pssKb <= me.rssKb);
});

test('unique resident pages count a page once however many processes map it', async (t) => {
  // Idle processes (reading this one would change it while it is read).
  const a = spawn('sleep', ['30']);
  const b = spawn('sleep', ['30']);
  t.after(() => {
    a.kill();
    b.kill();
  });
  await new Promise((r) => setTimeout(r, 200));
  const one = uniqueResidentKb([a.pid]);
  if (one === null) return t.skip('page frame numbers need root');
  const [ma] = memory(a.pid);
  // VmRSS comes from counters the kernel updates in batches: close, not exact.
  assert.ok(Math.abs(one - ma.rssKb) <= 512, `one process: its RSS (${one} vs ${ma.rssKb} kB)`);
  assert.equal(uniqueResidentKb([a.pid, a.pid]), one, 'the same process twice: no more');
  const [mb] = memory(b.pid);
  // Two `sleep`s share libc and the binary: together less than the RSS sum.
  const both = uniqueResidentKb([a.pid, b.pid]);
  assert.ok(both > one && both < ma.rssKb + mb.rssKb, `both ${both} kB, RSS ${ma.rssKb} + ${mb.rssKb} kB`);
});

test('mappedUnderKb sums the resident pages of files mapped from a directory', () => {
  const exe = smaps(process.pid).find((m) => m.path.startsWith('/') && (m.kb.Rss ?? 0) > 0);
  assert.ok(exe, 'some file is mapped');
  const dir = exe.path.slice(0, exe.path.lastIndexOf('/') + 1);
  assert.ok(mappedUnderKb(process.pid, dir) >= exe.kb.Rss);
  assert.equal(mappedUnderKb(process.pid, '/no/such/dir/'), 0);
});

// The display and driver the app runs under, started and stopped by this
// script (the same setup as scripts/e2e.sh): Xvfb on a free display, a
// private D-Bus session (so the app's single-instance check cannot hand the
// launch to a Parley the developer has open) and tauri-driver, which starts
// WebKitWebDriver on port+1. The driver runs in its own process group with
// WebKitWebDriver and the app below it: one signal to the group stops all.

import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starts Xvfb + dbus + tauri-driver; returns `{ display, url, driverPid, stop }`. */
export async function startEnv({ port, logDir }) {
  const env = { ...process.env, PATH: `${join(homedir(), '.cargo/bin')}:${process.env.PATH}` };
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`something already answers on port ${port}; stop it or pass --port`);

  const xlog = openSync(join(logDir, 'xvfb.log'), 'w');
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', xlog, xlog, 'pipe'],
  });
  const stops = [() => xvfb.kill('SIGTERM')];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const display = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 5 s')), 5000);
      xvfb.on('error', reject);
      xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}); see ${logDir}/xvfb.log`)));
      xvfb.stdio[3].on('data', (d) => {
        out += d;
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${out.trim()}`);
        }
      });
    });
    env.DISPLAY = display;

    const dlog = openSync(join(logDir, 'driver.log'), 'w');
    const driver = spawn(
      'dbus-run-session',
      ['--', 'tauri-driver', '--port', String(port), '--native-port', String(port + 1)],
      { env, detached: true, stdio: ['ignore', dlog, dlog] },
    );
    let exited = false;
    driver.on('exit', () => (exited = true));
    stops.push(async () => {
      try {
        process.kill(-driver.pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 10 && !exited; i++) await sleep(200);
      try {
        process.kill(-driver.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    });
    for (let i = 0; i < 100 && !(await answers(url)); i++) {
      if (exited) throw new Error(`tauri-driver exited; see ${logDir}/driver.log`);
      await sleep(100);
    }
    if (!(await answers(url))) throw new Error(`tauri-driver never answered ${url}/status`);
    return { display, url, port, driverPid: driver.pid, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function answers(url) {
  try {
    return (await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

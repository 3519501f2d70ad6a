// Launching the release app on the benchmark library through tauri-driver,
// through the same wrapper script as tests/e2e (see `writeLauncher`): the
// app needs PARLEY_DATA_DIR and XDG dirs of its own.

import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findApp } from './proc.mjs';
import { tid, writeLauncher } from '../../e2e/lib/app.js';

export const REPO = resolve(fileURLToPath(import.meta.url), '../../../..');

// webdriverio lives in tests/e2e/node_modules (installed by scripts/setup.sh);
// tests/perf has no node_modules of its own.
const { remote } = await import(pathToFileURL(join(REPO, 'tests/e2e/node_modules/webdriverio/build/node.js')).href);

export { tid };

/**
 * Starts a session: returns `{ browser, pid, requested }`, `requested` being
 * the wall-clock ms just before the new-session request was sent.
 */
export async function launch({ env, app, dataDir, xdg }) {
  const vars = {
    PARLEY_DATA_DIR: dataDir,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'share'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
  };
  const wrapper = await writeLauncher(join(xdg, 'parley.sh'), vars, app);
  const { hostname, port } = new URL(env.url);
  const requested = Date.now();
  const browser = await remote({
    hostname,
    port: Number(port),
    logLevel: 'error',
    connectionRetryTimeout: 120_000,
    waitforTimeout: 60_000,
    capabilities: {
      'tauri:options': { application: wrapper },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setTimeout({ script: 120_000 });
  const pid = await findApp(env.driverPid, app);
  return { browser, pid, requested };
}

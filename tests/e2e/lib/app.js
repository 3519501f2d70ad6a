// Launches the real Parley binary in a real window through tauri-driver, on a
// library of its own: every session gets a fresh temp root holding the data
// directory (PARLEY_DATA_DIR) and the XDG dirs where WebKit and the
// window-state plugin keep their files, so a test never sees a developer's
// library, theme or window size, and never leaves anything behind.
//
// tauri-driver passes only `application` and `args` to the app, not the
// environment, so the app is launched through a small wrapper script that
// sets the environment and execs the binary (keeping the env WebKitWebDriver
// gives it for the automation connection).

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root (tests/e2e/lib → ../../..). */
export const REPO = resolve(fileURLToPath(import.meta.url), '../../../..');

/** The app under test: the debug build with the UI embedded (`make build-app`). */
export const APP = process.env.PARLEY_E2E_APP ?? join(REPO, 'target/debug/parley');

export const SCREENSHOTS = join(REPO, 'tests/e2e/screenshots');

const DRIVER = process.env.TAURI_DRIVER_URL ?? 'http://127.0.0.1:4444';

/** Each session's dialog-answer file (`PARLEY_E2E_DIALOG_ANSWERS`), by browser. */
const dialogAnswers = new WeakMap();

/** Where `lib/dialog.js` puts the answer to this session's next import dialog. */
export function dialogAnswerFile(browser) {
  const file = dialogAnswers.get(browser);
  if (!file) throw new Error('not a session started by launch()');
  return file;
}

/** Waits are generous: a cold debug build under Xvfb on 2 cores is slow. */
export const TIMEOUT = 20_000;

/**
 * Starts the app on a fresh library and returns the WebdriverIO browser plus
 * the temp paths; `close()` ends the session and deletes the temp root.
 * `extraEnv(root)` may add variables for the app (say, an automation hook
 * pointing into the temp root).
 */
export async function launch(name, { extraEnv } = {}) {
  if (!existsSync(APP)) {
    throw new Error(`${APP} does not exist: build it first with \`make build-app\``);
  }
  const root = await mkdtemp(join(tmpdir(), `parley-e2e-${name}-`));
  const dataDir = join(root, 'data');
  const env = {
    PARLEY_DATA_DIR: dataDir,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'share'),
    XDG_CACHE_HOME: join(root, 'cache'),
  };
  for (const dir of Object.values(env)) await mkdir(dir, { recursive: true });
  // The import dialog answers from this file instead of opening GTK (which
  // WebDriver cannot reach); with no answer in it, it plays a cancel.
  env.PARLEY_E2E_DIALOG_ANSWERS = join(root, 'dialog-answer.json');
  Object.assign(env, extraEnv?.(root) ?? {});
  const wrapper = await writeLauncher(join(root, 'parley.sh'), env, APP);

  const { hostname, port } = new URL(DRIVER);
  const browser = await remote({
    hostname,
    port: Number(port),
    logLevel: 'warn',
    connectionRetryTimeout: 60_000,
    waitforTimeout: TIMEOUT,
    capabilities: {
      'tauri:options': { application: wrapper },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  dialogAnswers.set(browser, env.PARLEY_E2E_DIALOG_ANSWERS);

  async function close() {
    try {
      await browser.deleteSession();
    } finally {
      // The app may still be writing caches while it exits: retry.
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }
  return { browser, root, dataDir, close };
}

/**
 * Saves a PNG of the whole window as `screenshots/<name>.png`, by default
 * after the webview has painted what the DOM already holds (WebKit captures
 * the last painted frame, which can lag a fresh render); `settle: false`
 * shoots at once, for states that last only a moment.
 */
export async function screenshot(browser, name, { settle = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  if (settle) await settled(browser);
  const file = join(SCREENSHOTS, `${name}.png`);
  // The X display as the user sees it (ImageMagick's `import`), not
  // WebDriver's snapshot: WebKit's snapshot re-renders the page and, with
  // the CPU renderer Parley picks on machines without a GPU (renderer.rs),
  // hangs for a minute on the timeline's chart, which paints normally.
  if (process.env.DISPLAY) {
    await execFileAsync('import', ['-window', 'root', file], { timeout: 20_000 });
  } else {
    await browser.saveScreenshot(file);
  }
}

/** Resolves after two frames, or after a second where frames are throttled. */
async function settled(browser) {
  await browser.executeAsync((done) => {
    const fallback = setTimeout(done, 1000);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        setTimeout(done, 50);
      }),
    );
  });
}

/** `[data-testid=…]`, the UI's stable hooks for tests. */
export function tid(id) {
  return `[data-testid="${id}"]`;
}

/**
 * Writes an executable script at `file` that sets `env` and execs `app`:
 * tauri-driver passes only `application` and `args` to the app, not the
 * environment (the benchmark in tests/perf launches the same way).
 */
export async function writeLauncher(file, env, app) {
  const exports = Object.entries(env)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join('\n');
  await writeFile(file, `#!/bin/sh\n${exports}\nexec ${shellQuote(app)} "$@"\n`);
  await chmod(file, 0o755);
  return file;
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

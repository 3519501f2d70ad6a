// Answers the app's next native import dialog. WebDriver cannot reach a GTK
// file chooser, and the dialog is opened by the shell (Rust), not the page,
// so the answer goes through the shell's test hook: `launch()` points
// PARLEY_E2E_DIALOG_ANSWERS at a file in the session's temp root, and the
// `choose_import` command, instead of opening GTK, reads its answer from
// that file (and deletes it) and writes what it was asked next to it. The
// rest stays real: the toolbar button, the model, `choose_import` granting
// the answer, and `import_paths` checking that grant, with its progress.

import { readFile, rm, writeFile } from 'node:fs/promises';
import { dialogAnswerFile } from './app.js';

/** Where the shell records the dialog's options (see `request_file` in import.rs). */
function requestFile(browser) {
  return dialogAnswerFile(browser).replace(/\.json$/, '.request.json');
}

/** Arms the hook: the next import dialog resolves to `paths` (`null`: a cancel). */
export async function answerNextDialog(browser, paths) {
  await rm(requestFile(browser), { force: true });
  await writeFile(dialogAnswerFile(browser), JSON.stringify(paths));
}

/** What the app asked the dialog for (`kind`, `directory`, `multiple`, `title`…), or null. */
export async function dialogRequest(browser) {
  try {
    return JSON.parse(await readFile(requestFile(browser), 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
}

// Answers the app's next native file dialog. WebDriver cannot reach a GTK
// file chooser, so the one call that would open it — `plugin:dialog|open`
// over Tauri's IPC — is answered in the page with the given paths. The rest
// stays real: the toolbar button, the model, the dialog plugin's JS, and the
// `import_paths` command with its progress channel.
//
// Tauri's IPC posts each call with `fetch` to `ipc://localhost/<command>`
// and reads `Tauri-Response: ok` as success; the interceptor answers exactly
// one dialog call that way and passes everything else through.

/** Arms the interceptor; the next `open` dialog resolves to `paths`. */
export async function answerNextDialog(browser, paths) {
  await browser.execute((paths) => {
    const realFetch = window.fetch;
    const seen = (window.__parleyE2eDialog = { options: null, answered: false });
    window.fetch = function (input, init) {
      const url = typeof input === 'string' ? input : input.url;
      if (!seen.answered && decodeURIComponent(url).endsWith('plugin:dialog|open')) {
        seen.answered = true;
        seen.options = JSON.parse(init.body).options;
        window.fetch = realFetch;
        return Promise.resolve(
          new Response(JSON.stringify(paths), {
            headers: { 'Content-Type': 'application/json', 'Tauri-Response': 'ok' },
          }),
        );
      }
      return realFetch.call(this, input, init);
    };
  }, paths);
}

/** What the app asked the dialog for (`directory`, `multiple`, `title`…), or null. */
export async function dialogRequest(browser) {
  return browser.execute(() => window.__parleyE2eDialog?.options ?? null);
}

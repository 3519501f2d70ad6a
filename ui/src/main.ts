import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { AppModel } from './lib/model.svelte';
import { tauriBackend } from './lib/tauriBackend';
import { Theme } from './lib/theme.svelte';
import { applyFontStacks } from './lib/fontStacks';

// Before the first render: every font the page then makes is looked up in
// the short stacks (see fontStacks.ts).
applyFontStacks();

const model = new AppModel(tauriBackend);
const theme = new Theme(document.documentElement, window.localStorage);

// Errors nobody caught still reach the user instead of only the console.
window.addEventListener('unhandledrejection', (e) => model.fail('Something', e.reason));

export default mount(App, {
  target: document.getElementById('app')!,
  props: { model, theme },
});

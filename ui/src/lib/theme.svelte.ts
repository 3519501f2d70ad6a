// Light and dark themes. "system" follows `prefers-color-scheme` (handled in
// CSS); a manual choice is remembered across launches.

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'parley.theme';

export class Theme {
  choice = $state<ThemeChoice>('system');

  constructor(private readonly root: HTMLElement, private readonly storage: Storage | null) {
    const saved = storage?.getItem(KEY);
    if (saved === 'light' || saved === 'dark') this.choice = saved;
    this.apply();
  }

  /** The theme on screen now, resolving "system". */
  get effective(): 'light' | 'dark' {
    if (this.choice !== 'system') return this.choice;
    return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';
  }

  /** Switches to the opposite of what is on screen. */
  toggle() {
    this.choice = this.effective === 'dark' ? 'light' : 'dark';
    this.storage?.setItem(KEY, this.choice);
    this.apply();
  }

  private apply() {
    if (this.choice === 'system') delete this.root.dataset.theme;
    else this.root.dataset.theme = this.choice;
  }
}

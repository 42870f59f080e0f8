/** The colour theme: the OS preference unless the user picked one (kept in localStorage). */
const KEY = 'halooid.theme';

class Theme {
  choice: 'system' | 'light' | 'dark' = $state(read());

  set(choice: 'system' | 'light' | 'dark') {
    this.choice = choice;
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // not persisted; still applied for this tab
    }
    if (choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = choice;
  }

  /** What is showing now. */
  get effective(): 'light' | 'dark' {
    if (this.choice !== 'system') return this.choice;
    return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';
  }
}

function read(): 'system' | 'light' | 'dark' {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const theme = new Theme();

// Applies the saved theme before first paint (no flash of the wrong theme).
// A file, not an inline script, so the CSP can stay `script-src 'self'`.
try {
  const theme = localStorage.getItem('halooid.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // storage disabled: the OS preference applies
}

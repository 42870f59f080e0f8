/**
 * A coarse device name from a user agent ("Chrome on macOS"): browser family
 * and operating system, never versions, so a browser update is not a new
 * device. An agent it cannot read is its first 60 characters.
 */
export function deviceOf(userAgent: string | null): string {
  const agent = userAgent ?? '';
  if (!agent.trim()) return 'Unknown device';
  const os =
    [
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Android/, 'Android'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/Windows/, 'Windows'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(agent))?.[1] ?? null;
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\/|CriOS\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/^curl\//, 'curl'],
      [/node|undici/i, 'Node.js'],
    ].find(([pattern]) => (pattern as RegExp).test(agent))?.[1] ?? null;
  if (browser && os) return `${browser} on ${os}`;
  return (browser ?? os ?? agent.slice(0, 60)) as string;
}

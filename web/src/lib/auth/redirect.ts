/**
 * Where to go after signing in: the page that sent the user to sign in
 * (`?next=`, only a same-origin path, never `//evil.example`), else `fallback`.
 */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

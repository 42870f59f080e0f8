/**
 * The /dev tools (mailbox with sign-up and reset codes, events, dead letters)
 * answer only when the browser asked for a loopback name. A page on
 * `evil.example` whose DNS answer is switched to 127.0.0.1 (DNS rebinding)
 * reaches the local runtime with `Host: evil.example`, so checking the Host
 * header is what keeps such a page from reading the mailbox. Any port is
 * fine; names are exact (no `localhost.`, no `*.localhost`, no nip.io).
 */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

export function isDevPath(pathname: string): boolean {
  return pathname === '/dev' || pathname.startsWith('/dev/');
}

export const DEV_HOST_REFUSED =
  'The /dev tools answer only on localhost, 127.0.0.1 or [::1]; open them through one of those names.';

/**
 * Polls `call` until it answers `wanted` or `ms` pass; returns the last
 * status. For changes the platform promises to enforce "within seconds"
 * (authorizer caches re-read the RBAC version every 2 s).
 */
export async function statusWithin(
  ms: number,
  call: () => Promise<{ status: number }>,
  wanted: number,
): Promise<number> {
  const deadline = Date.now() + ms;
  let status = (await call()).status;
  while (status !== wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = (await call()).status;
  }
  return status;
}

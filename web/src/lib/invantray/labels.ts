import { invBlob } from './http';

/**
 * A printable label (SVG or PDF with Code 128 and QR) opens in a new tab. The
 * route needs the bearer token, so it is fetched and shown from a blob URL
 * rather than linked directly. The tab is opened first (synchronously, in the
 * click) so that pop-up blockers let it through.
 */
export async function openLabel(path: string, format: 'svg' | 'pdf'): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await invBlob(path, { format }, format === 'pdf' ? 'application/pdf' : 'image/svg+xml');
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (failure) {
    tab?.close();
    throw failure;
  }
}

import { invBlob } from '../http';

/**
 * The printable purchase order (HTML to print from the browser, or a PDF)
 * opens in a new tab. The route needs the bearer token, so it is fetched and
 * shown from a blob URL; the tab opens first, in the click, so pop-up
 * blockers let it through.
 */
export async function openOrderDocument(orderId: string, format: 'html' | 'pdf'): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await invBlob(
      `/purchase-orders/${orderId}/document`,
      { format },
      format === 'pdf' ? 'application/pdf' : 'text/html',
    );
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (failure) {
    tab?.close();
    throw failure;
  }
}

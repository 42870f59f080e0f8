import type { RawResult } from '../http/adapter';

/**
 * Answers for printable documents. `inline` so a browser tab shows them
 * (print from there); the file name is what "Save as" offers. The name is
 * reduced to safe characters: it comes from data (a SKU, a PO number).
 */
export function pdfResult(bytes: Uint8Array, fileName: string): RawResult {
  return { raw: bytes, contentType: 'application/pdf', headers: disposition(fileName, 'pdf') };
}

export function svgResult(svg: string, fileName: string): RawResult {
  return { raw: svg, contentType: 'image/svg+xml', headers: disposition(fileName, 'svg') };
}

export function htmlResult(html: string, fileName: string): RawResult {
  return { raw: html, contentType: 'text/html; charset=utf-8', headers: disposition(fileName, 'html') };
}

function disposition(fileName: string, extension: string): Record<string, string> {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'document';
  return {
    'Content-Disposition': `inline; filename="${safe}.${extension}"`,
    // A document is the caller's tenant data: never cached by shared caches.
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    // Served from the app's origin: an SVG or HTML document may style itself, never run script or fetch.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  };
}

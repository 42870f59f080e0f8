import { describe, expect, it } from 'vitest';
import { defineRoute, defineService, PUBLIC } from '../manifest';
import { binaryMediaTypesOf, isBinaryMediaType } from './binary';

function serviceProducing(capability: string, produces: string[]) {
  return defineService({
    product: 'demo',
    capability,
    description: 'Downloads, for testing.',
    resources: {},
    permissions: [],
    routes: [
      defineRoute({
        operationId: `${capability}Download`,
        method: 'GET',
        path: `/v1/demo/${capability}`,
        permission: PUBLIC,
        summary: 'Download',
        produces,
      }),
    ],
  });
}

describe('isBinaryMediaType', () => {
  it('calls PDFs, images and octet streams binary', () => {
    expect(isBinaryMediaType('application/pdf')).toBe(true);
    expect(isBinaryMediaType('image/png')).toBe(true);
    expect(isBinaryMediaType('application/octet-stream')).toBe(true);
  });

  it('calls text, JSON and XML (SVG included) text, whatever the parameters and case', () => {
    expect(isBinaryMediaType('text/csv; charset=utf-8')).toBe(false);
    expect(isBinaryMediaType('image/svg+xml')).toBe(false);
    expect(isBinaryMediaType('Application/JSON')).toBe(false);
    expect(isBinaryMediaType('application/problem+json')).toBe(false);
  });
});

describe('binaryMediaTypesOf', () => {
  it('lists each binary type some route produces once, sorted, and no text type', () => {
    const services = [
      serviceProducing('labels', ['image/svg+xml', 'application/pdf']),
      serviceProducing('orders', ['application/pdf', 'text/html']),
      serviceProducing('photos', ['image/png']),
    ];

    expect(binaryMediaTypesOf(services)).toEqual(['application/pdf', 'image/png']);
  });
});

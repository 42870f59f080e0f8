import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const EDGE = '130.176.1.10'; // a CloudFront edge: what API Gateway sees as the source behind CloudFront

function event(headers: Record<string, string>, sourceIp = EDGE) {
  return {
    headers,
    requestContext: { identity: { sourceIp } } as APIGatewayProxyEvent['requestContext'],
  };
}

describe('client IP behind CloudFront (TRUST_CLOUDFRONT_HEADER=true)', () => {
  const aws = { trustCloudFront: true };

  it('takes the viewer address CloudFront set, not the edge socket', () => {
    expect(clientIp(event({ 'X-Halooid-Viewer-Ip': '198.51.100.23' }), aws)).toBe('198.51.100.23');
    expect(clientIp(event({ 'x-halooid-viewer-ip': '2001:db8::7' }), aws)).toBe('2001:db8::7');
  });

  it('ignores a spoofed X-Forwarded-For head, whatever the chain says', () => {
    const spoofed = event({
      'X-Forwarded-For': '1.2.3.4, 198.51.100.23, 130.176.1.10',
      'X-Halooid-Viewer-Ip': '198.51.100.23',
    });
    expect(clientIp(spoofed, aws)).toBe('198.51.100.23');
    // Without the viewer header the chain is still not believed: the socket it is.
    expect(clientIp(event({ 'X-Forwarded-For': '1.2.3.4' }), aws)).toBe(EDGE);
  });

  it('never passes on a header value that is not one address', () => {
    for (const value of ['1.2.3.4, 5.6.7.8', 'evil', '', '1.2.3.4:443', '<script>']) {
      expect(clientIp(event({ 'X-Halooid-Viewer-Ip': value }), aws)).toBe(EDGE);
    }
  });
});

describe('client IP locally (no CloudFront)', () => {
  const local = { trustCloudFront: false };

  it('uses the socket address and ignores any client-sent forwarding header', () => {
    const sent = event({ 'X-Halooid-Viewer-Ip': '9.9.9.9', 'X-Forwarded-For': '8.8.8.8' }, '127.0.0.1');
    expect(clientIp(sent, local)).toBe('127.0.0.1');
  });

  it('says unknown rather than inventing an address', () => {
    expect(
      clientIp({ headers: {}, requestContext: {} as APIGatewayProxyEvent['requestContext'] }, local),
    ).toBe('unknown');
  });
});

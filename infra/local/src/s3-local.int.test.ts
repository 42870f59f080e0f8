import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { S3Client } from '@aws-sdk/client-s3';
import { createS3ObjectStore } from '@halooid/shared/storage/s3-object-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalS3, startS3Local } from './s3-local';

describe('the local S3 stand-in behind the object store', () => {
  let dataDir: string;
  let s3: LocalS3;
  let client: S3Client;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-s3-'));
    s3 = await startS3Local({ dataDir });
    client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores, lists, serves through a presigned link and deletes a prefix, leaving its neighbours', async () => {
    const store = createS3ObjectStore(client, s3.bucket);
    const body = gzipSync(Buffer.from('{"a":1}\n'));
    await store.put('tenants/t1/exports/one.jsonl.gz', body, { contentType: 'application/gzip' });
    await store.put('tenants/t1/other.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await store.put('tenants/t10/keep.txt', Buffer.from('y'), { contentType: 'text/plain' });

    const link = await store.downloadUrl('tenants/t1/exports/one.jsonl.gz', {
      expiresInSeconds: 60,
      fileName: 'one.jsonl.gz',
    });
    const download = await fetch(link);
    const deleted = await store.deletePrefix('tenants/t1/');

    expect(download.status).toBe(200);
    expect(gunzipSync(Buffer.from(await download.arrayBuffer())).toString()).toBe('{"a":1}\n');
    expect(deleted).toBe(2);
    expect(await store.list('tenants/t1/')).toEqual([]);
    expect(await store.list('tenants/')).toEqual(['tenants/t10/keep.txt']);
  });

  it('refuses a link once it has expired', async () => {
    const store = createS3ObjectStore(client, s3.bucket);
    await store.put('tenants/t2/a.txt', Buffer.from('a'), { contentType: 'text/plain' });
    const link = await store.downloadUrl('tenants/t2/a.txt', { expiresInSeconds: 1, fileName: 'a.txt' });

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await fetch(link);

    expect(response.status).toBe(403);
  });
});

import { createRequire } from 'node:module';
import type { S3Client } from '@aws-sdk/client-s3';
import { getConfig, requireKeys } from '../config';
import type { ObjectStore } from './object-store';

/**
 * The SDK loads on first use, not at import (as shared/src/dynamodb.ts does):
 * only the functions that touch files pay for it in their cold start.
 */
const load = createRequire(import.meta.url);
const s3Sdk = (): typeof import('@aws-sdk/client-s3') => load('@aws-sdk/client-s3');
const presigner = (): typeof import('@aws-sdk/s3-request-presigner') => load('@aws-sdk/s3-request-presigner');

/** DeleteObjects takes at most 1000 keys a call, ListObjectsV2 answers at most 1000. */
const BATCH = 1000;

/** An ObjectStore over one S3 bucket (or any S3-compatible server at `S3_ENDPOINT`). */
export function createS3ObjectStore(client: S3Client, bucket: string): ObjectStore {
  const sdk = s3Sdk();
  const list = async (prefix: string): Promise<string[]> => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  };
  return {
    async put(key, body, options) {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          ContentEncoding: options.contentEncoding,
        }),
      );
    },
    downloadUrl(key, { expiresInSeconds, fileName }) {
      return presigner().getSignedUrl(
        client,
        new sdk.GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`,
        }),
        { expiresIn: expiresInSeconds },
      );
    },
    list,
    async deletePrefix(prefix) {
      // A prefix that does not name a folder would take its neighbours too (`tenants/ab` and `tenants/abc/`).
      if (!prefix.endsWith('/'))
        throw new Error(`deletePrefix needs a folder prefix ending in "/": ${prefix}`);
      const keys = await list(prefix);
      for (let start = 0; start < keys.length; start += BATCH) {
        const result = await client.send(
          new sdk.DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(start, start + BATCH).map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0) {
          throw new Error(`Could not delete ${failed.length} objects under ${prefix}: ${failed[0]?.Code}`);
        }
      }
      return keys.length;
    },
  };
}

let store: ObjectStore | undefined;
let s3: S3Client | undefined;

/**
 * The files bucket (`FILES_BUCKET`), at `S3_ENDPOINT` when set: the local
 * stand-in, addressed path-style with its fixed credentials.
 */
export function getObjectStore(): ObjectStore {
  if (!store) {
    const config = requireKeys(getConfig(), ['FILES_BUCKET']);
    s3 = new (s3Sdk().S3Client)({
      region: config.AWS_REGION,
      ...(config.S3_ENDPOINT
        ? {
            endpoint: config.S3_ENDPOINT,
            forcePathStyle: true,
            credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          }
        : {}),
    });
    store = createS3ObjectStore(s3, config.FILES_BUCKET);
  }
  return store;
}

/** Forgets the client; the local runtime calls it when it stops or its endpoint changes. */
export function resetObjectStore(): void {
  s3?.destroy();
  s3 = undefined;
  store = undefined;
}

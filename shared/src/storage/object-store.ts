/**
 * Files of tenants (exports today; uploads later) in one S3 bucket, under
 * `tenants/<tenantId>/…` so that deleting a tenant is deleting one prefix.
 * Downloads are short-lived presigned links: the bytes never pass through a
 * Lambda response (6 MB limit) or API Gateway (10 MB).
 */
export interface ObjectStore {
  put(key: string, body: Uint8Array, options: PutOptions): Promise<void>;
  /** A presigned GET that expires after `expiresInSeconds` and saves as `fileName`. */
  downloadUrl(key: string, options: { expiresInSeconds: number; fileName: string }): Promise<string>;
  /** Every key under the prefix. */
  list(prefix: string): Promise<string[]>;
  /** Deletes every object under the prefix; answers how many. */
  deletePrefix(prefix: string): Promise<number>;
}

export interface PutOptions {
  contentType: string;
  contentEncoding?: string;
}

/** The prefix holding everything of one tenant. */
export function tenantPrefix(tenantId: string): string {
  return `tenants/${tenantId}/`;
}

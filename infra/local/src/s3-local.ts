import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** The files bucket's name locally; AWS names it per stage (infra/aws data stack). */
export const LOCAL_FILES_BUCKET = 'halooid-local-files';

/**
 * S3 for `npm run dev` and the tests: s3rver (pure JavaScript, the S3 REST
 * API on the file system) in this process, its objects under the data dir,
 * the files bucket made at start. It knows one access key (S3RVER) and
 * refuses presigned links past their expiry as S3 does, but does not check
 * SigV4 signatures themselves: locally a link's secrecy is its only guard.
 */
export async function startS3Local(options: { dataDir: string; port?: number }): Promise<LocalS3> {
  const directory = path.join(options.dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: [{ name: LOCAL_FILES_BUCKET }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: LOCAL_FILES_BUCKET,
    stop: () => server.close(),
  };
}

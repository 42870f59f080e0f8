import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (Postgres compiled to WASM) served over the Postgres wire protocol,
 * so the platform talks to it with `pg` exactly as it talks to Aurora.
 * PGlite is one backend: pglite-socket multiplexes connections and keeps a
 * transaction on the connection that opened it until it ends.
 *
 * `dataDir` undefined means in memory (tests); otherwise data survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  // pg_trgm: CustomerConnect's name and email search (Aurora and Postgres 15 ship it as well).
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm },
  });
  // Transactions take on a login with SET LOCAL SESSION AUTHORIZATION (shared/src/db/transaction.ts).
  // PGlite's single-user backend starts with no session authorization to go back to, so the end of
  // the transaction would leave the login in place for every connection; setting it once here
  // gives SET LOCAL the superuser to restore.
  await db.exec('set session authorization postgres');
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: 32,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').at(-1));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

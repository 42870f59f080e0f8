import { createGzip, gzipSync } from 'node:zlib';

/** What the first line of an archive says it is; a reader checks both before reading on. */
export const ARCHIVE_FORMAT = 'halooid.tenant-export';
export const ARCHIVE_VERSION = 1;

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportId: string;
  tenant: { id: string; slug: string | null; name: string | null };
  createdAt: string;
  /** Every table the export read, in the order its rows follow, with how many rows it has. */
  tables: { table: string; rows: number }[];
  rows: number;
}

/**
 * Writes a tenant archive: gzipped JSON lines, the first `{"manifest": …}`,
 * then one `{"table":"schema.name","row":{…}}` per row. Rows stream through
 * gzip as they are read (the job never holds them uncompressed); the manifest
 * with the counts is known only at the end, so it is its own gzip member put
 * in front: gzip readers (gunzip, zlib, browsers) read concatenated members
 * as one stream. A row arrives as the JSON text Postgres made (`to_jsonb`),
 * spliced in untouched, so numerics keep every digit.
 */
export class ArchiveWriter {
  private readonly gzip = createGzip();
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly counts = new Map<string, number>();

  constructor() {
    this.gzip.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.gzip.once('end', resolve);
      this.gzip.once('error', reject);
    });
  }

  /** Names a table before its rows, so a table without rows is still listed (with 0). */
  startTable(table: string): void {
    if (!this.counts.has(table)) this.counts.set(table, 0);
  }

  addRow(table: string, rowJson: string): void {
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    this.gzip.write(`{"table":${JSON.stringify(table)},"row":${rowJson}}\n`);
  }

  async finish(about: Omit<ArchiveManifest, 'format' | 'version' | 'tables' | 'rows'>): Promise<{
    bytes: Buffer;
    manifest: ArchiveManifest;
  }> {
    this.gzip.end();
    await this.done;
    const tables = [...this.counts].map(([table, rows]) => ({ table, rows }));
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      ...about,
      tables,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
    };
    const head = gzipSync(`${JSON.stringify({ manifest })}\n`);
    return { bytes: Buffer.concat([head, ...this.chunks]), manifest };
  }
}

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, ArchiveWriter } from './archive';

describe('a tenant archive', () => {
  it('is gzipped JSON lines: the manifest with counts first, then one line per row, numbers kept digit for digit', async () => {
    const writer = new ArchiveWriter();
    writer.startTable('taskodex.tasks');
    writer.addRow('taskodex.tasks', '{"id":"a","amount":12345678901234567890.10}');
    writer.addRow('taskodex.tasks', '{"id":"b"}');
    writer.startTable('platform.roles');

    const { bytes, manifest } = await writer.finish({
      exportId: 'e1',
      tenant: { id: 't1', slug: 'acme', name: 'Acme' },
      createdAt: '2026-12-06T00:00:00.000Z',
    });
    const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');

    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '').manifest).toMatchObject({
      format: ARCHIVE_FORMAT,
      version: 1,
      tenant: { id: 't1', slug: 'acme' },
      tables: [
        { table: 'taskodex.tasks', rows: 2 },
        { table: 'platform.roles', rows: 0 },
      ],
      rows: 2,
    });
    expect(lines[1]).toBe('{"table":"taskodex.tasks","row":{"id":"a","amount":12345678901234567890.10}}');
    expect(manifest.rows).toBe(2);
  });
});

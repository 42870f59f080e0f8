import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dnsTxtResolver } from '@halooid/functions/adminhub/domains/txt-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsRecords } from './dns-records';
import { buildAnswer, type LocalDns, parseQuestion, startLocalDns } from './dns-server';

let dataDir = '';
let dns: LocalDns;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-dns-'));
  dns = await startLocalDns(new DnsRecords(dataDir));
});

afterAll(async () => {
  await dns?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('local DNS stand-in', () => {
  it("answers node:dns's TXT queries from the records, long values as several strings", async () => {
    const long = `halooid-verification=${'x'.repeat(300)}`;
    await dns.records.setTxt('Acme.Example.', ['v=spf1 -all', long]);
    const resolver = dnsTxtResolver([dns.address]);

    const records = await resolver.resolveTxt('acme.example');

    expect(records.map((chunks) => chunks.join(''))).toEqual(['v=spf1 -all', long]);
    expect(records[1]?.[0]).toHaveLength(255);
  });

  it('answers no records for an unknown name or an emptied one, and reads edits to the file at once', async () => {
    const resolver = dnsTxtResolver([dns.address]);
    await dns.records.setTxt('gone.example', ['a']);
    await dns.records.setTxt('gone.example', []);

    expect(await resolver.resolveTxt('unknown.example')).toEqual([]);
    expect(await resolver.resolveTxt('gone.example')).toEqual([]);
    await writeFile(dns.records.file, JSON.stringify({ 'edited.example': ['by hand'] }));
    expect(await resolver.resolveTxt('edited.example')).toEqual([['by hand']]);
  });

  it('answers a malformed query with FORMERR and no question', () => {
    const query = Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0xff]);

    const answer = buildAnswer(query, parseQuestion(query), undefined);

    expect(answer.readUInt16BE(0)).toBe(0x1234);
    expect((answer[3] ?? 0) & 0x0f).toBe(1);
    expect(answer).toHaveLength(12);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local DNS stand-in's records: `<data dir>/dns-records.json`, a JSON
 * object from lower-case name to its TXT values, read on every query, so a
 * developer adds a record by editing the file while `npm run dev` runs:
 *
 *   { "acme.example": ["halooid-verification=…"] }
 *
 * Tests set records through `setTxt`. Local only: nothing in AWS reads it.
 */
export class DnsRecords {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'dns-records.json');
  }

  private async all(): Promise<Record<string, string[]>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, string[]>)
        : {};
    } catch {
      return {};
    }
  }

  /** The TXT values of `name`; undefined when the name has no records at all (NXDOMAIN). */
  async txt(name: string): Promise<string[] | undefined> {
    const values = (await this.all())[name.toLowerCase().replace(/\.$/, '')];
    return Array.isArray(values) ? values.filter((value) => typeof value === 'string') : undefined;
  }

  /** Replaces the TXT values of `name` (an empty list removes the name). */
  async setTxt(name: string, values: readonly string[]): Promise<void> {
    const records = await this.all();
    const key = name.toLowerCase().replace(/\.$/, '');
    if (values.length === 0) delete records[key];
    else records[key] = [...values];
    await writeFile(this.file, `${JSON.stringify(records, null, 2)}\n`);
  }
}

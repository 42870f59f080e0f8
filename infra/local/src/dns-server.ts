import { createSocket, type RemoteInfo } from 'node:dgram';
import type { DnsRecords } from './dns-records';

/**
 * The local stand-in for public DNS, for what the platform asks of it: TXT
 * records (domain verification). A UDP server on 127.0.0.1 speaking just
 * enough of RFC 1035: one question per query; TXT answers from the records
 * store; no data (NOERROR, no answer) for other types of a known name;
 * NXDOMAIN for an unknown name. The functions reach it through the same
 * node:dns Resolver they use in AWS, pointed here by DNS_SERVERS: only the
 * endpoint differs.
 */
export interface LocalDns {
  /** `127.0.0.1:<port>`, for DNS_SERVERS. */
  address: string;
  records: DnsRecords;
  stop(): Promise<void>;
}

const TYPE_TXT = 16;
const CLASS_IN = 1;
const RCODE_FORMERR = 1;
const RCODE_NXDOMAIN = 3;

interface Question {
  name: string;
  type: number;
  /** Where the question section ends (the answer copies it). */
  end: number;
}

/** The first question of a query, or undefined when the packet is malformed or uses compression there. */
export function parseQuestion(packet: Buffer): Question | undefined {
  if (packet.length < 12 || packet.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = packet[offset];
    if (length === undefined || length > 63) return undefined;
    offset += 1;
    if (length === 0) break;
    if (offset + length > packet.length) return undefined;
    labels.push(packet.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > packet.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: packet.readUInt16BE(offset), end: offset + 4 };
}

/** TXT RDATA: each value as character strings of at most 255 bytes. */
function txtData(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length || start === 0; start += 255) {
    const chunk = bytes.subarray(start, start + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
    if (bytes.length === 0) break;
  }
  return Buffer.concat(parts);
}

/** The answer to `query`: its id, question and flags echoed, with `values` as TXT records. */
export function buildAnswer(
  query: Buffer,
  question: Question | undefined,
  values: readonly string[] | undefined,
) {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  const recursionDesired = (query[2] ?? 0) & 0x01;
  const rcode = !question ? RCODE_FORMERR : values === undefined ? RCODE_NXDOMAIN : 0;
  const answers = question?.type === TYPE_TXT ? (values ?? []) : [];
  header[2] = 0x84 | recursionDesired; // QR, authoritative answer
  header[3] = 0x80 | rcode; // recursion available
  header.writeUInt16BE(question ? 1 : 0, 4);
  header.writeUInt16BE(answers.length, 6);
  const records = answers.map((value) => {
    const data = txtData(value);
    const record = Buffer.alloc(12);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(TYPE_TXT, 2);
    record.writeUInt16BE(CLASS_IN, 4);
    record.writeUInt32BE(0, 6); // TTL 0: a changed record is seen at once
    record.writeUInt16BE(data.length, 10);
    return Buffer.concat([record, data]);
  });
  return Buffer.concat([header, question ? query.subarray(12, question.end) : Buffer.alloc(0), ...records]);
}

export async function startLocalDns(records: DnsRecords): Promise<LocalDns> {
  const socket = createSocket('udp4');
  socket.on('message', (query: Buffer, remote: RemoteInfo) => {
    const question = parseQuestion(query);
    void (question ? records.txt(question.name) : Promise.resolve(undefined))
      .catch(() => undefined)
      .then((values) => socket.send(buildAnswer(query, question, values), remote.port, remote.address));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    address: `127.0.0.1:${socket.address().port}`,
    records,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

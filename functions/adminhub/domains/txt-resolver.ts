import { Resolver } from 'node:dns/promises';

/**
 * What domain verification needs from DNS: the TXT records of a name, each
 * as its character strings. In AWS the VPC's resolver (no servers set);
 * locally the in-process stand-in (infra/local/src/dns-server.ts), named by
 * DNS_SERVERS, whose records the developer sets.
 */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}

/** No record (or no such name) is an answer, not a failure. */
const NO_RECORDS = new Set(['ENOTFOUND', 'ENODATA']);

export function dnsTxtResolver(servers: readonly string[] = []): TxtResolver {
  // Short: a verification is someone waiting on a button.
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  return {
    async resolveTxt(name) {
      try {
        return await resolver.resolveTxt(name);
      } catch (error) {
        if (NO_RECORDS.has((error as { code?: string }).code ?? '')) return [];
        throw error;
      }
    },
  };
}

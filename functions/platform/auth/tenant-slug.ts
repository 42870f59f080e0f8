import { randomBytes } from 'node:crypto';

const MAX_BASE = 40;

/**
 * A URL-safe slug from a tenant name: `Ådа & Co. GmbH` → `ada-co-gmbh`. It
 * matches platform.tenants' check (`[a-z0-9]` at both ends, dashes inside,
 * at most 63 characters); a name with nothing usable becomes `tenant`.
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/g, '');
  return slug || 'tenant';
}

/** `acme` → `acme-k3x9f2`: for when the plain slug is taken. */
export function withRandomSuffix(slug: string, random: () => string = randomSuffix): string {
  return `${slug}-${random()}`;
}

function randomSuffix(): string {
  return randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6);
}

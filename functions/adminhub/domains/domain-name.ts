import { domainToASCII } from 'node:url';
import * as z from 'zod';

/**
 * A DNS name a tenant may claim: lower case, no trailing dot, international
 * names as their ASCII (punycode) form, at least two labels, each 1–63
 * letters, digits or inner hyphens, a top-level label that is not all
 * digits (so no IP address), 253 characters at most.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function normalizeDomain(input: string): string | undefined {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '');
  // Letters, digits, dots and hyphens only: domainToASCII would quietly drop a path or a port.
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (/^\d+$/.test(labels.at(-1) ?? '')) return undefined;
  return ascii;
}

export const DomainName = z
  .string()
  .max(253)
  .meta({
    description: 'A domain name (`acme.example`); stored lower case, international names as punycode.',
    examples: ['acme.example'],
  })
  .transform((value, context) => {
    const domain = normalizeDomain(value);
    if (domain) return domain;
    context.addIssue({ code: 'custom', message: 'A domain name such as acme.example.' });
    return z.NEVER;
  });

import * as z from 'zod';

/**
 * The organization profile's fields as the kernel's Intl data knows them, so
 * a stored value is one every product's formatting (dates, money) accepts.
 * Each is canonicalized: `en-us` is stored as `en-US`, `europe/paris` as
 * `Europe/Paris`, `eur` as `EUR`.
 */

/** A BCP 47 language tag, structurally valid (Intl.getCanonicalLocales). */
export const Locale = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((value, context) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // RangeError: not a well-formed tag.
    }
    context.addIssue({ code: 'custom', message: 'A BCP 47 language tag, such as en-GB or fr-CA.' });
    return z.NEVER;
  })
  .meta({ description: 'BCP 47 language tag (`en-GB`).' });

/** An IANA time zone name this runtime knows. */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((value, context) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      context.addIssue({ code: 'custom', message: 'An IANA time zone, such as Europe/Paris.' });
      return z.NEVER;
    }
  })
  .meta({ description: 'IANA time zone (`Europe/Paris`).' });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code. */
export const Currency = z
  .string()
  .trim()
  .length(3)
  .transform((value) => value.toUpperCase())
  .refine((value) => CURRENCIES.has(value), 'An ISO 4217 currency code, such as EUR.')
  .meta({ description: 'ISO 4217 currency code (`EUR`).' });

/** An https URL without credentials: shown in every member's browser, so never http, data: or javascript:. */
export const LogoUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'An https:// URL without user name or password.')
  .meta({ description: 'An https URL of the logo.' });

export const FiscalYearStartMonth = z
  .number()
  .int()
  .min(1)
  .max(12)
  .meta({ description: 'The month the fiscal year starts (1 = January).' });

import { type Config, requireKeys } from '@halooid/shared/config';
import * as z from 'zod';

/** What the migrator reads of the config (shared/src/config.ts validates every variable). */
export interface MigratorEnv {
  AWS_REGION: string;
  DB_SECRET_ARN: string;
  /** The writer endpoint; the secret's host is the fallback. */
  DB_HOST?: string;
  /** CDK sets it; the secret's port is the fallback for a caller that has none. */
  DB_PORT?: number;
  DB_NAME: string;
  /** TLS with certificate verification; only a local test turns it off. */
  DB_SSL: boolean;
}

/** The migrator's settings from the config: fails naming DB_SECRET_ARN when it is not set. */
export function migratorEnv(config: Config): MigratorEnv {
  return requireKeys(config, ['DB_SECRET_ARN']);
}

const secretSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  host: z.string().min(1).optional(),
  port: z.coerce.number().int().optional(),
});

/** The RDS-generated secret JSON; the message never includes the secret itself. */
export function parseMasterSecret(secretString: string | undefined): z.infer<typeof secretSchema> {
  if (!secretString) throw new Error('The database secret has no SecretString');
  let json: unknown;
  try {
    json = JSON.parse(secretString);
  } catch {
    throw new Error('The database secret is not JSON');
  }
  const parsed = secretSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `The database secret lacks ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}

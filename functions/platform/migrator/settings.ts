import * as z from 'zod';

const envSchema = z.object({
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DB_SECRET_ARN: z.string().min(1),
  /** The writer endpoint; the secret's host is the fallback. */
  DB_HOST: z.string().min(1).optional(),
  DB_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  DB_NAME: z.string().min(1).default('halooid'),
  /** TLS with certificate verification; only a local test turns it off. */
  DB_SSL: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export type MigratorEnv = z.infer<typeof envSchema>;

export function migratorEnv(env: Record<string, string | undefined>): MigratorEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  return envSchema.parse(present);
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

import { type Config, ConfigError, getConfig } from '@halooid/shared/config';
import { type Keyring, KeyringError, parseKeyring, parseKeyringSecret } from '@halooid/shared/crypto/keyring';

/** Loaded on first use only: most functions never open a secret (docs/decisions.md, AWS SDK clients). */
const secretsManagerSdk = () => import('@aws-sdk/client-secrets-manager');

let cached: { config: Config; keyring: Promise<Keyring> } | undefined;

/**
 * The data keys of this process, loaded once: from `DATA_ENCRYPTION_KEYS`
 * (local runtime, tests), else from the Secrets Manager secret named by
 * `DATA_ENCRYPTION_KEYS_SECRET_ARN` (AWS, so the key never sits in the
 * function's environment). Cached per parsed config, so the local runtime's
 * `resetConfig()` after a restart picks up its data dir's key; a failed load
 * is retried by the next call.
 */
export function dataKeyring(): Promise<Keyring> {
  const config = getConfig();
  if (cached?.config !== config) {
    const entry = { config, keyring: load(config) };
    entry.keyring.catch(() => {
      if (cached === entry) cached = undefined;
    });
    cached = entry;
  }
  return cached.keyring;
}

async function load(config: Config): Promise<Keyring> {
  if (config.DATA_ENCRYPTION_KEYS) return parseKeyring(config.DATA_ENCRYPTION_KEYS);
  const secretId = config.DATA_ENCRYPTION_KEYS_SECRET_ARN;
  if (!secretId)
    throw new ConfigError([
      'DATA_ENCRYPTION_KEYS: is required but not set (or DATA_ENCRYPTION_KEYS_SECRET_ARN in AWS)',
    ]);
  const { SecretsManagerClient, GetSecretValueCommand } = await secretsManagerSdk();
  const client = new SecretsManagerClient({ region: config.AWS_REGION });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString)
    throw new ConfigError(['DATA_ENCRYPTION_KEYS_SECRET_ARN: the secret has no string value']);
  try {
    return parseKeyringSecret(SecretString);
  } catch (error) {
    if (error instanceof KeyringError)
      throw new ConfigError([`DATA_ENCRYPTION_KEYS_SECRET_ARN: ${error.message}`]);
    throw error;
  }
}

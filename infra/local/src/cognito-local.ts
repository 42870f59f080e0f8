import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DefaultConfig } from 'cognito-local/lib/server/config.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { type CognitoService, CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { CryptoService } from 'cognito-local/lib/services/crypto.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import {
  DateClock,
  LambdaService,
  MessagesService,
  TriggersService,
} from 'cognito-local/lib/services/index.js';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator, type TokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import pino from 'pino';
import type { Mailbox } from './mailbox';

export interface CognitoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * cognito-local (a real implementation of the Cognito user pool API) started
 * in-process. Its own entry point keeps data in `./.cognito` of whatever
 * directory it runs from and prints emails to the console; this wiring keeps
 * data under the runtime's data directory and delivers emails to the mailbox.
 */
export async function startCognitoLocal(options: { dataDir: string; mailbox: Mailbox; port?: number }) {
  const dataDir = path.join(options.dataDir, 'cognito');
  await mkdir(path.join(dataDir, 'db'), { recursive: true });
  const logger = pino({ level: 'silent' });
  const ctx = { logger };
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(path.join(dataDir, 'db'));
  const cognito = await new CognitoServiceFactoryImpl(
    path.join(dataDir, 'db'),
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, { UsernameAttributes: ['email'] });
  const config = structuredClone(DefaultConfig);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService({}, undefined as never),
    new CryptoService(config.KMSConfig),
  );
  const sender: MessageSender = {
    async sendEmail(_ctx, _user, destination, message) {
      options.mailbox.deliver({
        to: destination,
        subject: message.emailSubject ?? 'Your verification code',
        body: message.emailMessage ?? `Your code is ${message.__code ?? ''}`,
        code: message.__code,
      });
    },
    async sendSms() {},
  };
  // The token generator reads the issuer from this object when it signs, so
  // it can be set once the server knows its port.
  const tokenConfig = { IssuerDomain: 'http://127.0.0.1' };
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(sender)),
    otp,
    tokenGenerator: rememberingRefreshTokens(new JwtTokenGenerator(clock, triggers, tokenConfig), cognito),
    triggers,
  };
  const server = await createServer(
    Router(services),
    logger,
    { port: options.port ?? 0, hostname: '127.0.0.1' },
    services,
  ).start();
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  tokenConfig.IssuerDomain = endpoint;
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  } satisfies CognitoLocal;
}

/**
 * cognito-local stores the refresh token it issues on InitiateAuth only, not on
 * RespondToAuthChallenge: every sign-in through a challenge (TOTP above all, so
 * every operator) got a refresh token Cognito then refused, and the session
 * ended at the first refresh. Every token issued at authentication is stored
 * here on the user as it is now (storing one twice is harmless), as Cognito does.
 */
function rememberingRefreshTokens(generator: TokenGenerator, cognito: CognitoService): TokenGenerator {
  return {
    async generate(ctx, user, userGroups, userPoolClient, clientMetadata, source) {
      const tokens = await generator.generate(ctx, user, userGroups, userPoolClient, clientMetadata, source);
      if (source === 'Authentication' || source === 'NewPasswordChallenge') {
        const userPool = await cognito.getUserPoolForClientId(ctx, userPoolClient.ClientId);
        const current = await userPool.getUserByUsername(ctx, user.Username);
        if (current) await userPool.storeRefreshToken(ctx, tokens.RefreshToken, current);
      }
      return tokens;
    },
  };
}

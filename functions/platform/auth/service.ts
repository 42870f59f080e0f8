import { defineRoute, defineService, PUBLIC } from '@halooid/shared/manifest';
import { LoginBody, LoginResponse } from './schemas';

export const authService = defineService({
  product: 'platform',
  capability: 'auth',
  description: 'Sign-in against the Cognito user pool.',
  resources: { database: true, cognito: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'login',
      method: 'POST',
      path: '/v1/auth/login',
      permission: PUBLIC,
      summary: 'Sign in with email and password',
      description: 'Returns Cognito tokens and the tenants the user belongs to.',
      body: LoginBody,
      response: LoginResponse,
    }),
  ],
});

import { z } from 'zod';

export const LoginBody = z.strictObject({
  email: z.email().max(254).meta({ example: 'member@acme.example' }),
  password: z.string().min(1).max(256),
});

export const TenantSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
});

export const LoginResponse = z.object({
  accessToken: z
    .string()
    .meta({ description: 'Cognito access token: send as `Authorization: Bearer <token>`.' }),
  refreshToken: z.string(),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.' }),
  tenants: z
    .array(TenantSummary)
    .meta({ description: 'Tenants the user belongs to; send one id as `X-Tenant-Id`.' }),
});

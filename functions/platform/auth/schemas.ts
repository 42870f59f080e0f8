import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * The user pool's password policy (infra/aws identity-stack.ts and
 * infra/local cognito-pool.ts: 12+ characters with lower, upper, digit and
 * symbol). Checked here too because cognito-local does not enforce it; the
 * messages are Cognito's own, so a client sees the same reason either way.
 */
export const PASSWORD_RULES: readonly { test: (password: string) => boolean; message: string }[] = [
  { test: (p) => p.length >= 12, message: 'Password not long enough' },
  { test: (p) => /[a-z]/.test(p), message: 'Password must have lowercase characters' },
  { test: (p) => /[A-Z]/.test(p), message: 'Password must have uppercase characters' },
  { test: (p) => /[0-9]/.test(p), message: 'Password must have numeric characters' },
  { test: (p) => /[^A-Za-z0-9\s]/.test(p), message: 'Password must have symbol characters' },
];

const Email = z.email().max(254).meta({ example: 'someone@acme.example' });

/** A password being chosen: checked against the pool policy. */
const NewPassword = z
  .string()
  .max(256)
  .superRefine((password, ctx) => {
    for (const rule of PASSWORD_RULES) {
      if (!rule.test(password)) {
        ctx.addIssue({ code: 'custom', message: `Password does not conform to policy: ${rule.message}` });
        return;
      }
    }
  })
  .meta({
    description: 'At least 12 characters with a lowercase and an uppercase letter, a digit and a symbol.',
  });

/** A password being presented: anything non-empty; Cognito decides. */
const Password = z.string().min(1).max(256);

const Code = z
  .string()
  .max(6, 'Enter the 6-digit code.')
  .regex(/^[0-9]{6}$/, 'Enter the 6-digit code.')
  .meta({ example: '123456' });

const Session = z
  .string()
  .min(1)
  .max(4096)
  .meta({ description: 'The `session` returned with the challenge.' });

/** The MFA_SETUP session carries the sealed tokens of the held sign-in (mfa-enrolment-ticket.ts). */
const EnrolmentSession = z
  .string()
  .min(1)
  .max(16384)
  .meta({ description: 'The `session` returned with the `MFA_SETUP` challenge.' });

const RefreshToken = z.string().min(1).max(8192);

export const SignUpBody = z.strictObject({
  email: Email,
  password: NewPassword,
  name: displayText().min(1).max(200).meta({ example: 'Ada Lovelace' }),
  tenantName: displayText().min(1).max(200).meta({ example: 'Acme' }),
});

export const PendingResponse = z.object({
  status: z.literal('pending'),
  message: z.string(),
});

export const ConfirmBody = z.strictObject({ email: Email, code: Code });

export const ConfirmResponse = z.object({ status: z.literal('confirmed') });

export const LoginBody = z.strictObject({
  email: Email,
  password: Password,
});

export const TenantSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
});

export const SessionTokens = z.object({
  accessToken: z
    .string()
    .meta({ description: 'Cognito access token: send as `Authorization: Bearer <token>`.' }),
  refreshToken: z.string().optional().meta({
    description:
      'Absent for the web app (`X-Halooid-Client: web`), which receives it only as the httpOnly `halooid_refresh` cookie.',
  }),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.' }),
  tenants: z
    .array(TenantSummary)
    .meta({ description: 'Tenants the user belongs to; send one id as `X-Tenant-Id`.' }),
});

/** Cognito's challenges this API passes on as they are. */
export const COGNITO_CHALLENGES = ['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA'] as const;
/**
 * Plus ours: `MFA_SETUP` when a workspace requires MFA the user has not set
 * up; get the secret at /v1/auth/challenge/totp-setup, then answer with a code.
 */
export const CHALLENGES = [...COGNITO_CHALLENGES, 'MFA_SETUP'] as const;
export type ChallengeName = (typeof CHALLENGES)[number];

export const ChallengeResponse = z.object({
  challenge: z.enum(CHALLENGES),
  session: z.string(),
});

export const LoginResponse = z.union([SessionTokens, ChallengeResponse]);

export const ChallengeBody = z.discriminatedUnion('challenge', [
  z.strictObject({
    challenge: z.literal('NEW_PASSWORD_REQUIRED'),
    email: Email,
    session: Session,
    newPassword: NewPassword,
  }),
  z.strictObject({
    challenge: z.literal('SOFTWARE_TOKEN_MFA'),
    email: Email,
    session: Session,
    code: Code,
  }),
  z.strictObject({
    challenge: z.literal('MFA_SETUP'),
    email: Email,
    session: EnrolmentSession,
    code: Code,
  }),
]);

export const EnrolmentBody = z.strictObject({ email: Email, session: EnrolmentSession });

/** Optional: the web app sends nothing and the cookie carries the token. */
export const RefreshBody = z.strictObject({ refreshToken: RefreshToken.optional() }).optional();

export const RefreshResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional().meta({ description: 'Present only when Cognito rotated it.' }),
  expiresIn: z.number().int(),
});

export const LogoutBody = z
  .strictObject({
    refreshToken: RefreshToken.optional(),
    everywhere: z.boolean().optional().meta({
      description:
        'End every session of the user, not just this one: every access token issued so far is refused. Needs `Authorization: Bearer <access token>`.',
    }),
  })
  .optional();

export const ForgotPasswordBody = z.strictObject({ email: Email });

export const ResetPasswordBody = z.strictObject({ email: Email, code: Code, password: NewPassword });

export const ChangePasswordBody = z.strictObject({ currentPassword: Password, newPassword: NewPassword });

export const TotpSetupResponse = z.object({
  secretCode: z.string().meta({ description: 'Base32 secret for an authenticator app.' }),
  otpauthUri: z.string().meta({ description: '`otpauth://totp/...` URI to show as a QR code.' }),
});

export const TotpVerifyBody = z.strictObject({
  code: Code,
  deviceName: displayText().min(1).max(64).optional(),
});

export const TotpVerifyResponse = z.object({ mfaEnabled: z.literal(true) });

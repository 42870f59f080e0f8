import { ACCESS_TOKEN_LIFETIME_SECONDS } from '@halooid/shared/auth/token-lifetime';
import { OPERATOR_GROUP } from '@halooid/shared/operator';
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { UserPoolBinding } from '../constructs/house-function';
import { suppress } from '../constructs/nag';
import type { StageConfig } from '../stage';

export interface IdentityStackProps extends StackProps {
  stage: StageConfig;
  /** Hosted domain prefix; must be unique in the region. Default `halooid-<stage>-<account id>`. */
  domainPrefix?: string;
}

/**
 * The Cognito user pool: email sign-in, a strong password policy, optional
 * TOTP MFA, threat protection in prod, and app clients for web and mobile
 * that may write only standard profile attributes. Tenant, role and tier
 * are never Cognito attributes: they live server-side in Postgres.
 */
export class IdentityStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  readonly mobileClient: cognito.UserPoolClient;
  /** What the functions receive: the pool and the client whose tokens the API accepts. */
  readonly binding: UserPoolBinding;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `halooid-${stage.name}`,
      // /v1/auth/signup creates an account and its tenant; membership stays server-side.
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: stage.cognitoThreatProtection ? 5 : undefined,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: stage.cognitoThreatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: stage.cognitoThreatProtection
        ? cognito.StandardThreatProtectionMode.FULL_FUNCTION
        : undefined,
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.dataRemovalPolicy,
    });
    // Platform operators (shared/src/operator.ts): `cognito:groups` in their access tokens opens
    // /v1/operator/*, with MFA enrolled; membership is granted by hand (AdminAddUserToGroup), never by the API.
    new cognito.CfnUserPoolGroup(this, 'OperatorsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: OPERATOR_GROUP,
      description: 'Platform operators: the /v1/operator console (MFA required)',
    });

    const writable = new cognito.ClientAttributes().withStandardAttributes({
      fullname: true,
      givenName: true,
      familyName: true,
      locale: true,
      timezone: true,
    });
    const readable = writable.withStandardAttributes({ email: true, emailVerified: true });
    const client = (name: string) =>
      this.userPool.addClient(name, {
        userPoolClientName: `halooid-${stage.name}-${name.toLowerCase()}`,
        generateSecret: false,
        // USER_PASSWORD_AUTH is what /v1/auth/login calls (server side, over TLS); SRP for direct clients.
        authFlows: { userPassword: true, userSrp: true },
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        // The one lifetime the revocation records are kept for (shared/src/auth/revocations.ts).
        accessTokenValidity: Duration.seconds(ACCESS_TOKEN_LIFETIME_SECONDS),
        idTokenValidity: Duration.seconds(ACCESS_TOKEN_LIFETIME_SECONDS),
        refreshTokenValidity: Duration.days(30),
        readAttributes: readable,
        writeAttributes: writable,
      });
    this.webClient = client('Web');
    this.mobileClient = client('Mobile');

    this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `halooid-${stage.name}-${Aws.ACCOUNT_ID}` },
    });
    this.binding = { userPool: this.userPool, clientId: this.webClient.userPoolClientId };

    suppress(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional TOTP by product decision (issue 4: "optional TOTP MFA"); tenant owners can be required to enrol by policy in the auth API rather than for every user of every tenant.',
      },
      ...(stage.cognitoThreatProtection
        ? []
        : [
            {
              id: 'AwsSolutions-COG3',
              reason:
                'dev runs the Essentials plan to stay cheap; prod runs the Plus plan with threat protection in full-function (enforced) mode.',
            },
            {
              id: 'AwsSolutions-COG8',
              reason:
                'dev runs the Essentials feature plan (no per-MAU Plus charge for test users); prod runs Plus.',
            },
          ]),
    ]);

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'MobileClientId', { value: this.mobileClient.userPoolClientId });
  }
}

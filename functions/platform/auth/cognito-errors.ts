import { AppError, TooManyRequestsError, UnauthorizedError, ValidationError } from '@halooid/shared/errors';

/** The Cognito exception name (`NotAuthorizedException`, ...) of an SDK error, if it is one. */
export function cognitoErrorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

export function cognitoErrorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

export const INCORRECT_CREDENTIALS = 'Incorrect email or password.';

/** Wrong password, unknown user, and cognito-local's wording of a wrong password. */
export function isBadCredentials(error: unknown): boolean {
  const name = cognitoErrorName(error);
  return (
    name === 'NotAuthorizedException' ||
    name === 'UserNotFoundException' ||
    name === 'InvalidPasswordException'
  );
}

/** A code that does not match, has expired, or belongs to nobody: one answer for all, naming `body.code`. */
export function invalidCode(): ValidationError {
  return new ValidationError('The code is invalid or has expired.', [
    { field: 'body.code', message: 'The code is invalid or has expired.', code: 'invalid_code' },
  ]);
}

export function isCodeRejection(error: unknown): boolean {
  const name = cognitoErrorName(error);
  return (
    name === 'CodeMismatchException' ||
    name === 'ExpiredCodeException' ||
    name === 'EnableSoftwareTokenMFAException' ||
    // Unknown users (and, for ConfirmSignUp, already confirmed ones) must look like a wrong code.
    name === 'UserNotFoundException' ||
    name === 'NotAuthorizedException'
  );
}

/** Cognito refusing a new password (policy, history) → 400 on that field with Cognito's reason. */
export function weakPassword(field: string, error: unknown): ValidationError {
  const reason = cognitoErrorMessage(error) || 'The password does not meet the password policy.';
  return new ValidationError(reason, [{ field, message: reason, code: 'weak_password' }]);
}

/** What every auth use case does with the errors they share; anything else is unexpected (5xx, logged). */
export function mapCommonCognitoError(error: unknown): Error {
  switch (cognitoErrorName(error)) {
    case 'UserNotConfirmedException':
      return new AppError(403, 'user_not_confirmed', 'Confirm your email address before signing in.');
    case 'PasswordResetRequiredException':
      return new AppError(403, 'password_reset_required', 'Reset your password before signing in.');
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return new TooManyRequestsError(30);
    case 'NotAuthorizedException':
      return new UnauthorizedError('Sign in again.');
    case 'InvalidParameterException':
      return new ValidationError(
        cognitoErrorMessage(error) || 'The request was refused by the identity service.',
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

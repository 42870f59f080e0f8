/**
 * Errors carry a stable machine code and an HTTP status. They are thrown
 * anywhere inside a capability and mapped to problem+json exactly once, at
 * the edge (see http/problem.ts). Nothing else decides a status code.
 */
export interface FieldError {
  /** Dotted path of the offending field, prefixed by where it came from: `body.title`, `query.limit`. */
  field: string;
  message: string;
  code: string;
}

/**
 * RFC 9457 extension members added to a problem body, such as the
 * `existingId` of a duplicate (a 409 naming what it collides with). Never
 * for internals: they are shown to the caller as they are.
 */
export type ProblemExtensions = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;
  readonly extensions: ProblemExtensions;

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      cause?: unknown;
      extensions?: ProblemExtensions;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(message: string, errors: FieldError[] = []) {
    super(400, 'validation_failed', message, { errors });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication is required.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string) {
    super(404, 'not_found', `${resource} was not found.`);
  }
}

export class NotAcceptableError extends AppError {
  constructor(message: string) {
    super(406, 'not_acceptable', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', extensions: ProblemExtensions = {}) {
    super(409, code, message, { extensions });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The request body is larger than ${limitBytes} bytes.`);
  }
}

export class BusinessRuleError extends AppError {
  constructor(code: string, message: string, errors: FieldError[] = []) {
    super(422, code, message, { errors });
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'too_many_requests', 'Too many requests; slow down.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

/** A dependency (database, Cognito, cache) is unreachable: 503, retryable. */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(503, 'service_unavailable', message, { cause });
  }
}

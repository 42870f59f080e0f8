import { sqlState } from '../db/errors';
import { AppError, type FieldError } from '../errors';

/** RFC 9457 problem details, the only error body the API ever returns. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId: string;
  errors?: FieldError[];
  /** Extension members of a 4xx (AppError.extensions), such as a duplicate's `existingId`. */
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** 22P02 invalid text representation, 22007/22008 bad or overflowing date-time, 22003 number out of range, 22021 NUL in text. */
const INPUT_DATA_EXCEPTIONS = new Set(['22P02', '22007', '22008', '22003', '22021']);

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://docs.halooid.dev/problems/';

export interface MappedProblem {
  problem: Problem;
  headers: Record<string, string>;
  /** True when the error was not an AppError: it must be logged with its stack, never shown. */
  unexpected: boolean;
}

/**
 * Maps any thrown value to a problem. AppErrors keep their message; anything
 * else becomes a masked 500 whose body carries only the correlation id, so no
 * stack trace, SQL or hostname ever reaches a client.
 */
export function toProblem(error: unknown, correlationId: string): MappedProblem {
  if (error instanceof AppError) {
    const masked = error.status >= 500;
    const problem: Problem = {
      // Extensions first: the standard members below always win a name clash; a 5xx shows none.
      ...(masked ? {} : error.extensions),
      type: `${TYPE_BASE}${error.code}`,
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: masked && error.status !== 503 ? 'An unexpected error occurred.' : error.message,
      code: error.code,
      correlationId,
    };
    if (error.errors.length > 0) problem.errors = error.errors;
    return { problem, headers: error.headers, unexpected: masked };
  }
  // The data exceptions a value from the request causes when the database
  // casts or stores it (a date in year 0, an integer past int4, a malformed
  // cursor value, a NUL in text). The caller sent it, so it is their 400, not
  // our 500; it is still logged as unexpected, because a schema should have
  // caught it first. Other class-22 errors (division by zero, our own bad
  // JSON) stay 500s: those are our bugs.
  const state = sqlState(error);
  if (state && INPUT_DATA_EXCEPTIONS.has(state)) {
    return {
      problem: {
        type: `${TYPE_BASE}invalid_value`,
        title: TITLES[400] ?? 'Bad Request',
        status: 400,
        detail: 'A value in the request is out of range or not valid for its type.',
        code: 'invalid_value',
        correlationId,
      },
      headers: {},
      unexpected: true,
    };
  }
  return {
    problem: {
      type: `${TYPE_BASE}internal_error`,
      title: TITLES[500] ?? 'Internal Server Error',
      status: 500,
      detail: `An unexpected error occurred. Quote correlation id ${correlationId} when reporting it.`,
      code: 'internal_error',
      correlationId,
    },
    headers: {},
    unexpected: true,
  };
}

export function problemResponse(status: number, code: string, detail: string, correlationId: string) {
  return toProblem(new AppError(status, code, detail), correlationId);
}

import { describe, expect, it } from 'vitest';
import {
  AppError,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../errors';
import { problemResponse, toProblem } from './problem';

const CORRELATION_ID = 'corr-1234-abcd';

describe('toProblem', () => {
  it.each([
    [new ValidationError('Bad input.'), 400, 'validation_failed', 'Bad Request', 'Bad input.'],
    [new UnauthorizedError(), 401, 'unauthorized', 'Unauthorized', 'Authentication is required.'],
    [new ForbiddenError('No.'), 403, 'forbidden', 'Forbidden', 'No.'],
    [new NotFoundError('Task'), 404, 'not_found', 'Not Found', 'Task was not found.'],
    [new ConflictError('Taken.', 'slug_taken'), 409, 'slug_taken', 'Conflict', 'Taken.'],
    [
      new PayloadTooLargeError(1024),
      413,
      'payload_too_large',
      'Content Too Large',
      'The request body is larger than 1024 bytes.',
    ],
    [new BusinessRuleError('rule_broken', 'Nope.'), 422, 'rule_broken', 'Unprocessable Content', 'Nope.'],
  ])('maps %o to status %i and code %s', (error, status, code, title, detail) => {
    const { problem, unexpected } = toProblem(error, CORRELATION_ID);

    expect(problem).toEqual({
      type: `https://docs.halooid.dev/problems/${code}`,
      title,
      status,
      detail,
      code,
      correlationId: CORRELATION_ID,
    });
    expect(unexpected).toBe(false);
  });

  it('keeps field errors of a validation error', () => {
    const errors = [{ field: 'body.title', message: 'Required', code: 'invalid_type' }];

    const { problem } = toProblem(new ValidationError('Bad.', errors), CORRELATION_ID);

    expect(problem.errors).toEqual(errors);
  });

  it('omits the errors array when there are no field errors', () => {
    const { problem } = toProblem(new ForbiddenError(), CORRELATION_ID);

    expect(problem).not.toHaveProperty('errors');
  });

  it('carries the Retry-After header of a 429', () => {
    const { problem, headers } = toProblem(new TooManyRequestsError(30), CORRELATION_ID);

    expect(problem.status).toBe(429);
    expect(problem.title).toBe('Too Many Requests');
    expect(headers).toEqual({ 'Retry-After': '30' });
  });

  it('masks a non-AppError as a 500 naming only the correlation id', () => {
    const error = new Error('connect ECONNREFUSED db.internal:5432 select * from secrets');

    const { problem, headers, unexpected } = toProblem(error, CORRELATION_ID);

    expect(problem.status).toBe(500);
    expect(problem.code).toBe('internal_error');
    expect(problem.title).toBe('Internal Server Error');
    expect(problem.correlationId).toBe(CORRELATION_ID);
    expect(problem.detail).toContain(CORRELATION_ID);
    expect(JSON.stringify(problem)).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(problem)).not.toContain('db.internal');
    expect(headers).toEqual({});
    expect(unexpected).toBe(true);
  });

  it.each([['a string'], [undefined], [null], [{ message: 'object' }]])(
    'masks thrown %o as a 500',
    (thrown) => {
      const { problem, unexpected } = toProblem(thrown, CORRELATION_ID);

      expect(problem.status).toBe(500);
      expect(unexpected).toBe(true);
    },
  );

  it('answers a data exception the request caused (a bad cast) with a 400, and keeps our own bugs 500s', () => {
    const dbError = (code: string) =>
      Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code });

    const cast = toProblem(dbError('22008'), 'corr-1');
    expect(cast.problem).toMatchObject({ status: 400, code: 'invalid_value' });
    expect(cast.problem.detail).not.toContain('0000');
    expect(cast.unexpected).toBe(true);
    expect(toProblem(dbError('22012'), 'corr-2').problem.status).toBe(500); // division by zero
  });

  it('masks the detail of a 5xx AppError other than 503', () => {
    const { problem, unexpected } = toProblem(
      new AppError(502, 'upstream_failed', 'upstream at 10.0.0.7 said no'),
      CORRELATION_ID,
    );

    expect(problem.status).toBe(502);
    expect(problem.code).toBe('upstream_failed');
    expect(problem.title).toBe('Error');
    expect(problem.detail).toBe('An unexpected error occurred.');
    expect(unexpected).toBe(true);
  });

  it('keeps the detail of a 503 but still flags it for logging', () => {
    const { problem, unexpected } = toProblem(
      new ServiceUnavailableError('The database is unreachable; retry shortly.'),
      CORRELATION_ID,
    );

    expect(problem.status).toBe(503);
    expect(problem.title).toBe('Service Unavailable');
    expect(problem.detail).toBe('The database is unreachable; retry shortly.');
    expect(unexpected).toBe(true);
  });

  it('adds the extension members of a 4xx (a duplicate names the existing record), never over the standard ones', () => {
    const { problem } = toProblem(
      new ConflictError('A contact has this email.', 'duplicate_contact', { existingId: 'c-1', status: 200 }),
      'corr-1',
    );
    expect(problem).toMatchObject({ status: 409, code: 'duplicate_contact', existingId: 'c-1' });
    const masked = toProblem(new AppError(500, 'boom', 'x', { extensions: { secret: 'y' } }), 'corr-1');
    expect(masked.problem).not.toHaveProperty('secret');
  });

  it('carries custom headers of an AppError', () => {
    const error = new AppError(409, 'stale', 'Reload.', { headers: { ETag: '"v2"' } });

    expect(toProblem(error, CORRELATION_ID).headers).toEqual({ ETag: '"v2"' });
  });
});

describe('problemResponse', () => {
  it('builds a problem from status, code and detail', () => {
    const { problem } = problemResponse(405, 'method_not_allowed', 'Use GET.', CORRELATION_ID);

    expect(problem).toMatchObject({
      status: 405,
      title: 'Method Not Allowed',
      code: 'method_not_allowed',
      detail: 'Use GET.',
      correlationId: CORRELATION_ID,
    });
  });
});

/** RFC 9457 problem+json, as every API error arrives (shared/src/http/problem.ts). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId?: string;
  errors?: { field: string; message: string; code: string }[];
  /** Extension members of the problem (a duplicate's `existingId`…), scalars only. */
  extensions?: Record<string, string | number | boolean | null>;
}

const MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'correlationId', 'errors', 'instance']);

/** A failed API call, thrown by `unwrap()`; `problem` is what the server said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get code() {
    return this.problem.code;
  }
}

/** Whatever came back as the error body, made into a Problem (network errors, plain text…). */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'title' in body) {
    const candidate = body as Partial<Problem>;
    const extensions = Object.fromEntries(
      Object.entries(body).filter(
        ([key, value]) =>
          !MEMBERS.has(key) && (value === null || ['string', 'number', 'boolean'].includes(typeof value)),
      ),
    ) as Record<string, string | number | boolean | null>;
    return {
      type: candidate.type ?? 'about:blank',
      title: candidate.title ?? 'Error',
      status: candidate.status ?? status,
      detail: candidate.detail ?? candidate.title ?? 'Something went wrong.',
      code: candidate.code ?? 'error',
      ...(candidate.correlationId ? { correlationId: candidate.correlationId } : {}),
      ...(candidate.errors ? { errors: candidate.errors } : {}),
      ...(Object.keys(extensions).length ? { extensions } : {}),
    };
  }
  return {
    type: 'about:blank',
    title: 'Error',
    status,
    detail:
      status === 0 ? 'The server could not be reached. Check your connection.' : 'Something went wrong.',
    code: status === 0 ? 'network_error' : 'error',
  };
}

/**
 * A sentence for a toast or an alert. 409 and 422 carry the server's own
 * explanation (a stale version, a broken rule), which the user needs to see.
 */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { problem } = error;
    if (problem.status === 409 && !/reload|refresh|again/i.test(problem.detail)) {
      return `${problem.detail} Someone else changed it: reload to see the latest version.`;
    }
    if (problem.status >= 500) {
      return `Something went wrong on our side${problem.correlationId ? ` (reference ${problem.correlationId})` : ''}. Try again.`;
    }
    return problem.detail;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Field errors keyed by the field name without its location (`body.email` → `email`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    const name = item.field.replace(/^(body|query|params|path)\./, '');
    fields[name] ??= item.message;
  }
  return fields;
}

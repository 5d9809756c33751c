/**
 * RFC 9457 problem details, as every service answers errors (application/problem+json):
 * `title`, `detail`, `status` and, for invalid requests, `errors` as [{ field, reason }].
 * The services' OpenAPI documents do not describe error bodies, so this reads them defensively.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, title: string, detail: string, fieldErrors: Record<string, string[]>) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

export function toProblem(body: unknown, response?: Response): ProblemError {
  const status = response?.status ?? 0;
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const title = typeof b.title === 'string' ? b.title : response?.statusText ?? '';
  const detail = typeof b.detail === 'string' ? b.detail : typeof body === 'string' ? body : '';
  const fieldErrors: Record<string, string[]> = {};
  const errors = b.errors;
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (e && typeof e === 'object') {
        const field = String((e as Record<string, unknown>).field ?? '');
        const reason = String((e as Record<string, unknown>).reason ?? (e as Record<string, unknown>).message ?? '');
        (fieldErrors[field] ??= []).push(reason);
      }
    }
  } else if (errors && typeof errors === 'object') {
    for (const [field, v] of Object.entries(errors as Record<string, unknown>)) {
      fieldErrors[field] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
  }
  return new ProblemError(status, title, detail, fieldErrors);
}

/** Unwraps an openapi-fetch result: the data, or a thrown ProblemError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw toProblem(result.error, result.response);
  }
  return result.data as T;
}

/** Field errors in the shape antd's Form.setFields wants. */
export function formFieldErrors(problem: ProblemError): { name: string; errors: string[] }[] {
  return Object.entries(problem.fieldErrors)
    .filter(([field]) => field)
    .map(([field, errors]) => ({ name: field, errors }));
}

import 'server-only';
/** Typed errors thrown by the DAL; mapped to HTTP status codes in one place (toErrorResponse). */
export class DalError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** 401: no valid session. */
export class UnauthorizedError extends DalError {
  constructor(message = 'Sign in to continue.') {
    super(message, 401);
  }
}

/** 403: signed in, but the role does not allow this. */
export class ForbiddenError extends DalError {
  constructor(message = 'Your role does not allow this.') {
    super(message, 403);
  }
}

/** 404: does not exist, or lies outside the caller's scope (the two are indistinguishable on purpose). */
export class NotFoundError extends DalError {
  constructor(message = 'Not found.') {
    super(message, 404);
  }
}

/** 422: the input is wrong; details say where. */
export class ValidationError extends DalError {
  constructor(message: string, details?: unknown) {
    super(message, 422, details);
  }
}

/** 413: the request body is over a size limit; refused before it is read in full. */
export class PayloadTooLargeError extends DalError {
  constructor(message: string) {
    super(message, 413);
  }
}

/** 409: the request conflicts with current state (e.g. duplicate email). */
export class ConflictError extends DalError {
  constructor(message: string) {
    super(message, 409);
  }
}

/** 415: the body is not in the format the endpoint reads (e.g. text/plain where JSON is expected). */
export class UnsupportedMediaTypeError extends DalError {
  constructor(message: string) {
    super(message, 415);
  }
}

/** Maps any thrown value to a JSON Response without leaking internal error text. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof DalError) {
    return Response.json({ error: err.message, details: err.details ?? null }, { status: err.status });
  }
  console.error('[strata] unexpected error', err);
  return Response.json({ error: 'Something went wrong on the server.' }, { status: 500 });
}

import { isSameOrigin, type Role, type SessionUser } from '@newsroom/auth';
import { EditorialError } from '@newsroom/editorial';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { currentStaff, hasRole, requestOrigin } from '../auth/staff';
import { errorResponse, json } from './responses';

type Params = Record<string, string | string[] | undefined>;

export interface StaffContext<Input, P extends Params> {
  request: NextRequest;
  user: SessionUser;
  /** The validated JSON body (mutations) or query string (GET), when a schema is given. */
  input: Input;
  params: P;
}

export interface StaffRouteOptions<S extends z.ZodType | undefined> {
  /** Lowest role allowed (admin > editor > writer). Default: any staff. */
  role?: Role;
  schema?: S;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every newsroom API goes through this: a session (401), same-origin for mutations (403, the
 * CSRF check), the role (403), input validation (400 bad JSON, 422 with each problem's path),
 * and EditorialErrors turned into their status with a readable message.
 */
export function withStaff<P extends Params = Params, S extends z.ZodType | undefined = undefined>(
  handler: (
    context: StaffContext<S extends z.ZodType ? z.output<S> : undefined, P>,
  ) => Promise<Response>,
  options: StaffRouteOptions<S> = {},
) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const user = await currentStaff();
    if (!user) return errorResponse(401, 'Log in to use the newsroom API');
    const mutation = !SAFE_METHODS.has(request.method);
    const origin = requestOrigin(request.headers, request.url);
    if (mutation && (!origin || !isSameOrigin(request.headers, origin)))
      return errorResponse(403, 'Cross-site request refused: send it from the newsroom pages');
    if (!hasRole(user, options.role))
      return errorResponse(403, `This needs the ${options.role} role; you are a ${user.role}`);

    let input: unknown = undefined;
    if (options.schema) {
      const raw = mutation ? await readJson(request) : queryObject(request);
      if (raw === INVALID_JSON) return errorResponse(400, 'The request body must be JSON');
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({
          path: issue.path.join('.') || '(body)',
          message: issue.message,
        }));
        return errorResponse(422, describe(errors), errors);
      }
      input = parsed.data;
    }

    try {
      return await handler({
        request,
        user,
        input: input as S extends z.ZodType ? z.output<S> : undefined,
        params: await context.params,
      });
    } catch (error) {
      if (error instanceof EditorialError)
        return errorResponse(error.status, error.message, error.errors, error.code);
      console.error('newsroom API error', error);
      return errorResponse(500, 'Something went wrong on the server; try again');
    }
  };
}

const INVALID_JSON = Symbol('invalid json');

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

function queryObject(request: NextRequest) {
  return Object.fromEntries(request.nextUrl.searchParams.entries());
}

function describe(errors: { path: string; message: string }[]) {
  return errors.map((error) => `${error.path}: ${error.message}`).join('; ');
}

export { json };

import type { Role, SessionUser } from '@newsroom/auth';
import { EditorialError, validationErrorsOf } from '@newsroom/editorial';
import {
  ApiError,
  assertStorableText,
  jsonResponse,
  readJsonBody,
  toErrorResponse,
  type FieldErrors,
} from '@newsroom/http';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { staff } from '../staff/staff-shell';

type Params = Record<string, string | string[] | undefined>;

export interface StaffContext<Input, P extends Params> {
  request: NextRequest;
  user: SessionUser;
  /** The validated JSON body (mutations) or query string (GET), when a schema is given. */
  input: Input;
  /** The JSON body as sent, when `body: true` and no schema (the handler validates it). */
  body: unknown;
  params: P;
}

export interface StaffRouteOptions<S extends z.ZodType | undefined> {
  /** Lowest role allowed (admin > editor > writer). Default: any staff. */
  role?: Role;
  schema?: S;
  /** Read the JSON body without a schema (the handler validates it itself). */
  body?: boolean;
  /** Largest body accepted (413 past it); default @newsroom/http's. */
  maxBodyBytes?: number;
}

/**
 * The one wrapper of every newsroom API (modelled on dub's withWorkspace): the staff shell's API
 * guard (same-origin for mutations, session, role), the JSON body (415 / 413 / 400 from
 * @newsroom/http), validation (422 with each problem's field), and every failure in the one
 * error shape `{ error: { code, message, fields? } }`, 503 while the database is unreachable.
 */
export function withStaff<P extends Params = Params, S extends z.ZodType | undefined = undefined>(
  handler: (
    context: StaffContext<S extends z.ZodType ? z.output<S> : undefined, P>,
  ) => Promise<Response>,
  options: StaffRouteOptions<S> = {},
) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await staff.requireStaffForApi(request, options.role);
      const isGet = request.method === 'GET' || request.method === 'HEAD';
      const body =
        !isGet && (options.schema || options.body)
          ? await readJsonBody(request, { maxBytes: options.maxBodyBytes, whenEmpty: {} })
          : undefined;
      const input = options.schema
        ? validate(options.schema, isGet ? queryObject(request) : body)
        : undefined;
      return await handler({
        request,
        user,
        input: input as S extends z.ZodType ? z.output<S> : undefined,
        body,
        params: await context.params,
      });
    } catch (error) {
      return toErrorResponse(error instanceof EditorialError ? editorialApiError(error) : error);
    }
  };
}

function validate(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = validationErrorsOf(parsed.error.issues);
  throw new ApiError(422, 'validation_failed', describe(problems), fieldsOf(problems));
}

/** The newsroom's own refusals (wrong role for this article, unknown id…) in the one shape. */
export function editorialApiError(error: EditorialError): ApiError {
  return new ApiError(
    error.status,
    error.code,
    error.message,
    error.errors.length ? fieldsOf(error.errors) : undefined,
  );
}

/** `[{ path, message }]` → `{ path: message }` (messages of a repeated path joined). */
export function fieldsOf(problems: { path: string; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const { path, message } of problems)
    fields[path] = fields[path] ? `${fields[path]}; ${message}` : message;
  return fields;
}

/** The query string's parameters, held to the same text rules as a JSON body. */
function queryObject(request: NextRequest) {
  const query = Object.fromEntries(request.nextUrl.searchParams.entries());
  assertStorableText(query);
  return query;
}

function describe(problems: { path: string; message: string }[]) {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
}

export { jsonResponse as json };

import { z } from 'zod';
import { checkDestination } from './destination';
import {
  compileDestinationPolicy,
  type DestinationPolicy,
  type DestinationPolicyOptions,
} from './destination-policy';
import { isReservedPath } from './reserved';

export const REDIRECT_TYPES = [301, 302, 307, 308] as const;
export type RedirectType = (typeof REDIRECT_TYPES)[number];
export const DEFAULT_REDIRECT_TYPE: RedirectType = 302;

export const ALIAS_MIN = 3;
export const ALIAS_MAX = 64;

/** Input of "create a link", after validation: the URL is normalised, dates are Dates. */
export type CreateLinkInput = {
  url: string;
  alias?: string;
  articleId?: string;
  redirectType: RedirectType;
  expiresAt: Date | null;
};

/** Input of "change a link": only the fields given change; expiresAt null removes the expiry. */
export type UpdateLinkInput = {
  url?: string;
  disabled?: boolean;
  redirectType?: RedirectType;
  expiresAt?: Date | null;
};

const redirectTypeSchema = z.union(
  REDIRECT_TYPES.map((status) => z.literal(status)),
  { error: `redirectType must be one of ${REDIRECT_TYPES.join(', ')}` },
);

const aliasSchema = z
  .string({ error: 'alias must be text' })
  .regex(/^[A-Za-z0-9_-]*$/, 'An alias may only contain letters, digits, "-" and "_".')
  .min(ALIAS_MIN, `An alias needs at least ${ALIAS_MIN} characters.`)
  .max(ALIAS_MAX, `An alias can have at most ${ALIAS_MAX} characters.`)
  .refine((alias) => !isReservedPath(alias), {
    error: (issue) =>
      `"${String(issue.input)}" is reserved by the shortener; choose another alias.`,
  });

/** An ISO 8601 date-time in the future; null means "never expires". */
function expirySchema(now: () => Date) {
  return z.iso
    .datetime({
      offset: true,
      error: 'expiresAt must be an ISO 8601 date-time, e.g. 2030-01-31T12:00:00Z',
    })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() > now().getTime(), 'expiresAt must be in the future.')
    .nullable();
}

function destinationSchema(policy: DestinationPolicy) {
  return z.string({ error: 'url must be text' }).transform((value, ctx) => {
    const check = checkDestination(value, policy);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.url;
  });
}

export type LinkSchemaOptions = DestinationPolicyOptions & { now?: () => Date };

/** Schemas for the API and the staff forms, bound to the shortener's own hosts and allow-list. */
export function linkSchemas({ ownHosts, allowed, now = () => new Date() }: LinkSchemaOptions) {
  const policy = compileDestinationPolicy({ ownHosts, allowed });
  const create = z
    .strictObject(
      {
        url: destinationSchema(policy),
        alias: aliasSchema.optional(),
        articleId: z.string({ error: 'articleId must be text' }).trim().min(1).max(64).optional(),
        redirectType: redirectTypeSchema.default(DEFAULT_REDIRECT_TYPE),
        expiresAt: expirySchema(now).default(null),
      },
      { error: objectError },
    )
    .transform((value): CreateLinkInput => value);

  const update = z
    .strictObject(
      {
        url: destinationSchema(policy).optional(),
        disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
        redirectType: redirectTypeSchema.optional(),
        expiresAt: expirySchema(now).optional(),
      },
      { error: objectError },
    )
    .refine((value) => Object.keys(value).length > 0, {
      error: 'Nothing to change: send at least one of url, disabled, redirectType, expiresAt.',
    })
    .transform((value): UpdateLinkInput => value);

  return { create, update };
}

export type LinkSchemas = ReturnType<typeof linkSchemas>;

function objectError(issue: { code: string; keys?: string[]; input?: unknown }) {
  if (issue.code === 'unrecognized_keys') {
    return `Unknown field(s): ${(issue.keys ?? []).join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    return 'The request body must be a JSON object.';
  }
  return undefined;
}

/** Zod issues → `{ field: first message }`; problems with the whole body go under "body". */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

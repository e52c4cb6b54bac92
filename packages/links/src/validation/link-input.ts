import { z } from 'zod';
import {
  UTM_FIELDS,
  UTM_PARAMETERS,
  UTM_VALUE_MAX,
  applyUtm,
  type UtmField,
  type UtmValues,
} from '../forwarding/utm';
import { MAX_URL_LENGTH, checkDestination } from './destination';
import {
  compileDestinationPolicy,
  type DestinationPolicy,
  type DestinationPolicyOptions,
} from './destination-policy';
import { isReservedPath } from './reserved';
import { ARTICLE_LINK_EXPIRY, ARTICLE_LINK_SETTINGS } from '../links/link-errors';

export const REDIRECT_TYPES = [301, 302, 307, 308] as const;
export type RedirectType = (typeof REDIRECT_TYPES)[number];
export const DEFAULT_REDIRECT_TYPE: RedirectType = 302;

export const ALIAS_MIN = 3;
export const ALIAS_MAX = 64;
/** The characters of an alias, as a regular-expression class body (also an HTML `pattern`). */
export const ALIAS_CHARACTERS = 'A-Za-z0-9_\\-';

/**
 * Input of "create a link", after validation: the URL is normalised, dates are Dates, empty UTM
 * values are null. forwardQuery defaults to true (the visitor's query string is passed on).
 */
export type CreateLinkInput = UtmValues & {
  url: string;
  alias?: string;
  articleId?: string;
  redirectType: RedirectType;
  expiresAt: Date | null;
  forwardQuery?: boolean;
};

/**
 * Input of "change a link": only the fields given change; expiresAt null removes the expiry, a
 * UTM field null (or "") removes that parameter.
 */
export type UpdateLinkInput = UtmValues & {
  url?: string;
  disabled?: boolean;
  redirectType?: RedirectType;
  expiresAt?: Date | null;
  forwardQuery?: boolean;
};

/** The fields a link change may carry, for messages and the change log. */
export const EDITABLE_FIELDS = [
  'url',
  'disabled',
  'redirectType',
  'expiresAt',
  'forwardQuery',
  ...UTM_FIELDS,
] as const;

const redirectTypeSchema = z.union(
  REDIRECT_TYPES.map((status) => z.literal(status)),
  { error: `redirectType must be one of ${REDIRECT_TYPES.join(', ')}` },
);

const aliasSchema = z
  .string({ error: 'alias must be text' })
  .regex(
    new RegExp(`^[${ALIAS_CHARACTERS}]*$`),
    'An alias may only contain letters, digits, "-" and "_".',
  )
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

/** A UTM value: text without control characters that can be percent-encoded; "" clears it. */
function utmValueSchema(field: UtmField) {
  const name = UTM_PARAMETERS[field];
  return z
    .string({ error: `${field} (${name}) must be text or null` })
    .trim()
    .max(UTM_VALUE_MAX, `${field} (${name}) can have at most ${UTM_VALUE_MAX} characters.`)
    .refine((value) => !CONTROL_CHARACTER.test(value) && isEncodable(value), {
      error: `${field} (${name}) contains characters that cannot be part of a URL.`,
    })
    .transform((value) => (value === '' ? null : value))
    .nullable();
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Lone surrogates (invalid UTF-16) cannot be percent-encoded. */
function isEncodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

function utmSchemas() {
  return Object.fromEntries(
    UTM_FIELDS.map((field) => [field, utmValueSchema(field).optional()]),
  ) as Record<UtmField, z.ZodOptional<ReturnType<typeof utmValueSchema>>>;
}

const forwardQuerySchema = z.boolean({ error: 'forwardQuery must be true or false' });

/**
 * The URL a link redirects to (destination with its UTM fields) must itself be a valid
 * destination: the UTM values must not push it over the length limit.
 */
export function effectiveDestinationProblem(url: string, utm: UtmValues): string | null {
  const effective = applyUtm(url, utm);
  if (effective.length <= MAX_URL_LENGTH) return null;
  return `With its UTM fields the destination would be ${effective.length} characters long; the limit is ${MAX_URL_LENGTH}. Shorten the URL or the UTM values.`;
}

function checkEffectiveDestination(value: CreateLinkInput, ctx: z.RefinementCtx) {
  const problem = effectiveDestinationProblem(value.url, value);
  if (!problem) return;
  const field = UTM_FIELDS.find((name) => value[name]) ?? 'url';
  ctx.addIssue({ code: 'custom', path: [field], message: problem });
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
        forwardQuery: forwardQuerySchema.default(true),
        ...utmSchemas(),
      },
      { error: objectError },
    )
    .transform((value): CreateLinkInput => value)
    .superRefine(checkEffectiveDestination)
    .superRefine((value, ctx) => {
      if (value.articleId && value.expiresAt) {
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: ARTICLE_LINK_EXPIRY });
      }
      if (!value.articleId) return;
      const fixed = [
        ...UTM_FIELDS.filter((field) => value[field]),
        ...(value.redirectType !== DEFAULT_REDIRECT_TYPE ? ['redirectType'] : []),
        ...(value.forwardQuery === false ? ['forwardQuery'] : []),
      ];
      if (fixed.length > 0)
        ctx.addIssue({ code: 'custom', path: [fixed[0]!], message: ARTICLE_LINK_SETTINGS });
    });

  const update = z
    .strictObject(
      {
        url: destinationSchema(policy).optional(),
        disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
        redirectType: redirectTypeSchema.optional(),
        expiresAt: expirySchema(now).optional(),
        forwardQuery: forwardQuerySchema.optional(),
        ...utmSchemas(),
      },
      { error: objectError },
    )
    .refine((value) => Object.keys(value).length > 0, {
      error: `Nothing to change: send at least one of ${EDITABLE_FIELDS.join(', ')}.`,
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

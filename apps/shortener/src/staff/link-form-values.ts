// The staff link forms (create and edit) as request bodies for the link schemas: one reading of
// FormData for both, so the two forms cannot disagree about a field.
import { UTM_FIELDS } from '@newsroom/links';

/** Every field of the forms as the text the browser sent (for re-filling after an error). */
export type LinkFormValues = Record<string, string>;

export function readLinkForm(form: FormData): LinkFormValues {
  const text = (name: string) => String(form.get(name) ?? '');
  const values: LinkFormValues = {
    url: text('url'),
    alias: text('alias').trim(),
    redirectType: text('redirectType') || '302',
    expiresAt: text('expiresAt'),
    expiresAtBefore: text('expiresAtBefore'),
    // An unticked checkbox sends nothing.
    forwardQuery: form.get('forwardQuery') === 'on' ? 'on' : '',
  };
  for (const field of UTM_FIELDS) values[field] = text(field);
  return values;
}

/** Body for the create schema: empty optional fields are left out. */
export function createBody(values: LinkFormValues) {
  return {
    url: values.url,
    ...(values.alias && { alias: values.alias }),
    redirectType: Number(values.redirectType),
    ...(values.expiresAt && { expiresAt: localInputAsUtc(values.expiresAt) }),
    forwardQuery: values.forwardQuery === 'on',
    ...Object.fromEntries(
      UTM_FIELDS.filter((field) => values[field]?.trim()).map((field) => [field, values[field]]),
    ),
  };
}

/**
 * Body for the update schema: every field the form shows, emptied ones as null (cleared). The
 * expiry is left out when it was not touched, so an already expired link can still be edited.
 */
export function updateBody(values: LinkFormValues) {
  const expiryTouched = values.expiresAt !== values.expiresAtBefore;
  return {
    url: values.url,
    redirectType: Number(values.redirectType),
    ...(expiryTouched && {
      expiresAt: values.expiresAt ? localInputAsUtc(values.expiresAt) : null,
    }),
    forwardQuery: values.forwardQuery === 'on',
    ...Object.fromEntries(UTM_FIELDS.map((field) => [field, values[field] || null])),
  };
}

/** "2030-01-31T12:00" (what datetime-local sends) → "2030-01-31T12:00:00Z". */
export function localInputAsUtc(value: string): string {
  return /T\d\d:\d\d$/.test(value) ? `${value}:00Z` : `${value}Z`;
}

/** A stored date → the value of a datetime-local input, in UTC (the forms label it so). */
export function utcInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : '';
}

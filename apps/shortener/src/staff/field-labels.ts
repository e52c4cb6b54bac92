import { UTM_PARAMETERS, type LinkFieldChanges } from '@newsroom/links';

/** How the staff pages name a link's fields (the change log uses these). */
export const FIELD_LABELS: Record<keyof LinkFieldChanges, string> = {
  url: 'Destination',
  disabled: 'Disabled',
  redirectType: 'Redirect type',
  expiresAt: 'Expires',
  forwardQuery: 'Forward query string',
  ...UTM_PARAMETERS,
};

export function describeValue(value: string | number | boolean | null): string {
  if (value === null || value === '') return '(none)';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

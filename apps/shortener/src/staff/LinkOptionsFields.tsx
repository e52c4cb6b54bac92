// The fields the create and edit forms share: redirect type, expiry, query forwarding and UTM.
import { FieldError } from './FieldError';

/** Names and limits come from the server page (@newsroom/links cannot be bundled for the browser). */
export type LinkFieldLimits = {
  maxUrlLength: number;
  utmMaxLength: number;
  utmParameters: Record<string, string>;
};

export function LinkOptionsFields({
  values,
  fields,
  limits,
}: {
  values: Record<string, string>;
  fields: Record<string, string>;
  limits: LinkFieldLimits;
}) {
  return (
    <>
      <label>
        Redirect type
        <select name="redirectType" defaultValue={values.redirectType ?? '302'}>
          <option value="302">302 Found (temporary, default)</option>
          <option value="307">307 Temporary Redirect</option>
          <option value="301">301 Moved Permanently (browsers cache it)</option>
          <option value="308">308 Permanent Redirect (browsers cache it)</option>
        </select>
        <FieldError id="type-error" message={fields.redirectType} />
      </label>
      <label>
        Expires (optional, UTC)
        <input
          name="expiresAt"
          type="datetime-local"
          defaultValue={values.expiresAt}
          aria-invalid={!!fields.expiresAt}
          aria-describedby={fields.expiresAt ? 'expires-error' : undefined}
        />
        <FieldError id="expires-error" message={fields.expiresAt} />
      </label>
      <label className="inline">
        <input
          name="forwardQuery"
          type="checkbox"
          defaultChecked={values.forwardQuery !== ''}
          aria-describedby="forward-help"
        />
        Forward the visitor&apos;s query string
      </label>
      <small id="forward-help">
        <code>/code?ref=x</code> goes to the destination with <code>ref=x</code> added (the
        destination&apos;s own parameters and the UTM fields win).
      </small>
      <fieldset className="stack">
        <legend>UTM parameters (optional, added to the destination)</legend>
        {Object.entries(limits.utmParameters).map(([field, parameter]) => (
          <label key={field}>
            {parameter}
            <input
              name={field}
              maxLength={limits.utmMaxLength}
              defaultValue={values[field]}
              aria-invalid={!!fields[field]}
              aria-describedby={fields[field] ? `${field}-error` : undefined}
            />
            <FieldError id={`${field}-error`} message={fields[field]} />
          </label>
        ))}
      </fieldset>
    </>
  );
}

// The destination of a link, as the create and edit forms both ask for it.
import { FieldError } from './FieldError';
import type { LinkFieldLimits } from './LinkOptionsFields';

export function DestinationUrlField({
  value,
  error,
  limits,
  placeholder,
}: {
  value?: string;
  error?: string;
  limits: LinkFieldLimits;
  placeholder?: string;
}) {
  return (
    <label>
      Destination URL
      <input
        name="url"
        type="url"
        required
        maxLength={limits.maxUrlLength}
        placeholder={placeholder}
        defaultValue={value}
        aria-invalid={!!error}
        aria-describedby={error ? 'url-error' : undefined}
      />
      <FieldError id="url-error" message={error} />
    </label>
  );
}

import { serializeJsonLd } from '@newsroom/publishing';

/** Structured data; serializeJsonLd escapes `<`, so no text in it can end the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}

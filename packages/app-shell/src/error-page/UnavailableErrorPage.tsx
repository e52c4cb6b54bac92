'use client';
// Whatever failed while rendering a page (each app's app/error.tsx re-exports this). The usual cause
// in production is an unreachable database; from the next request on, the proxy answers 503 until
// it is back.

export function UnavailableErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section role="alert">
      <h1>Temporarily unavailable</h1>
      <p>
        This page could not be loaded just now. Nothing you saved is lost; please try again in a few
        seconds.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}

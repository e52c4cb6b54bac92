export function NotFoundMessage() {
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <p className="not-found-code">404</p>
      <h1 id="not-found-heading">This page is not here</h1>
      <p>The address may be mistyped, or the article may not be published (yet, or any more).</p>
      <p>
        <a href="/">Read the latest news</a>
      </p>
    </section>
  );
}

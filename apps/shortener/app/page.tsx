export default function HomePage() {
  return (
    <>
      <h1>Newsroom short links</h1>
      <p>
        This service gives every Newsroom article a short URL that readers share and follow. A short
        link like <code>/abc123</code> redirects to its article; add <code>+</code> to the end to
        see where a link goes before going there.
      </p>
      <p>
        Newsroom staff: <a href="/links">manage short links</a>.
      </p>
    </>
  );
}

type Props = { searchParams: Promise<{ role?: string }> };

export default async function ForbiddenPage({ searchParams }: Props) {
  const { role } = await searchParams;
  return (
    <section>
      <h1>Not allowed</h1>
      <p>
        This page needs the {role ?? 'right'} role. Ask an admin if you need it.{' '}
        <a href="/newsroom/articles">Back to the articles</a>
      </p>
    </section>
  );
}

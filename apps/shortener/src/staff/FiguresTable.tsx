/**
 * A chart's figures as a collapsed table: a chart's own bar titles sit inside role="img", where
 * screen readers do not reach them, so every chart repeats its figures here.
 */
export function FiguresTable({
  caption,
  columns,
  rows,
}: {
  /** The `<summary>` text, e.g. "Table of all 30 days". */
  caption: string;
  /** The two column headers: what a row is, then its count. */
  columns: [string, string];
  rows: { key: string; count: number }[];
}) {
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>{caption}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.key}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

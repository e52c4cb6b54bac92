import type { ValueCount } from '@newsroom/links';

import { FiguresTable } from './FiguresTable';

/** Values drawn as bars; the rest are summed into one bar (the table below lists them all). */
const SHOWN = 10;
const ROW = 24;
const WIDTH = 600;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 330;
const MAX_LABEL = 28;

/**
 * One dimension of a link's visits (referrers, countries, …) as horizontal SVG bars, most clicks
 * first. Screen readers get the figures as text: a summary title on the image and the full table.
 */
export function BreakdownChart({
  id,
  title,
  values,
  total,
}: {
  id: string;
  title: string;
  values: ValueCount[];
  total: number;
}) {
  const bars = values.slice(0, SHOWN);
  const rest = values.slice(SHOWN);
  if (rest.length > 0) {
    bars.push({
      value: `${rest.length} more`,
      count: rest.reduce((sum, entry) => sum + entry.count, 0),
    });
  }
  const max = Math.max(1, ...bars.map((entry) => entry.count));
  const titleId = `${id}-title`;
  const share = (count: number) => (total === 0 ? 0 : Math.round((count / total) * 100));
  const summary =
    values.length === 0
      ? `${title}: no clicks in this range`
      : `${title}: ${bars.map((entry) => `${entry.value} ${entry.count} (${share(entry.count)}%)`).join(', ')}`;
  return (
    <figure data-testid={`breakdown-${id}`}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {values.length === 0 ? (
        <p>No clicks in this range.</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
          width="100%"
          role="img"
          aria-labelledby={titleId}
          className="chart"
        >
          <title id={titleId}>{summary}</title>
          {bars.map((entry, index) => {
            const y = index * ROW;
            const label =
              entry.value.length > MAX_LABEL
                ? `${entry.value.slice(0, MAX_LABEL - 1)}…`
                : entry.value;
            return (
              <g key={entry.value}>
                <title>{`${entry.value}: ${entry.count} click${entry.count === 1 ? '' : 's'}`}</title>
                <text x={LABEL_WIDTH - 8} y={y + 16} fontSize="13" textAnchor="end">
                  {label}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y + 4}
                  width={Math.max((entry.count / max) * BAR_WIDTH, 1)}
                  height={ROW - 8}
                  fill="#0b57d0"
                />
                <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 16} fontSize="13">
                  {`${entry.count} (${share(entry.count)}%)`}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <FiguresTable
        caption={`Table of all ${values.length} values`}
        columns={[title, 'Clicks']}
        rows={values.map((entry) => ({ key: entry.value, count: entry.count }))}
      />
    </figure>
  );
}

import { FiguresTable } from './FiguresTable';

const WIDTH = 600;
const HEIGHT = 160;

/**
 * Clicks per day as an inline SVG bar chart: `days` is the whole range, oldest first, with 0 for
 * days without clicks. Each bar has a tooltip; screen readers get a text summary and the table.
 */
export function ClickChart({
  days,
  label,
}: {
  days: { day: string; count: number }[];
  /** What the range is, for the summary: "over the last 30 days", "from … to …". */
  label: string;
}) {
  const max = Math.max(1, ...days.map((entry) => entry.count));
  const barWidth = WIDTH / Math.max(1, days.length);
  const total = days.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        width="100%"
        role="img"
        aria-labelledby="click-chart-title"
        className="chart"
      >
        <title id="click-chart-title">{`Clicks per day ${label}: ${total} in total`}</title>
        {days.map((entry, index) => {
          const height = (entry.count / max) * HEIGHT;
          return (
            <rect
              key={entry.day}
              x={index * barWidth + Math.min(1, barWidth / 4)}
              y={HEIGHT - height}
              width={Math.max(barWidth - Math.min(2, barWidth / 2), 0.5)}
              height={Math.max(height, entry.count > 0 ? 1 : 0)}
              fill="#0b57d0"
            >
              <title>{`${entry.day}: ${entry.count} click${entry.count === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#888" />
        <text x="0" y={HEIGHT + 16} fontSize="12">
          {days[0]?.day}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} fontSize="12" textAnchor="end">
          {days.at(-1)?.day}
        </text>
      </svg>
      <figcaption>
        Clicks per day (UTC), {label}. Highest: {total === 0 ? 0 : max}.
      </figcaption>
      <FiguresTable
        caption={`Table of all ${days.length} days`}
        columns={['Day (UTC)', 'Clicks']}
        rows={days.map((entry) => ({ key: entry.day, count: entry.count }))}
      />
    </figure>
  );
}

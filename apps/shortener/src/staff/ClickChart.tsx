import { utcDay } from '@newsroom/links';

const DAYS = 30;
const WIDTH = 600;
const HEIGHT = 160;
const DAY_MS = 86_400_000;

/** The last 30 UTC days, oldest first, with 0 for days without clicks. */
export function lastDays(days: { day: string; count: number }[], now = Date.now()) {
  const counts = new Map(days.map((entry) => [entry.day, entry.count]));
  return Array.from({ length: DAYS }, (_, index) => {
    const day = utcDay(now - (DAYS - 1 - index) * DAY_MS);
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** Clicks per day as an inline SVG bar chart; each bar has a tooltip, the figure a text summary. */
export function ClickChart({ days }: { days: { day: string; count: number }[] }) {
  const series = lastDays(days);
  const max = Math.max(1, ...series.map((entry) => entry.count));
  const barWidth = WIDTH / series.length;
  const total = series.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        width="100%"
        role="img"
        aria-labelledby="click-chart-title"
        className="chart"
      >
        <title id="click-chart-title">{`Clicks per day over the last ${DAYS} days: ${total} in total`}</title>
        {series.map((entry, index) => {
          const height = (entry.count / max) * HEIGHT;
          return (
            <rect
              key={entry.day}
              x={index * barWidth + 1}
              y={HEIGHT - height}
              width={barWidth - 2}
              height={Math.max(height, entry.count > 0 ? 1 : 0)}
              fill="#0b57d0"
            >
              <title>{`${entry.day}: ${entry.count} click${entry.count === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#888" />
        <text x="0" y={HEIGHT + 16} fontSize="12">
          {series[0]?.day}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} fontSize="12" textAnchor="end">
          {series.at(-1)?.day}
        </text>
      </svg>
      <figcaption>
        Clicks per day (UTC), last {DAYS} days. Highest: {max === 1 && total === 0 ? 0 : max}.
      </figcaption>
    </figure>
  );
}

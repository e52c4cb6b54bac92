import { formatDateline } from '@newsroom/article';

export function Dateline({ date }: { date: Date }) {
  return (
    <time className="dateline" dateTime={date.toISOString()}>
      {formatDateline(date)}
    </time>
  );
}

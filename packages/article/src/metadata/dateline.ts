const pad = (n: number) => String(n).padStart(2, '0');

/** "07:00 GMT 14.04.2021": the newsroom's dateline style, always in GMT whatever the server's zone. */
export function formatDateline(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const day = `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
  return `${time} GMT ${day}`;
}

/** The highest page a `?page=` may ask for: nine digits keep the row offset a safe integer. */
const PAGE_NUMBER = /^[1-9][0-9]{0,8}$/;

/** `?page=2` → 2; absent → 1; anything that is not a whole number from 1 to 999,999,999 → null. */
export function pageNumber(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !PAGE_NUMBER.test(value)) return null;
  return Number(value);
}

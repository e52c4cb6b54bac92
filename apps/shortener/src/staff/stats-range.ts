import { fieldErrors, statsQuerySchema, type StatsRange } from '@newsroom/links';
import { searchParam, type SearchParams } from './search-param';

/**
 * The range a staff page or download asks for (`from`, `to`; other parameters are not ours to
 * judge). An empty field means "the default"; a bad range gives its message and the default range.
 */
export function staffStatsRange(searchParams: SearchParams): {
  range: StatsRange;
  isDefault: boolean;
  error?: string;
} {
  const wanted: Record<string, string> = {};
  for (const name of ['from', 'to'] as const) {
    const value = searchParam(searchParams, name)?.trim();
    if (value) wanted[name] = value;
  }
  const schema = statsQuerySchema();
  const result = schema.safeParse(wanted);
  if (result.success) {
    const fallback = schema.parse({});
    const isDefault =
      result.data.range.from === fallback.range.from && result.data.range.to === fallback.range.to;
    return { range: result.data.range, isDefault };
  }
  return {
    range: schema.parse({}).range,
    isDefault: true,
    error: Object.values(fieldErrors(result.error)).join(' '),
  };
}

import type { Dayjs } from 'dayjs';

/**
 * from/to query parameters of a date-range filter: the whole first and last day, as ISO 8601 instants with
 * the browser's offset (the server compares timestamps, so the offset keeps the day boundaries local).
 */
export function rangeParams(range: [Dayjs | null, Dayjs | null] | null | undefined): {
  from?: string;
  to?: string;
} {
  const [a, b] = range ?? [null, null];
  return {
    from: a ? a.startOf('day').format('YYYY-MM-DDTHH:mm:ssZ') : undefined,
    to: b ? b.endOf('day').format('YYYY-MM-DDTHH:mm:ssZ') : undefined,
  };
}

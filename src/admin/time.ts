// Times in the console are China time (Asia/Shanghai) whatever the browser's time zone: deadlines, audit rows and
// publication times mean the same instant for every user.
const FMT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO string or Date) as 'YYYY-MM-DD HH:mm:ss' China time. */
export function chinaTime(v: string | Date): string {
  const parts = Object.fromEntries(FMT.formatToParts(new Date(v)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The instant moved on by China's offset (UTC+8 all year), as an ISO string whose date and time read as China's. */
const shifted = (v: string | number | Date) => new Date(new Date(v).getTime() + 8 * 3600_000).toISOString();

/** An instant as 'YYYY-MM-DD HH:mm' China time (the forms and ledgers that go to the minute). */
export const chinaMinute = (v: string | Date) => shifted(v).slice(0, 16).replace('T', ' ');

/** The China date of an instant, 'YYYY-MM-DD'; today's without one. */
export const chinaDate = (v: string | number | Date = Date.now()) => shifted(v).slice(0, 10);

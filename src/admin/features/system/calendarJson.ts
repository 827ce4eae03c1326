// Checks a year's calendar JSON before it is sent to PUT /api/calendar/years/:year. The server validates the
// content; here we only need the year for the URL and a readable message for a wrong file.
export function yearOfCalendarJson(text: string): { year: number; body: unknown } | string {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return '文件不是有效的 JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '文件内容应为一个年度日历对象';
  const year = (body as { year?: unknown }).year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    return '缺少有效的 year（年份）字段';
  }
  return { year, body };
}

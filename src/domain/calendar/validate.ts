import { dayNumber, isIsoDate, isWeekend, yearOf } from './dates';
import type { CalendarConfidence, CalendarHoliday, CalendarSource, CalendarYear } from './types';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const CONFIDENCES: readonly CalendarConfidence[] = ['V-3P', 'M'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key the format does not have is refused, not dropped (SECURITY.md 20): a misspelt one would look saved. */
function unknownKeys(v: Record<string, unknown>, known: readonly string[], where: string, errors: string[]) {
  for (const k of Object.keys(v)) if (!known.includes(k)) errors.push(`不支持的字段：${where}${k}`);
}

/**
 * Checks an uploaded year of holiday data (CAL-6) and returns it typed, or every problem found, in Chinese.
 * Dates may spill into the neighbouring month across the year boundary (2019's 元旦 starts 2018-12-30),
 * but no further.
 */
export function validateCalendarYear(json: unknown): ValidationResult<CalendarYear> {
  const errors: string[] = [];
  if (!isRecord(json)) return { ok: false, errors: ['日历数据必须是一个 JSON 对象'] };
  unknownKeys(json, ['year', 'source', 'holidays'], '', errors);

  const year = json.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2200;
  if (!yearOk) errors.push('year 必须是 1990–2200 之间的整数年份');

  const source = validateSource(json.source, errors);
  const holidays: CalendarHoliday[] = [];
  if (!Array.isArray(json.holidays)) {
    errors.push('holidays 必须是数组');
  } else {
    if (json.holidays.length === 0) errors.push('holidays 不能为空：每年至少有元旦等法定节假日');
    json.holidays.forEach((h, i) => {
      const hol = validateHoliday(h, i, errors);
      if (hol) holidays.push(hol);
    });
  }

  if (yearOk && typeof year === 'number') {
    const lo = dayNumber(`${year - 1}-12-01`);
    const hi = dayNumber(`${year + 1}-01-31`);
    const offSeen = new Map<string, string>();
    const makeupSeen = new Map<string, string>();
    for (const h of holidays) {
      for (const d of h.off) {
        const n = dayNumber(d);
        if (n < lo || n > hi) errors.push(`“${h.name}”的放假日期 ${d} 不在 ${year} 年（及相邻月份）范围内`);
        const prev = offSeen.get(d);
        if (prev !== undefined) errors.push(`放假日期 ${d} 重复（“${prev}”与“${h.name}”）`);
        offSeen.set(d, h.name);
      }
      for (const d of h.makeupWorkdays) {
        const n = dayNumber(d);
        if (n < lo || n > hi)
          errors.push(`“${h.name}”的调休上班日期 ${d} 不在 ${year} 年（及相邻月份）范围内`);
        if (!isWeekend(d)) errors.push(`“${h.name}”的调休上班日期 ${d} 不是周六或周日`);
        const prev = makeupSeen.get(d);
        if (prev !== undefined) errors.push(`调休上班日期 ${d} 重复（“${prev}”与“${h.name}”）`);
        makeupSeen.set(d, h.name);
      }
    }
    for (const [d, name] of makeupSeen) {
      if (offSeen.has(d))
        errors.push(`${d} 同时被列为放假日（“${offSeen.get(d)}”）和调休上班日（“${name}”）`);
    }
    const inYear = [...offSeen.keys()].filter((d) => yearOf(d) === year);
    if (holidays.length > 0 && inYear.length === 0) errors.push(`没有任何放假日期落在 ${year} 年内`);
  }

  if (errors.length > 0 || !source || typeof year !== 'number') return { ok: false, errors };
  return { ok: true, value: { year, source, holidays } };
}

function validateSource(v: unknown, errors: string[]): CalendarSource | null {
  if (!isRecord(v)) {
    errors.push('source 必须是对象（通知标题、文号、发布日期、网址、可信度）');
    return null;
  }
  const before = errors.length;
  unknownKeys(v, ['title', 'docNumber', 'published', 'url', 'confidence', 'notes'], 'source.', errors);
  if (typeof v.title !== 'string' || v.title.trim() === '') errors.push('source.title（通知标题）不能为空');
  if (v.docNumber !== null && typeof v.docNumber !== 'string')
    errors.push('source.docNumber 必须是字符串或 null');
  if (v.published !== null && !isIsoDate(v.published))
    errors.push('source.published 必须是 YYYY-MM-DD 日期或 null');
  if (v.url !== null && typeof v.url !== 'string') errors.push('source.url 必须是字符串或 null');
  if (!CONFIDENCES.includes(v.confidence as CalendarConfidence))
    errors.push('source.confidence 必须是 "V-3P" 或 "M"');
  if (
    v.notes !== undefined &&
    !(Array.isArray(v.notes) && v.notes.every((n: unknown) => typeof n === 'string'))
  )
    errors.push('source.notes 必须是字符串数组');
  if (errors.length > before) return null;
  const src: CalendarSource = {
    title: v.title as string,
    docNumber: v.docNumber as string | null,
    published: v.published as string | null,
    url: v.url as string | null,
    confidence: v.confidence as CalendarConfidence,
  };
  if (Array.isArray(v.notes)) src.notes = v.notes as string[];
  return src;
}

function validateHoliday(v: unknown, i: number, errors: string[]): CalendarHoliday | null {
  const where = `holidays[${i}]`;
  if (!isRecord(v)) {
    errors.push(`${where} 必须是对象`);
    return null;
  }
  const before = errors.length;
  unknownKeys(v, ['name', 'off', 'makeupWorkdays'], `${where}.`, errors);
  const name = typeof v.name === 'string' && v.name.trim() !== '' ? v.name : null;
  if (!name) errors.push(`${where}.name（节日名称）不能为空`);
  const label = name ?? where;
  const off = dateList(v.off, `“${label}”的 off（放假日期）`, errors);
  const makeup = dateList(v.makeupWorkdays, `“${label}”的 makeupWorkdays（调休上班日期）`, errors);
  if (off && off.length === 0) errors.push(`“${label}”没有放假日期`);
  if (errors.length > before || !name || !off || !makeup) return null;
  return { name, off, makeupWorkdays: makeup };
}

function dateList(v: unknown, what: string, errors: string[]): string[] | null {
  if (!Array.isArray(v)) {
    errors.push(`${what} 必须是日期数组`);
    return null;
  }
  const bad = v.filter((d) => !isIsoDate(d));
  if (bad.length > 0) {
    errors.push(`${what} 含无效日期：${bad.map((d) => String(d)).join('、')}（应为 YYYY-MM-DD）`);
    return null;
  }
  return v as string[];
}

import y2019 from './data/2019.json';
import y2020 from './data/2020.json';
import y2021 from './data/2021.json';
import y2022 from './data/2022.json';
import y2023 from './data/2023.json';
import y2024 from './data/2024.json';
import y2025 from './data/2025.json';
import y2026 from './data/2026.json';
import type { CalendarYear } from './types';
import { validateCalendarYear } from './validate';

const RAW: readonly unknown[] = [y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026];

/**
 * The holiday notices shipped with Gongkai (2019–2026). Run through the same validator as uploads so the
 * JSON is typed and a broken file fails loudly at start-up rather than skewing deadlines.
 */
export function loadBuiltinCalendarYears(): CalendarYear[] {
  return RAW.map((raw) => {
    const r = validateCalendarYear(raw);
    if (!r.ok) throw new Error(`内置节假日数据有误：${r.errors.join('；')}`);
    return r.value;
  });
}

// One year's State Council holiday notice as data (REGULATIONS §7.1: the calendar must be data-driven, CAL-6).

/** V-3P: checked against a third-party reproduction; M: from memory, not verified (REGULATIONS tag meanings). */
export const CALENDAR_CONFIDENCE_LABELS = {
  'V-3P': '已与第三方转载核对',
  M: '凭记忆录入，未核对原文',
};
export type CalendarConfidence = keyof typeof CALENDAR_CONFIDENCE_LABELS;

export interface CalendarSource {
  title: string;
  docNumber: string | null;
  published: string | null;
  url: string | null;
  confidence: CalendarConfidence;
  /** Later amendments folded into the data (e.g. 2020 春节 extension). */
  notes?: string[];
}

export interface CalendarHoliday {
  name: string;
  /** 放假 days, including weekend days inside the holiday block. */
  off: string[];
  /** Saturdays/Sundays declared 上班 (调休). */
  makeupWorkdays: string[];
}

export interface CalendarYear {
  year: number;
  source: CalendarSource;
  holidays: CalendarHoliday[];
}

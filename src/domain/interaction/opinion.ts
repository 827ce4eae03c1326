// 舆情 rules (issue 11 part 6; seed 001 "建立健全政务舆情收集、会商、研判、回应、评估机制"): the three levels, the
// response deadline by level counted in clock hours from when the event was found, and the overdue flag.
// Defaults (a setting, `interaction.opinionResponseHours`): 重大 24 h and 较大 48 h after 国办发〔2016〕61号
// (重大突发事件的政务舆情最迟 24 小时内回应; 引发广泛关注的 48 小时内); 一般 72 h [I].
import { codesOf } from '../codes';

export const OPINION_LEVEL_LABELS = { general: '一般', major: '较大', grave: '重大' } as const;
export type OpinionLevel = keyof typeof OPINION_LEVEL_LABELS;
export const OPINION_LEVELS = codesOf(OPINION_LEVEL_LABELS);

export const OPINION_STATUS_LABELS = { open: '待回应', responded: '已回应', closed: '已评估办结' } as const;
export type OpinionStatus = keyof typeof OPINION_STATUS_LABELS;
export const OPINION_STATUSES = codesOf(OPINION_STATUS_LABELS);

export type ResponseHours = Record<OpinionLevel, number>;
export const DEFAULT_RESPONSE_HOURS: ResponseHours = { grave: 24, major: 48, general: 72 };

/** The setting when it is whole and sane (1..720 h per level), else the defaults. */
export function responseHoursOf(setting: unknown): ResponseHours {
  if (!setting || typeof setting !== 'object') return DEFAULT_RESPONSE_HOURS;
  const s = setting as Record<string, unknown>;
  const ok = OPINION_LEVELS.every(
    (l) => Number.isInteger(s[l]) && (s[l] as number) > 0 && (s[l] as number) <= 720,
  );
  return ok
    ? { grave: s.grave as number, major: s.major as number, general: s.general as number }
    : DEFAULT_RESPONSE_HOURS;
}

/** The instant a response is due: found + hours of its level. */
export function responseDue(
  foundAt: Date,
  level: OpinionLevel,
  hours: ResponseHours = DEFAULT_RESPONSE_HOURS,
): Date {
  return new Date(foundAt.getTime() + hours[level] * 3600_000);
}

/** Still without a response after its due instant. */
export function opinionOverdue(status: OpinionStatus, due: Date, now: Date): boolean {
  return status === 'open' && now.getTime() > due.getTime();
}

/** A response after the due instant is recorded as late, never refused. */
export function respondedOnTime(due: Date, respondedAt: Date): boolean {
  return respondedAt.getTime() <= due.getTime();
}

export const OPINION_ACTION_LABELS = { respond: '发布回应', evaluate: '回应评估' } as const;
export type OpinionAction = keyof typeof OPINION_ACTION_LABELS;

export function opinionActions(status: OpinionStatus): OpinionAction[] {
  if (status === 'open') return ['respond'];
  if (status === 'responded') return ['evaluate'];
  return [];
}

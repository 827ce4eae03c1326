// Receipt date of an application: 条例 Art. 31 (REGULATIONS §1.2, APP-2).
import { dayNumber, isIsoDate } from '../calendar/dates';

export const SUBMISSION_CHANNEL_LABELS = {
  in_person: '当面提交',
  registered_mail: '邮寄（需签收）',
  ordinary_mail: '平常信函',
  online: '网上申请',
  fax: '传真',
  email: '电子邮件',
  oral: '口头申请',
} as const;
export type SubmissionChannel = keyof typeof SUBMISSION_CHANNEL_LABELS;

export interface ReceiptRecord {
  channel: SubmissionChannel;
  /** in_person / oral: day the application was handed in or made orally. */
  handedInOn?: string | null;
  /** registered_mail: day the agency signed for the letter. */
  signedForOn?: string | null;
  /** ordinary_mail: day the letter arrived. */
  arrivedOn?: string | null;
  /** ordinary_mail, online, fax, email: day of confirmation with the applicant (双方确认之日). */
  confirmedOn?: string | null;
  /** online, fax, email: day the system received the submission (informative only since 2019). */
  submittedOn?: string | null;
}

export type ReceiptResult =
  | {
      ok: true;
      date: string;
      rule: string;
      /** 平信 confirmed after the day it arrived: still a receipt date, but a lapse to flag (Art. 31(二)). */
      lateConfirmation?: { arrivedOn: string; confirmedOn: string; daysLate: number };
    }
  | { ok: false; error: string };

/**
 * Receipt date under Art. 31. Oral applications are taken down by the 工作机构 in person (Art. 29), so they
 * follow the in-person rule [I]. Email counts as an internet channel. `today` is the caller's clock.
 */
export function determineReceiptDate(rec: ReceiptRecord, today: string): ReceiptResult {
  const need = (v: string | null | undefined, what: string): ReceiptResult | string => {
    if (v === null || v === undefined || v === '')
      return { ok: false, error: `${SUBMISSION_CHANNEL_LABELS[rec.channel]}须记录${what}` };
    if (!isIsoDate(v)) return { ok: false, error: `${what}“${v}”不是有效日期（应为 YYYY-MM-DD）` };
    if (dayNumber(v) > dayNumber(today))
      return { ok: false, error: `${what} ${v} 晚于今天（${today}），不能作为收到申请日期` };
    return v;
  };

  switch (rec.channel) {
    case 'in_person':
    case 'oral': {
      const d = need(rec.handedInOn, '提交日期');
      if (typeof d !== 'string') return d;
      return { ok: true, date: d, rule: '当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）' };
    }
    case 'registered_mail': {
      const d = need(rec.signedForOn, '签收日期');
      if (typeof d !== 'string') return d;
      return {
        ok: true,
        date: d,
        rule: '邮寄提交的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）',
      };
    }
    case 'ordinary_mail': {
      const arrived = need(rec.arrivedOn, '信函到达日期');
      if (typeof arrived !== 'string') return arrived;
      if (!rec.confirmedOn) {
        return {
          ok: false,
          error: '平常信函须在收到当日与申请人确认，未记录确认日期（条例第三十一条第（二）项）',
        };
      }
      const confirmed = need(rec.confirmedOn, '确认日期');
      if (typeof confirmed !== 'string') return confirmed;
      const daysLate = dayNumber(confirmed) - dayNumber(arrived);
      if (daysLate < 0) {
        return { ok: false, error: `确认日期 ${confirmed} 早于信函到达日期 ${arrived}` };
      }
      const rule = '平常信函以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）';
      if (daysLate === 0) return { ok: true, date: confirmed, rule };
      // The office should confirm the day the letter arrives; a late confirmation is its own lapse, but the
      // 条例 still makes the confirmation day the receipt date, so the application is taken, not refused.
      return {
        ok: true,
        date: confirmed,
        rule: `${rule}；未在信函到达当日（${arrived}）确认，晚 ${daysLate} 天确认`,
        lateConfirmation: { arrivedOn: arrived, confirmedOn: confirmed, daysLate },
      };
    }
    case 'online':
    case 'fax':
    case 'email': {
      if (!rec.confirmedOn) {
        return {
          ok: false,
          error: `${SUBMISSION_CHANNEL_LABELS[rec.channel]}以双方确认之日为收到申请之日，尚未记录确认日期（条例第三十一条第（三）项）`,
        };
      }
      const confirmed = need(rec.confirmedOn, '双方确认日期');
      if (typeof confirmed !== 'string') return confirmed;
      if (rec.submittedOn) {
        const submitted = need(rec.submittedOn, '提交日期');
        if (typeof submitted !== 'string') return submitted;
        if (dayNumber(confirmed) < dayNumber(submitted)) {
          return { ok: false, error: `双方确认日期 ${confirmed} 早于提交日期 ${submitted}` };
        }
      }
      return {
        ok: true,
        date: confirmed,
        rule: '通过互联网渠道或传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）',
      };
    }
  }
}

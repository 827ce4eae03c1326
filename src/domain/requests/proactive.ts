// 依申请转主动公开 (条例第四十四条, REGULATIONS.md §1.1): information released on application that others may need
// is made public by the agency. What goes public is a de-identified copy of the application's subject and the reply,
// masked as published letters are (interaction/letter.ts): every personal-data finding, names included, long
// numbers and house numbers, and the applicant's own name, ID number, phone, e-mail, address and contact person
// wherever they occur. The copy is then a draft item that goes through the office's review before it is public.
import { maskLetterText } from '../interaction/letter';
import { escapeHtml } from '../text/html';
import type { OutcomeCode } from './outcomes';

/** Outcomes that released information (予以公开, 部分公开): only those can be made public for everyone. */
export const PROACTIVE_OUTCOMES: readonly OutcomeCode[] = ['r1', 'r2'];

export const PROACTIVE_TITLE_MAX = 200;

export interface ProactiveSource {
  closed: boolean;
  outcome: OutcomeCode | null;
  description: string;
  replyText: string | null;
  applicant: {
    name: string;
    idNumber: string;
    phone: string;
    email: string | null;
    address: string | null;
    contactPerson: string | null;
  };
}

export type ProactiveCopy =
  | { ok: true; title: string; bodyHtml: string; masked: number }
  | { ok: false; reasons: string[] };

export function proactiveCopy(c: ProactiveSource): ProactiveCopy {
  const reasons: string[] = [];
  if (!c.closed || !c.outcome) reasons.push('申请尚未答复办结，不能转为主动公开');
  else if (!PROACTIVE_OUTCOMES.includes(c.outcome))
    reasons.push('只有予以公开或部分公开的申请才能转为主动公开');
  if (!c.replyText?.trim()) reasons.push('答复内容为空，没有可公开的内容');
  if (reasons.length) return { ok: false, reasons };
  const a = c.applicant;
  const writer = {
    writerName: a.name,
    writerPhone: a.phone,
    writerIdNo: a.idNumber,
    writerOther: [a.email, a.address, a.contactPerson],
  };
  const subject = maskLetterText(c.description.trim(), writer);
  const reply = maskLetterText(c.replyText!.trim(), writer);
  const title = `关于${subject.text}的公开信息（依申请转主动公开）`;
  const paragraphs = reply.text.split(/\n+/).filter((p) => p.trim() !== '');
  return {
    ok: true,
    title: title.length > PROACTIVE_TITLE_MAX ? `${title.slice(0, PROACTIVE_TITLE_MAX - 1)}…` : title,
    bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    masked: subject.masked + reply.masked,
  };
}

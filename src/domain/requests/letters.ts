// Letters of a disclosure application: reply letters per outcome family and the procedural notices (REGULATIONS
// §1.2, §2.3, §3, §8). Pure: returns the letter's text; the server renders it to .docx.
import { CONSULTATION_WORKING_DAYS } from './clock';
import {
  LEGAL_BASIS_LABELS,
  type LegalBasisCode,
  OUTCOME_FAMILY_LABELS,
  OUTCOME_LABELS,
  type OutcomeCode,
  type OutcomeFamily,
  outcomeFamily,
} from './outcomes';

export type ReplyLetterKind =
  | 'reply_disclosed'
  | 'reply_partial'
  | 'reply_withheld'
  | 'reply_unavailable'
  | 'reply_not_processed'
  | 'reply_other';
export type NoticeLetterKind = 'correction' | 'extension' | 'third_party' | 'fee';
export type LetterKind = ReplyLetterKind | NoticeLetterKind;

export const LETTER_KINDS: readonly LetterKind[] = [
  'reply_disclosed',
  'reply_partial',
  'reply_withheld',
  'reply_unavailable',
  'reply_not_processed',
  'reply_other',
  'correction',
  'extension',
  'third_party',
  'fee',
];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  reply_disclosed: '政府信息公开申请答复书（予以公开）',
  reply_partial: '政府信息公开申请答复书（部分公开）',
  reply_withheld: '政府信息公开申请答复书（不予公开）',
  reply_unavailable: '政府信息公开申请答复书（无法提供）',
  reply_not_processed: '政府信息公开申请答复书（不予处理）',
  reply_other: '政府信息公开申请处理决定书（其他处理）',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  third_party: '政府信息公开第三方意见征求函',
  fee: '政府信息公开信息处理费收费通知',
};

const FAMILY_LETTER: Record<OutcomeFamily, ReplyLetterKind> = {
  disclosed: 'reply_disclosed',
  partial: 'reply_partial',
  withheld: 'reply_withheld',
  unavailable: 'reply_unavailable',
  not_processed: 'reply_not_processed',
  other: 'reply_other',
};

export function replyLetterKind(outcome: OutcomeCode): ReplyLetterKind {
  return FAMILY_LETTER[outcomeFamily(outcome)];
}

export function isReplyLetter(kind: LetterKind): kind is ReplyLetterKind {
  return kind.startsWith('reply_');
}

/**
 * Remedy periods printed in every reply letter (REGULATIONS §8, [M]): 行政复议 within 60 days (行政复议法 §20),
 * 行政诉讼 within 6 months (行政诉讼法 §46). Settings with these defaults.
 */
export interface RemedySettings {
  reconsiderationDays: number;
  litigationMonths: number;
  reconsiderationBody: string;
  court: string;
}
export const DEFAULT_REMEDY_SETTINGS: RemedySettings = {
  reconsiderationDays: 60,
  litigationMonths: 6,
  reconsiderationBody: '本级人民政府',
  court: '有管辖权的人民法院',
};

export interface LetterCase {
  caseNo: string;
  unitName: string;
  applicantName: string;
  /** A natural person is addressed 您, an organisation 贵单位. */
  applicantIsPerson: boolean;
  /** Who handles the case (the letter names them under the signature), when known. */
  handler?: string | null;
  receivedOn: string;
  description: string;
  replyDue: string | null;
  /** Set once the case is closed. */
  outcome: OutcomeCode | null;
  legalBasis: LegalBasisCode | null;
  replyText: string | null;
  hasExtension: boolean;
  extension: { days: number; approvedBy: string; notifiedOn: string; newDue: string | null } | null;
  correction: { requestedOn: string; correctBy: string | null; missing: string | null } | null;
  thirdParty: { startedOn: string; answerDue: string; party: string | null } | null;
  fee: { method: string; amount: number; payBy: string } | null;
}

export interface LetterContent {
  title: string;
  /** 文号-like reference line. */
  reference: string;
  addressee: string;
  paragraphs: string[];
  signature: string;
  date: string;
}

/** Chinese reason why `kind` may not be issued for the case on `date`, else null. */
export function checkLetter(kind: LetterKind, c: LetterCase, date: string): string | null {
  if (isReplyLetter(kind)) {
    if (!c.outcome) return '尚未作出答复（未选择办理结果），不能生成答复书';
    const expected = replyLetterKind(c.outcome);
    if (expected !== kind) {
      return `答复书类型“${LETTER_KIND_LABELS[kind]}”与办理结果“${OUTCOME_LABELS[c.outcome]}”（${OUTCOME_FAMILY_LABELS[outcomeFamily(c.outcome)]}）不符，应为“${LETTER_KIND_LABELS[expected]}”`;
    }
    if (c.replyDue && date > c.replyDue && !c.hasExtension) {
      return `答复日期 ${date} 晚于答复期限 ${c.replyDue}，且未依法延期（条例第三十三条）`;
    }
    return null;
  }
  switch (kind) {
    case 'correction':
      return c.correction ? null : '本申请未发出补正告知，不能生成补正告知书';
    case 'extension':
      return c.extension ? null : '本申请未经批准延期，不能生成延期答复告知书';
    case 'third_party':
      return c.thirdParty ? null : '本申请未征求第三方意见，不能生成第三方意见征求函';
    case 'fee':
      return c.fee ? null : '本申请未发出收费通知，不能生成收费通知';
  }
}

/** Quoted text without its own closing punctuation, so a sentence never reads 。”。 */
function quote(s: string): string {
  return `“${s.trim().replace(/[。．.！!？?；;，,、\s]+$/u, '')}”`;
}

function cn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The text of a letter; call checkLetter first. */
export function letterContent(
  kind: LetterKind,
  c: LetterCase,
  date: string,
  remedy: RemedySettings = DEFAULT_REMEDY_SETTINGS,
): LetterContent {
  const head = `${c.applicantName}：`;
  const you = c.applicantIsPerson ? '您' : '贵单位';
  const received = `本机关于${cn(c.receivedOn)}收到${you}提出的政府信息公开申请，申请获取${quote(c.description)}。`;
  const remedyText = `如对本答复不服，可以在收到本答复之日起${remedy.reconsiderationDays}日内向${remedy.reconsiderationBody}申请行政复议，或者在${remedy.litigationMonths}个月内向${remedy.court}提起行政诉讼。`;
  const paragraphs: string[] = [];
  if (isReplyLetter(kind) && c.outcome) {
    paragraphs.push(received);
    const basis = c.legalBasis
      ? `根据《中华人民共和国政府信息公开条例》${LEGAL_BASIS_LABELS[c.legalBasis].replace(/^条例/, '')}的规定，`
      : '';
    const family = outcomeFamily(c.outcome);
    const decision: Record<OutcomeFamily, string> = {
      disclosed: `本机关决定予以公开，现将相关政府信息提供给${you}。`,
      partial: `${you}申请的信息中含有不应当公开的内容，但能够作区分处理，本机关决定部分公开：可以公开的部分提供给${you}，不予公开的部分已作区分处理。`,
      withheld: `${you}申请的信息属于${quote(OUTCOME_LABELS[c.outcome].replace(/^\d+\./, ''))}的情形，本机关决定不予公开。`,
      unavailable: `经查，${OUTCOME_LABELS[c.outcome].replace(/^\d+\./, '')}，本机关无法提供。`,
      not_processed: `${you}的申请属于${quote(OUTCOME_LABELS[c.outcome].replace(/^\d+\./, ''))}的情形，本机关不予处理。`,
      other: `${OUTCOME_LABELS[c.outcome].replace(/^\d+\./, '')}。`,
    };
    paragraphs.push(`${basis}${decision[family]}`);
    if (c.replyText) paragraphs.push(c.replyText);
    paragraphs.push(remedyText);
  } else if (kind === 'correction' && c.correction) {
    paragraphs.push(received);
    paragraphs.push(
      `经审查，${you}的申请内容不明确${c.correction.missing ? `（${c.correction.missing.trim().replace(/[。.；;，,]+$/u, '')}）` : ''}。根据《中华人民共和国政府信息公开条例》第三十条的规定，请${you}${c.correction.correctBy ? `于${cn(c.correction.correctBy)}前` : '在合理期限内'}作出补正，说明需要获取的政府信息的名称、文号或者便于查询的其他特征性描述。`,
    );
    paragraphs.push(
      '答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    );
  } else if (kind === 'extension' && c.extension) {
    paragraphs.push(received);
    paragraphs.push(
      `因需要延长答复期限，经本机关政府信息公开工作机构负责人（${c.extension.approvedBy}）同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${c.extension.days}个工作日${c.extension.newDue ? `，本机关将于${cn(c.extension.newDue)}前作出答复` : ''}。`,
    );
  } else if (kind === 'third_party' && c.thirdParty) {
    paragraphs.push(
      `本机关收到政府信息公开申请（编号${c.caseNo}），申请获取${quote(c.description)}。该信息公开可能损害您（单位）的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您（单位）的意见。`,
    );
    paragraphs.push(
      `请您（单位）自收到本函之日起${CONSULTATION_WORKING_DAYS}个工作日内（${cn(c.thirdParty.answerDue)}前）提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知第三方。`,
    );
  } else if (kind === 'fee' && c.fee) {
    paragraphs.push(received);
    paragraphs.push(
      `根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${you}的申请需缴纳信息处理费${c.fee.amount}元（${c.fee.method}）。请于${cn(c.fee.payBy)}前缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    );
    paragraphs.push('自发出收费通知之日起至申请人缴纳费用之日止的期间，不计算在答复期限内。');
  }
  return {
    title: LETTER_KIND_LABELS[kind],
    reference: `申请编号：${c.caseNo}`,
    addressee: kind === 'third_party' ? `${c.thirdParty?.party ?? '第三方'}：` : head,
    paragraphs: c.handler ? [...paragraphs, `经办人：${c.handler}`] : paragraphs,
    signature: c.unitName,
    date: cn(date),
  };
}

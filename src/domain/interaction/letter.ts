// 信箱 rules (issue 11 part 4): the 区长信箱 and unit mailboxes, letter types, statuses and the actions each allows,
// the reply clock (default 15 working days on the platform calendar, a setting), late replies recorded as late, reply
// review when the unit requires it, transfers without loops (the consultation rule), and publication: only with the
// writer's consent, after a reply, masked (personal data never published raw) and blocked by a sensitive word.
import type { WorkingDayCalendar } from '../calendar';
import { addDays } from '../calendar/dates';
import { codesOf } from '../codes';
import { ADDRESS_STARS } from '../privacy/address';
import { maskName, maskPersonalData } from '../privacy/mask';
import { runChecks } from '../review/checks';
import { maskAll } from '../review/mask';
import { type Finding, PERSONAL_DATA_KINDS } from '../review/types';
import { textLikeness } from '../text/likeness';
import { answerDue } from './consultation';
import shipped from './sensitive-words.json' with { type: 'json' };

export { replyOnTime, transferRefusal } from './consultation';

export const MAILBOX_KIND_LABELS = { head: '区长信箱', unit: '部门信箱' } as const;
export type MailboxKind = keyof typeof MAILBOX_KIND_LABELS;
export const MAILBOX_KINDS = codesOf(MAILBOX_KIND_LABELS);

export const LETTER_TYPE_LABELS = {
  consult: '咨询',
  suggestion: '建议',
  complaint: '投诉',
  help: '求助',
  other: '其他',
} as const;
export type LetterType = keyof typeof LETTER_TYPE_LABELS;
export const LETTER_TYPES = codesOf(LETTER_TYPE_LABELS);

export const LETTER_STATUS_LABELS = {
  open: '办理中',
  reviewing: '答复待审核',
  replied: '已答复',
} as const;
export type LetterStatus = keyof typeof LETTER_STATUS_LABELS;
export const LETTER_STATUSES = codesOf(LETTER_STATUS_LABELS);

export const LETTER_ACTION_LABELS = {
  transfer: '转办',
  reply: '答复',
  approve: '审核通过',
  return: '退回修改',
  publish: '公开',
  unpublish: '取消公开',
} as const;
export type LetterAction = keyof typeof LETTER_ACTION_LABELS;
export const LETTER_ACTIONS = codesOf(LETTER_ACTION_LABELS);

/** Default reply period (issue 11 part 4: 15 working days); a setting (`interaction.letterDays`). */
export const DEFAULT_LETTER_DAYS = 15;

export const SUBJECT_MAX = 100;
export const LETTER_BODY_MAX = 5000;

/** Due date: the consultation clock (working days after receipt) with the letters' period. */
export const letterDue = (cal: WorkingDayCalendar, receivedOn: string, days = DEFAULT_LETTER_DAYS): string =>
  answerDue(cal, receivedOn, days);

/** Not yet replied past its due date (the due date itself is still on time; a reply under review still counts). */
export function letterOverdue(status: LetterStatus, due: string, asOf: string): boolean {
  return status !== 'replied' && asOf > due;
}

/**
 * The actions on a letter in `status`. Review actions only while a reply waits for review; publication only of a
 * replied letter the writer agreed to publish.
 */
export function letterActions(
  status: LetterStatus,
  o: { consent: boolean; published: boolean },
): LetterAction[] {
  if (status === 'open') return ['transfer', 'reply'];
  if (status === 'reviewing') return ['approve', 'return'];
  if (!o.consent) return [];
  return o.published ? ['unpublish'] : ['publish'];
}

/** A reply goes to review first when the holding unit's mailbox asks for it. */
export const replyStatus = (reviewRequired: boolean): LetterStatus =>
  reviewRequired ? 'reviewing' : 'replied';

/** The shipped sensitive-word list (a setting replaces it). */
export const SHIPPED_SENSITIVE_WORDS: readonly string[] = shipped.words;

export interface LetterText {
  subject: string;
  body: string;
  reply: string | null;
  /** The writer's own data: replaced wherever they occur, whether or not a pattern recognises them. */
  writerName: string | null;
  writerPhone: string | null;
  writerIdNo: string | null;
  /** More of the writer's own data (an address, an e-mail, a contact person): each replaced wherever it occurs. */
  writerOther?: readonly (string | null)[];
}

export type Publication =
  | { ok: true; subject: string; body: string; reply: string; masked: number }
  | { ok: false; reasons: string[] };

/** Runs of 7 or more digits left after the rules above (account, licence or ID numbers with typos). */
const LONG_NUMBER = /(?<![0-9*])[0-9]{7,}(?![0-9])/g;
const HOUSE_NUMBER = /(?:[0-9０-９]+(?:-[0-9０-９]+)?(?:号院|号楼|号|栋|幢|单元|室|弄|组|户|楼))+/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every personal-data finding masked (names too: a published letter names no one), then the writer's own data. */
export function maskLetterText(text: string, writer: Omit<LetterText, 'subject' | 'body' | 'reply'>) {
  let count = 0;
  // The writer's other data first: the patterns below would mask only part of an address (its house number), and
  // the rest would then no longer match it.
  for (const value of writer.writerOther ?? []) {
    const v = value?.trim();
    if (!v || v.length < 2) continue;
    text = text.replace(new RegExp(escapeRe(v), 'g'), () => {
      count++;
      return `${v.slice(0, 1)}${'*'.repeat(v.length - 1)}`;
    });
  }
  const found: Finding[] = runChecks(text)
    .filter((f) => PERSONAL_DATA_KINDS.includes(f.kind))
    .map((f) => (f.kind === 'personal_name' ? { ...f, masked: maskName(f.text) } : f));
  count += found.length;
  // House numbers (a letter gives its writer's address without a name next to it): hidden in the address style
  // (domain/privacy/address.ts). The street stays: in free text a letter's subject is often the street itself.
  // Then every ID-like or phone-like number, valid check digit or not (a typo does not make it public).
  let out = maskPersonalData(maskAll(text, found))
    .replace(LONG_NUMBER, (m) => {
      count++;
      return `${m.slice(0, 1)}${'*'.repeat(m.length - 2)}${m.slice(-1)}`;
    })
    .replace(HOUSE_NUMBER, () => {
      count++;
      return ADDRESS_STARS;
    });
  const own: [string | null, (s: string) => string][] = [
    [writer.writerIdNo, (s) => `${s.slice(0, 1)}${'*'.repeat(Math.max(0, s.length - 2))}${s.slice(-1)}`],
    [writer.writerPhone, (s) => `${s.slice(0, 3)}${'*'.repeat(Math.max(0, s.length - 5))}${s.slice(-2)}`],
    [writer.writerName, maskName],
  ];
  for (const [value, mask] of own) {
    const v = value?.trim();
    if (!v || v.length < 2) continue;
    const re = new RegExp(escapeRe(v), 'g');
    out = out.replace(re, () => {
      count++;
      return mask(v);
    });
  }
  return { text: out, masked: count };
}

/** What a writer may put into a word to slip it past a literal match: width, case, spaces and filler marks. */
const squeeze = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff·•.,，、。\-_*~|/\\'"“”‘’]/g, '');

/**
 * Sensitive words in `text`, each once, in the list's order: found also when written in full-width characters, in
 * another case, or padded with spaces or marks between its characters (办 证 刻 章, ＡＢＣ).
 */
export function sensitiveHits(text: string, words: readonly string[]): string[] {
  const plain = squeeze(text);
  return [...new Set(words)].filter((w) => {
    const k = squeeze(w);
    return k.length > 0 && plain.includes(k);
  });
}

/** Letters of one writer this alike (textLikeness of the bodies) within the window are one case. */
export const LETTER_REPEAT_LIKENESS = 0.8;
/** The default window, in calendar days (setting `interaction.letterRepeatDays`). */
export const LETTER_REPEAT_DAYS = 30;

/**
 * The earlier unreplied letter of the same writer a new body repeats (the most alike at or above
 * LETTER_REPEAT_LIKENESS, received within `days` before `asOf`), or null: the new letter is linked to it.
 */
export function repeatedLetter<T extends { body: string; receivedOn: string }>(
  body: string,
  earlier: readonly T[],
  asOf: string,
  days: number = LETTER_REPEAT_DAYS,
): T | null {
  const from = addDays(asOf, -days);
  let best: { l: T; score: number } | null = null;
  for (const l of earlier) {
    if (l.receivedOn < from) continue;
    const score = textLikeness(body, l.body);
    if (score >= LETTER_REPEAT_LIKENESS && (!best || score > best.score)) best = { l, score };
  }
  return best?.l ?? null;
}

/**
 * What may be published of a letter and its reply: refused without consent or reply, refused with the officer's
 * reason when a sensitive word is found, otherwise the masked subject, body and reply.
 */
export function publicationOf(
  letter: LetterText & { consent: boolean; status: LetterStatus },
  words: readonly string[] = SHIPPED_SENSITIVE_WORDS,
): Publication {
  const reasons: string[] = [];
  if (!letter.consent) reasons.push('写信人未同意公开，不能公开');
  if (letter.status !== 'replied' || !letter.reply) reasons.push('信件尚未答复（或答复待审核），不能公开');
  const parts = [
    ['标题', letter.subject],
    ['来信内容', letter.body],
    ['答复', letter.reply ?? ''],
  ] as const;
  for (const [where, text] of parts) {
    const hits = sensitiveHits(text, words);
    if (hits.length) reasons.push(`${where}含有敏感词“${hits.join('”“')}”，不予选登公开`);
  }
  if (reasons.length) return { ok: false, reasons };
  const [s, b, r] = parts.map(([, text]) => maskLetterText(text, letter));
  return {
    ok: true,
    subject: s!.text,
    body: b!.text,
    reply: r!.text,
    masked: s!.masked + b!.masked + r!.masked,
  };
}

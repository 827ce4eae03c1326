// The item form's values and their conversion to and from the API (contracts/disclosure.ts).
import type { ItemDetail, ItemInput } from '../../../contracts/disclosure';
import { chinaMinute } from '../../time';
import { toBodyHtml } from './shared';

export interface FormValues {
  kind: ItemInput['kind'];
  /** 发布单位 of a new draft (the office may draft for any unit). */
  unitId?: string;
  title: string;
  columnId?: string | null;
  art20?: string | null;
  docNumber?: string;
  writtenDate?: string;
  topic?: string;
  summary?: string;
  body?: string;
  publishAt?: string;
  validity?: 'in_force' | 'expired' | 'repealed';
  effectiveDate?: string;
  expiryDate?: string;
  repealedDate?: string;
  repealedById?: string | null;
  replacedById?: string | null;
  policyRootId?: string | null;
  interpretationForm?: 'text' | 'graphic' | 'video' | 'qa';
  needsInterpretation?: boolean;
}

export const dateRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' };
const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

export function toInput(v: FormValues): ItemInput {
  const at = blank(v.publishAt);
  return {
    kind: v.kind,
    ...(v.unitId ? { unitId: v.unitId } : {}),
    title: v.title,
    columnId: v.columnId ?? null,
    art20: v.art20 ?? null,
    docNumber: blank(v.docNumber),
    writtenDate: blank(v.writtenDate),
    topic: blank(v.topic),
    summary: v.summary ?? '',
    bodyHtml: toBodyHtml(v.body ?? ''),
    // "2026-03-05 09:00" is China time.
    publishAt: at ? `${at.replace(' ', 'T')}:00+08:00` : null,
    validity: v.kind === 'normative' ? (v.validity ?? 'in_force') : null,
    effectiveDate: blank(v.effectiveDate),
    expiryDate: blank(v.expiryDate),
    repealedDate: blank(v.repealedDate),
    repealedById: v.kind === 'normative' ? (v.repealedById ?? null) : null,
    replacedById: v.kind === 'normative' ? (v.replacedById ?? null) : null,
    policyRootId: v.kind === 'interpretation' ? (v.policyRootId ?? null) : null,
    interpretationForm: v.kind === 'interpretation' ? (v.interpretationForm ?? 'text') : null,
    needsInterpretation: v.needsInterpretation ?? false,
  };
}

export function chinaTime(iso: string | null): string {
  return iso ? chinaMinute(iso) : '';
}

/** The form's values for an item as the server returned it. */
export function fromDetail(d: ItemDetail): FormValues {
  return {
    kind: d.kind,
    title: d.title,
    columnId: d.columnId,
    art20: d.art20,
    docNumber: d.docNumber ?? '',
    writtenDate: d.writtenDate ?? '',
    topic: d.topic ?? '',
    summary: d.summary,
    // A legacy plain-text body is shown as paragraphs; after a mask the editor shows the masked body.
    body: toBodyHtml(d.bodyHtml),
    publishAt: chinaTime(d.publishAt),
    validity: d.validity ?? undefined,
    effectiveDate: d.effectiveDate ?? '',
    expiryDate: d.expiryDate ?? '',
    repealedDate: d.repealedDate ?? '',
    repealedById: d.repealedById,
    replacedById: d.replacedById,
    policyRootId: d.policyRootId,
    interpretationForm: d.interpretationForm ?? undefined,
    needsInterpretation: d.needsInterpretation,
  };
}

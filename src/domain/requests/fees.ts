// 信息处理费 under 国办函〔2020〕109号 (REGULATIONS §3, §9.3). Amounts are whole yuan.
import { monthOf } from '../calendar/dates';

/** 按件计收 (per application) or 按量计收 (per page); one method per application (109号 Art. 3, FEE-5). */
export const FEE_METHOD_LABELS = {
  per_piece: '按件计收',
  per_volume: '按量计收',
};
export type FeeMethod = keyof typeof FEE_METHOD_LABELS;

function assertNonNegativeInt(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}必须是非负整数：${n}`);
}

/**
 * 按件计收: fee for the applicant's k-th application in one natural month (FEE-1).
 * 1–10 free; 11–30 100 元; from 31 on +100 元 per band of ten (31–40 200, 41–50 300, …). REGULATIONS §3.
 */
export function pieceFee(k: number): number {
  assertNonNegativeInt(k, '当月申请序号');
  if (k < 1) throw new RangeError('当月申请序号从 1 开始');
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 * (2 + Math.floor((k - 31) / 10));
}

/** Total 按件 fees for n applications in one natural month (FEE-2: 35 → 3000). */
export function monthPieceTotal(n: number): number {
  assertNonNegativeInt(n, '当月申请件数');
  let total = 0;
  for (let k = 1; k <= n; k++) total += pieceFee(k);
  return total;
}

/** Progressive page bands of 按量计收: [first page of band, last page or Infinity, yuan per page]. */
const PAGE_BANDS: readonly (readonly [number, number, number])[] = [
  [1, 30, 0],
  [31, 100, 10],
  [101, 200, 20],
  [201, Number.POSITIVE_INFINITY, 40],
];

/** 按量计收 for one application of `pages` pages, progressive (FEE-4: 31 → 10, 100 → 700, 250 → 4700). */
export function pagesFee(pages: number): number {
  assertNonNegativeInt(pages, '页数');
  let total = 0;
  for (const [from, to, rate] of PAGE_BANDS) {
    if (pages < from) break;
    total += (Math.min(pages, to) - from + 1) * rate;
  }
  return total;
}

export interface ApplicationForCount {
  id: string;
  applicantId: string;
  /** The charging unit: the 行政机关 that handles the application and would issue the fee notice. */
  unitId: string;
  /** Receipt date (Art. 31); the natural month is taken from it [I]. */
  receivedOn: string;
}

/**
 * Position k of application `targetId` among the same applicant's applications to the same charging unit in
 * the same natural month, whatever the channel or outcome (FEE-3). The count restarts on the 1st of each month.
 * Same-day applications keep the order in which they are listed. Returns null if the target is not in the list.
 *
 * Reading of 109号 "同一申请人一个自然月内累计申请…件" [I]: the fee is the charging agency's (Art. 42 lets "行政机关"
 * charge for what it handles, and it can only know the applications made to it), so the count is per
 * applicant × charging unit × month: applications the same person makes to other units of the district are
 * not counted. Each registered application is one 件, whatever its handling decision (Art. 4); a submission
 * with several matters split "一事一申请" is registered as several applications and so counts several times.
 */
export function kthApplicationInMonth(
  applications: readonly ApplicationForCount[],
  targetId: string,
): number | null {
  const target = applications.find((a) => a.id === targetId);
  if (!target) return null;
  const month = monthOf(target.receivedOn);
  const targetIndex = applications.indexOf(target);
  let k = 0;
  applications.forEach((a, index) => {
    if (a.applicantId !== target.applicantId || a.unitId !== target.unitId) return;
    if (monthOf(a.receivedOn) !== month) return;
    if (a.receivedOn < target.receivedOn || (a.receivedOn === target.receivedOn && index <= targetIndex))
      k += 1;
  });
  return k;
}

/**
 * FEE-5 guard: an application is charged by one method only. Returns a Chinese error when the recorded
 * fee notices of one application mix 按件 and 按量, else null.
 */
export function checkSingleFeeMethod(methods: readonly FeeMethod[]): string | null {
  const distinct = [...new Set(methods)];
  if (distinct.length <= 1) return null;
  return `同一申请只能选择一种收费方式（按件计收或按量计收），不得同时适用${distinct.map((m) => FEE_METHOD_LABELS[m]).join('和')}（国办函〔2020〕109号）`;
}

export type FeeBasis = { method: 'per_piece'; k: number } | { method: 'per_volume'; pages: number };

/** Fee for one application under the one method chosen for it. */
export function applicationFee(basis: FeeBasis): number {
  return basis.method === 'per_piece' ? pieceFee(basis.k) : pagesFee(basis.pages);
}

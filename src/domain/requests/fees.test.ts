import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import {
  type ApplicationForCount,
  applicationFee,
  checkSingleFeeMethod,
  kthApplicationInMonth,
  monthPieceTotal,
  pagesFee,
  pieceFee,
} from './fees';

describe('FEE-1 pieceFee: k-th application of the natural month (REGULATIONS §3, §9.3)', () => {
  eachReturns(
    pieceFee,
    [
      [1, 0],
      [10, 0],
      [11, 100],
      [30, 100],
      [31, 200],
      [40, 200],
      [41, 300],
      [51, 400],
    ],
    'k = %i → %i 元',
  );
  it.each([[0], [-1], [2.5]])('rejects k = %s', (k) => {
    expect(() => pieceFee(k)).toThrow(RangeError);
  });
});

describe('FEE-2 monthPieceTotal', () => {
  eachReturns(
    monthPieceTotal,
    [
      [0, 0],
      [10, 0],
      [11, 100],
      [30, 2000],
      [35, 3000], // FEE-2: 20 × 100 + 5 × 200
      [41, 2000 + 10 * 200 + 300],
    ],
    '%i applications → %i 元',
  );
});

describe('FEE-4 pagesFee: progressive per-page bands', () => {
  eachReturns(
    pagesFee,
    [
      [0, 0],
      [30, 0],
      [31, 10],
      [100, 700],
      [101, 720],
      [150, 1700],
      [200, 2700],
      [201, 2740],
      [250, 4700],
    ],
    '%i pages → %i 元',
  );
});

describe('FEE-3 kthApplicationInMonth: per applicant, per natural month, across channels', () => {
  const apps: ApplicationForCount[] = [
    { id: 'a1', applicantId: 'p', unitId: 'u', receivedOn: '2026-03-02' },
    { id: 'b1', applicantId: 'q', unitId: 'u', receivedOn: '2026-03-03' },
    { id: 'a2', applicantId: 'p', unitId: 'u', receivedOn: '2026-03-31' },
    { id: 'a3', applicantId: 'p', unitId: 'u', receivedOn: '2026-03-31' },
    { id: 'a4', applicantId: 'p', unitId: 'u', receivedOn: '2026-04-01' },
    { id: 'a5', applicantId: 'p', unitId: 'u', receivedOn: '2026-04-02' },
    { id: 'a0', applicantId: 'p', unitId: 'u', receivedOn: '2026-02-28' },
  ];
  it.each([
    ['first of March', 'a1', 1],
    ['other applicant not counted', 'b1', 1],
    ['same-day order kept', 'a2', 2],
    ['same-day order kept', 'a3', 3],
    ['count resets on the 1st of the next month', 'a4', 1],
    ['second in April', 'a5', 2],
    ['earlier month listed later', 'a0', 1],
  ])('%s: %s → %i', (_name, id, k) => {
    expect(kthApplicationInMonth(apps, id)).toBe(k);
  });
  it('unknown id → null', () => {
    expect(kthApplicationInMonth(apps, 'zz')).toBeNull();
  });
});

// Counted per charging unit: the same applicant's applications to another unit of the district do not count.
describe('按件 count per applicant × charging unit × natural month', () => {
  const at = (id: string, unitId: string, receivedOn: string): ApplicationForCount => ({
    id,
    applicantId: 'p',
    unitId,
    receivedOn,
  });
  const apps: ApplicationForCount[] = [
    ...Array.from({ length: 10 }, (_, i) =>
      at(`x${i + 1}`, 'fgw', `2026-03-${String(i + 2).padStart(2, '0')}`),
    ),
    at('j1', 'jw', '2026-03-20'),
    at('x11', 'fgw', '2026-03-20'),
    at('j2', 'jw', '2026-03-21'),
  ];
  it.each([
    ['10th to 区发展改革委', 'x10', 10, 0],
    ['11th to 区发展改革委 is charged', 'x11', 11, 100],
    ['first to 区教委 the same day is free', 'j1', 1, 0],
    ['second to 区教委', 'j2', 2, 0],
  ])('%s', (_name, id, k, fee) => {
    expect(kthApplicationInMonth(apps, id)).toBe(k);
    expect(pieceFee(k)).toBe(fee);
  });
});

describe('FEE-5 one method per application', () => {
  it.each([
    [[], null],
    [['per_piece'], null],
    [['per_volume', 'per_volume'], null],
  ] as const)('%j is allowed', (methods, expected) => {
    expect(checkSingleFeeMethod(methods)).toBe(expected);
  });
  it('mixing 按件 and 按量 is rejected', () => {
    expect(checkSingleFeeMethod(['per_piece', 'per_volume'])).toContain('只能选择一种收费方式');
  });
  it('applicationFee dispatches on the chosen method', () => {
    expect(applicationFee({ method: 'per_piece', k: 31 })).toBe(200);
    expect(applicationFee({ method: 'per_volume', pages: 31 })).toBe(10);
  });
});

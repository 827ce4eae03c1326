import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/testing';
import {
  formatIndexNumber,
  missingInterpretation,
  type NormativeDoc,
  normativeCounts,
  timeliness,
  validityOn,
} from './rules';

describe('formatIndexNumber', () => {
  it.each([
    [
      '{unit}-{cat}-{year}-{seq:5}',
      { unit: 'FGW', year: 2026, category: 'art20_3', seq: 12 },
      'FGW-03-2026-00012',
    ],
    [
      '{unit}/{year}-{seq:4}',
      { unit: '11500223MB1234567X', year: 2025, seq: 7 },
      '11500223MB1234567X/2025-0007',
    ],
    ['{unit}-{cat}-{seq}', { unit: 'JW', year: 2026, category: null, seq: 3 }, 'JW-00-3'],
    ['{unit}-{cat}', { unit: 'X', year: 2026, category: 'art20_15', seq: 1 }, 'X-15'],
    // Art. 21 topics (PUB-6), county and township lists alike, take the article's number.
    ['{unit}-{cat}-{seq:3}', { unit: 'X', year: 2026, category: 'art21_7', seq: 4 }, 'X-21-004'],
    ['{unit}-{cat}', { unit: 'ZJ', year: 2026, category: 'art21t_5', seq: 1 }, 'ZJ-21'],
    ['{unit}-{cat}', { unit: 'X', year: 2026, category: 'zn', seq: 1 }, 'X-00'],
  ])('%s', (rule, v, expected) => {
    expect(formatIndexNumber(rule, v)).toBe(expected);
  });
});

describe('timeliness (Art. 26, REGULATIONS.md §9.5)', () => {
  const cal = builtinCalendar();
  it.each([
    // PUB-1: formed 2025-09-26 → deadline 2025-10-30.
    ['2025-09-26', '2025-10-30', '2025-11-05', 'on_time', '2025-10-30'],
    ['2025-09-26', '2025-10-31', '2025-11-05', 'late', '2025-10-30'],
    ['2025-09-26', null, '2025-10-30', 'pending', '2025-10-30'],
    ['2025-09-26', null, '2025-10-31', 'overdue', '2025-10-30'],
  ] as const)('formed %s published %s today %s → %s', (formed, published, today, status, deadline) => {
    const r = timeliness(formed, published, today, cal);
    expect(r.status).toBe(status);
    expect(r.deadline).toBe(deadline);
  });
});

const doc = (d: Partial<NormativeDoc>): NormativeDoc => ({
  validity: 'in_force',
  effectiveDate: null,
  expiryDate: null,
  repealedDate: null,
  issuedDate: '2024-05-01',
  ...d,
});

describe('validityOn', () => {
  it.each([
    [doc({}), '2026-01-01', 'in_force'],
    [doc({ expiryDate: '2025-12-31' }), '2025-12-31', 'in_force'],
    [doc({ expiryDate: '2025-12-31' }), '2026-01-01', 'expired'],
    [doc({ validity: 'repealed', expiryDate: '2025-12-31' }), '2026-01-01', 'repealed'],
  ] as const)('%j on %s → %s', (d, today, v) => {
    expect(validityOn(d, today)).toBe(v);
  });
});

describe('normativeCounts (table 二, 行政规范性文件)', () => {
  const docs = [
    doc({ issuedDate: '2025-03-01' }), // issued 2025, in force
    doc({ issuedDate: '2025-06-01', validity: 'repealed', repealedDate: '2025-11-01' }), // issued and repealed in 2025
    doc({ issuedDate: '2023-01-01', validity: 'repealed', repealedDate: '2026-02-01' }), // in force at end of 2025
    doc({ issuedDate: '2022-01-01', expiryDate: '2025-06-30' }), // expired mid-2025
    doc({ issuedDate: '2026-01-05' }), // next year
  ];
  it.each([
    [2025, { issued: 2, repealed: 1, inForce: 2 }],
    [2026, { issued: 1, repealed: 1, inForce: 2 }],
    // 2023 doc (repealed 2026) and 2022 doc (expires 2025) were both in force on 2024-12-31.
    [2024, { issued: 0, repealed: 0, inForce: 2 }],
  ])('%i', (year, expected) => {
    expect(normativeCounts(docs, year)).toEqual(expected);
  });
});

describe('missingInterpretation (三同步)', () => {
  it.each([
    [{ needsInterpretation: true, status: 'published' }, [], true],
    [{ needsInterpretation: true, status: 'published' }, [{ status: 'draft' }], true],
    [{ needsInterpretation: true, status: 'published' }, [{ status: 'published' }], false],
    [{ needsInterpretation: false, status: 'published' }, [], false],
    [{ needsInterpretation: true, status: 'draft' }, [], false],
  ])('%j %j → %s', (p, i, expected) => {
    expect(missingInterpretation(p, i)).toBe(expected);
  });
});

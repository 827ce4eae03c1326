// Use case: the PIA records (个人信息保护影响评估, PIPL Art. 55/56; SECURITY.md 34) for the office and the auditor:
// a page in the reader's data scope and the .xlsx of all that match. They are written by overrideFinding
// (masking.ts) and never changed.
import type { CurrentUser } from '../../../contracts/api';
import type { PiaRecord } from '../../../contracts/disclosure';
import { FINDING_KIND_LABELS, type FindingKind } from '../../../domain/review/types';
import type { DbOrTx } from '../../db/client';
import { disclosurePiaRecords } from '../../db/schema/disclosure';
import { writeTable } from '../../platform/xlsx';
import { scopeFilter, unitNames } from '../org';
import { type PiaFilter, piaPage } from './repo/pia';

export interface PiaQuery {
  page?: number;
  pageSize?: number;
  from?: string;
  to?: string;
  q?: string;
}

type Reader = Pick<CurrentUser, 'dataScope' | 'unitId'>;

// Days are China days (UTC+8, no DST), whatever the server's TZ.
const filterOf = (user: Reader, q: PiaQuery): PiaFilter => ({
  scope: scopeFilter(user, disclosurePiaRecords.unitId),
  ...(q.from ? { from: new Date(`${q.from}T00:00:00+08:00`) } : {}),
  ...(q.to ? { to: new Date(`${q.to}T23:59:59.999+08:00`) } : {}),
  ...(q.q ? { q: q.q } : {}),
});

async function records(db: DbOrTx, user: Reader, q: PiaQuery, page?: { limit: number; offset: number }) {
  const { rows, total } = await piaPage(db, filterOf(user, q), page);
  const names = await unitNames(db, [...new Set(rows.map((r) => r.unitId))]);
  const items: PiaRecord[] = rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    itemTitle: r.itemTitle,
    unitName: names.get(r.unitId) ?? '',
    findingKind: r.findingKind as FindingKind,
    findingMessage: r.findingMessage,
    findingSource: r.findingSource,
    findingMasked: r.findingMasked,
    purpose: r.purpose,
    impact: r.impact,
    measures: r.measures,
    reason: r.reason,
    assessedByName: r.assessedByName,
    assessedAt: r.assessedAt.toISOString(),
  }));
  return { items, total };
}

export function listPiaRecords(db: DbOrTx, user: Reader, q: PiaQuery) {
  const size = q.pageSize ?? 20;
  return records(db, user, q, { limit: size, offset: ((q.page ?? 1) - 1) * size });
}

export async function exportPiaRecords(db: DbOrTx, user: Reader, q: PiaQuery): Promise<Uint8Array> {
  const { items } = await records(db, user, q);
  return writeTable(
    '个人信息保护影响评估',
    [
      '评估时间',
      '评估人',
      '单位',
      '信息标题',
      '检查项',
      '位置',
      '内容（已遮盖）',
      '处理目的及依据',
      '对个人权益的影响及风险',
      '采取的保护措施',
      '放行理由',
    ],
    items.map((r) => [
      r.assessedAt,
      r.assessedByName,
      r.unitName,
      r.itemTitle,
      FINDING_KIND_LABELS[r.findingKind] ?? r.findingMessage,
      r.findingSource,
      r.findingMasked,
      r.purpose,
      r.impact,
      r.measures,
      r.reason,
    ]),
  );
}

// Use case: the next 索引号 of a unit for a year (GB/T-style rule of the settings), taken under the unit's
// settings row lock so two drafts never share a number.
import { formatIndexNumber } from '../../../domain/disclosure/rules';
import type { DbOrTx } from '../../db/client';
import { unitCodes } from '../org';
import { lockUnitSettings, setSequences } from './repo/settings';

export async function nextIndexNo(
  tx: DbOrTx,
  unitId: string,
  year: number,
  art20: string | null,
  rule: string,
): Promise<string> {
  const s = await lockUnitSettings(tx, unitId);
  const seqs = (s.sequences ?? {}) as Record<string, number>;
  const seq = (seqs[String(year)] ?? 0) + 1;
  await setSequences(tx, unitId, { ...seqs, [String(year)]: seq });
  // The unit code: the one set for the catalog, else the unit's 统一社会信用代码/组织机构代码, else [I] the first 8
  // hex digits of the unit id.
  const code =
    s.indexCode ||
    (await unitCodes(tx, unitId))?.creditCode ||
    unitId.replace(/-/g, '').slice(0, 8).toUpperCase();
  return formatIndexNumber(rule, { unit: code, year, category: art20, seq });
}

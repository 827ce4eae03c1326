// Use case: the next 索引号 of a unit for a year (GB/T-style rule of the settings), taken under the unit's
// settings row lock so two drafts never share a number.
import { formatIndexNumber } from '../../../domain/disclosure/rules';
import type { DbOrTx } from '../../db/client';
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
  // Default unit code [I]: the first 8 hex digits of the unit id until the office sets a code (e.g. its USCC).
  const code = s.indexCode || unitId.replace(/-/g, '').slice(0, 8).toUpperCase();
  return formatIndexNumber(rule, { unit: code, year, category: art20, seq });
}

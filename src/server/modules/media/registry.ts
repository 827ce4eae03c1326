// The register: reads, and the office's .xlsx import (all-or-nothing: one bad row, one duplicate URL — within the
// file or against the register — and nothing is imported; every problem is named with its row).
import { type WebsiteFields, websiteFieldsSchema } from '../../../contracts/media';
import { websiteKey } from '../../../domain/media/registry';
import type { Database } from '../../db/client';
import { mediaWebsites } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { readTable } from '../../platform/xlsx';
import { findUnitByName } from '../org';
import { websiteByKey } from './media.repo';

export const IMPORT_COLUMNS = {
  name: '网站名称',
  url: '网址',
  unit: '主办单位',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  psb: '公安机关备案号',
  operator: '承办单位',
} as const;

export async function importWebsites(database: Database, actor: Actor, bytes: Uint8Array): Promise<number> {
  const c = IMPORT_COLUMNS;
  const rows = await readTable(bytes, [c.name, c.url, c.unit], [c.siteCode, c.icp, c.psb, c.operator]);
  if (rows.length === 0) throw invalid('表格中没有数据行');
  const problems: { row: number; message: string }[] = [];
  const ready: { unitId: string; fields: WebsiteFields; urlKey: string }[] = [];
  const firstRowOfKey = new Map<string, number>();
  const db = database.db;
  for (const r of rows) {
    const v = (k: string) => r.values[k]?.trim() ?? '';
    const parsed = websiteFieldsSchema.safeParse({
      name: v(c.name),
      url: v(c.url),
      siteCode: v(c.siteCode),
      icp: v(c.icp),
      psb: v(c.psb),
      sponsor: v(c.unit),
      operator: v(c.operator),
    });
    if (!parsed.success) {
      problems.push({ row: r.row, message: parsed.error.issues.map((i) => i.message).join('；') });
      continue;
    }
    const urlKey = websiteKey(parsed.data.url)!;
    const earlier = firstRowOfKey.get(urlKey);
    if (earlier !== undefined) {
      problems.push({ row: r.row, message: `网址与第${earlier}行重复（${parsed.data.url}）` });
      continue;
    }
    firstRowOfKey.set(urlKey, r.row);
    const existing = await websiteByKey(db, urlKey);
    if (existing) {
      problems.push({ row: r.row, message: `网址已在登记册中（${existing.name}）` });
      continue;
    }
    const unit = await findUnitByName(db, v(c.unit));
    if (!unit) {
      problems.push({ row: r.row, message: `主办单位“${v(c.unit)}”不在单位列表中` });
      continue;
    }
    ready.push({ unitId: unit.id, fields: parsed.data, urlKey });
  }
  if (problems.length)
    throw invalid(
      `导入未执行（共${problems.length}处问题）：${problems.map((p) => `第${p.row}行：${p.message}`).join('；')}`,
      { rows: problems },
    );
  await db.transaction(async (tx) => {
    await tx
      .insert(mediaWebsites)
      .values(ready.map((r) => ({ unitId: r.unitId, urlKey: r.urlKey, ...r.fields })));
    await audit(tx, actor, {
      action: 'media.websites.import',
      objectType: 'media_website',
      detail: `导入${ready.length}个网站`,
    });
  });
  return ready.length;
}

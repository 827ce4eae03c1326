// Use case: importing 12345 work orders from .xlsx (the header recognised by vocabulary, domain/interaction/hotline).
// The preview reports every problem — missing columns, empty cells, unreadable times, unknown units, a 工单编号
// repeated in the file or already in the ledger, a unit outside the importer's scope — before anything is stored;
// the import stores every row or nothing.
import type { CallImportPreview } from '../../../contracts/hotline';
import { chinaDate } from '../../../domain/calendar';
import { callStatusOf, readWorkOrders, type WorkOrderRow } from '../../../domain/interaction/hotline';
import { tableGrid } from '../../../domain/tasks/blocks';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, seal } from '../../platform/crypto/fields';
import { uploadToBlocks } from '../../platform/documents/text';
import { invalid } from '../../platform/errors';
import type { Upload } from '../../platform/http/upload';
import { unitInScope } from '../org';
import { insertCalls, knownWorkOrders, nextCallNo } from './repo/calls';
import type { Scoped } from './repo/consultations';
import { importPreview, readRows, unitIdsByName } from './table-import';

type Problem = { row: number; message: string };

async function sheetOf(file: Upload): Promise<string[][]> {
  if (!/\.xlsx$/i.test(file.name)) throw invalid('请上传 12345 工单导出的 .xlsx 文件');
  const table = (await uploadToBlocks(file)).find((b) => b.type === 'table');
  if (table?.type !== 'table') throw invalid('文件中没有表格');
  return tableGrid(table).map((r) => Array.from(r, (c) => c?.text ?? ''));
}

interface Checked {
  rows: WorkOrderRow[];
  errors: Problem[];
  units: Map<string, string>;
}

async function check(db: DbOrTx, user: Scoped, file: Upload, now: Date): Promise<Checked> {
  const { rows, errors } = await readRows(() => sheetOf(file), readWorkOrders);
  const units = await unitIdsByName(
    db,
    rows.map((r) => r.unitName),
  );
  const outside = new Set<string>();
  for (const id of new Set(units.values())) if (!(await unitInScope(db, user, id))) outside.add(id);
  const known = await knownWorkOrders(db, rows.map((r) => r.workOrderNo).filter(Boolean));
  for (const r of rows) {
    const unitId = units.get(r.unitName);
    if (r.unitName && !unitId) errors.push({ row: r.row, message: `承办单位“${r.unitName}”不在单位列表中` });
    else if (unitId && outside.has(unitId))
      errors.push({ row: r.row, message: `承办单位“${r.unitName}”不在本账号的数据范围内` });
    if (r.workOrderNo && known.has(r.workOrderNo))
      errors.push({ row: r.row, message: `工单编号 ${r.workOrderNo} 已导入过` });
    if (r.calledAt && new Date(r.calledAt).getTime() > now.getTime())
      errors.push({ row: r.row, message: '来电时间晚于现在' });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, units };
}

export async function previewCallImport(
  database: Database,
  clock: Clock,
  user: Scoped,
  file: Upload,
): Promise<CallImportPreview> {
  const { rows, errors } = await check(database.db, user, file, clock.now());
  return {
    ...importPreview(rows, (r) => ({
      row: r.row,
      workOrderNo: r.workOrderNo,
      calledAt: r.calledAt,
      question: r.question,
      unitName: r.unitName,
      answered: !!r.answer,
    })),
    errors,
  };
}

/** Every row, or nothing (the preview's problems, as a 400). */
export async function importCalls(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & { id: string },
  file: Upload,
): Promise<{ created: number }> {
  return database.db.transaction(async (tx) => {
    const { rows, errors, units } = await check(tx, user, file, clock.now());
    if (errors.length)
      throw invalid(
        `文件有 ${errors.length} 处问题，未导入任何工单：${errors[0]!.message}（第 ${errors[0]!.row} 行）`,
        { rows: errors },
      );
    const values = [];
    for (const r of rows) {
      const calledAt = new Date(r.calledAt);
      values.push({
        callNo: await nextCallNo(tx, chinaDate(calledAt).slice(0, 4)),
        channel: 'hotline_12345' as const,
        workOrderNo: r.workOrderNo,
        calledAt,
        callerName: r.callerName ? seal(keys, r.callerName) : null,
        callerPhone: r.callerPhone ? seal(keys, r.callerPhone) : null,
        question: r.question,
        answer: r.answer || null,
        unitId: units.get(r.unitName)!,
        status: callStatusOf(r.answer, false),
        source: 'import' as const,
        createdBy: user.id,
      });
    }
    const created = await insertCalls(tx, values);
    await audit(tx, actor, {
      action: 'interaction.call.import',
      objectType: 'call',
      detail: `${file.name}：${created.length} 条 12345 工单`,
    });
    return { created: created.length };
  });
}

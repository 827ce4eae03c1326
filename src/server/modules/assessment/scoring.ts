// Use case: manual indicators scored with evidence by a named scorer (only while the plan is being scored), and
// the 电话测评 import (preview, then all-or-nothing).
import { eq } from 'drizzle-orm';
import type { PhonePreview } from '../../../contracts/assessment';
import { PHONE_HEADERS, readPhoneRow } from '../../../domain/assessment/phone';
import { type AssessedKind, scoringLocked } from '../../../domain/assessment/tree';
import type { Database } from '../../db/client';
import { assessmentPhoneResults, assessmentScores } from '../../db/schema/assessment';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { readTable } from '../../platform/xlsx';
import { findUnitByName, getUnit } from '../org';
import { planRow } from './assessment.repo';

export interface ManualScoreInput {
  year: number;
  unitKind: AssessedKind;
  unitId: string;
  code: string;
  score: number;
  evidence: string;
  scorer: string;
}

export async function putManualScore(database: Database, actor: Actor, input: ManualScoreInput) {
  return database.db.transaction(async (tx) => {
    const plan = await planRow(tx, input.year, input.unitKind, true);
    if (!plan) throw conflict('尚未开始评分：请先冻结指标体系');
    const locked = scoringLocked(plan.status);
    if (locked) throw conflict(locked);
    const indicator = plan.indicators.find((i) => i.code === input.code);
    if (!indicator) throw notFound('指标');
    if (indicator.method !== 'manual') throw invalid(`指标“${indicator.name}”由系统计算，不能人工评分`);
    if (input.score > indicator.weight) throw invalid(`得分不能超过该指标分值${indicator.weight}分`);
    const unit = await getUnit(tx, input.unitId);
    if (!unit) throw notFound('单位');
    if (unit.kind !== input.unitKind) throw invalid(`“${unit.name}”不是本考核的考核对象`);
    const values = {
      planId: plan.id,
      unitId: unit.id,
      code: input.code,
      score: input.score,
      evidence: input.evidence,
      scorer: input.scorer,
      scoredBy: actor.userId,
      scoredAt: new Date(),
    };
    const [row] = await tx
      .insert(assessmentScores)
      .values(values)
      .onConflictDoUpdate({
        target: [assessmentScores.planId, assessmentScores.unitId, assessmentScores.code],
        set: {
          score: values.score,
          evidence: values.evidence,
          scorer: values.scorer,
          scoredBy: values.scoredBy,
          scoredAt: values.scoredAt,
        },
      })
      .returning();
    await audit(tx, actor, {
      action: 'assessment.score.put',
      objectType: 'assessment_plan',
      objectId: plan.id,
      detail: { unit: unit.name, code: input.code, score: input.score, scorer: input.scorer },
    });
    return {
      unitId: row!.unitId,
      code: row!.code,
      score: row!.score,
      evidence: row!.evidence,
      scorer: row!.scorer,
      scoredAt: row!.scoredAt.toISOString(),
    };
  });
}

const MAX_ROWS = 500;

export async function previewPhone(database: Database, bytes: Uint8Array): Promise<PhonePreview> {
  const h = PHONE_HEADERS;
  const table = await readTable(bytes, [h.unit, h.score], [h.calls, h.note], MAX_ROWS);
  if (table.length === 0) throw invalid('表格中没有数据行');
  const seen = new Map<string, number>();
  const rows: PhonePreview['rows'] = [];
  for (const t of table) {
    const r = readPhoneRow(t.values);
    const unitName = r.ok ? r.value.unit : r.unit;
    const errors = r.ok ? [] : [...r.errors];
    const unit = unitName ? await findUnitByName(database.db, unitName) : null;
    if (unitName && !unit) errors.push(`单位“${unitName}”不在单位名录中`);
    if (unit) {
      const first = seen.get(unit.id);
      if (first !== undefined) errors.push(`与第${first}行单位重复`);
      else seen.set(unit.id, t.row);
    }
    rows.push({
      row: t.row,
      unit: unitName,
      unitId: unit?.id ?? null,
      score: r.ok ? r.value.score : null,
      calls: r.ok ? r.value.calls : null,
      note: r.ok ? r.value.note : '',
      errors,
    });
  }
  const invalidRows = rows.filter((r) => r.errors.length).length;
  return { rows, valid: rows.length - invalidRows, invalid: invalidRows };
}

/** All or nothing: the year's 电话测评 rows are replaced by the file's. */
export async function importPhone(database: Database, actor: Actor, year: number, bytes: Uint8Array) {
  const preview = await previewPhone(database, bytes);
  const bad = preview.rows.filter((r) => r.errors.length);
  if (bad.length)
    throw new AppError('VALIDATION', `导入失败：${bad.length}行有错误，未导入任何数据`, {
      rows: bad.map((r) => ({ row: r.row, message: r.errors.join('；') })),
    });
  await database.db.transaction(async (tx) => {
    await tx.delete(assessmentPhoneResults).where(eq(assessmentPhoneResults.year, year));
    await tx.insert(assessmentPhoneResults).values(
      preview.rows.map((r) => ({
        year,
        unitId: r.unitId!,
        score: r.score!,
        calls: r.calls!,
        note: r.note,
        importedBy: actor.userId,
      })),
    );
    await audit(tx, actor, {
      action: 'assessment.phone.import',
      objectType: 'assessment_phone',
      detail: { year, rows: preview.rows.length },
    });
  });
  return { imported: preview.rows.length };
}

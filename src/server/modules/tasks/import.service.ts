// Importing a 任务分工 notice: preview (parse + resolve unit names + duplicate check, nothing stored) and commit
// (all or nothing: the plan, its tasks, one assignment per task × unit × period).
import { createHash } from 'node:crypto';
import { and, count, eq, or } from 'drizzle-orm';
import type {
  CommitPlanBody,
  CommitTask,
  CommitUnit,
  DuplicatePlan,
  ImportPreview,
  UnitNameMatch,
  WorkPlanSummary,
} from '../../../contracts/tasks';
import type { DocBlock } from '../../../domain/tasks/blocks';
import { instancesFor } from '../../../domain/tasks/ledger';
import { type ManualColumns, noticeTables, type ParsedPlan, parseNotice } from '../../../domain/tasks/notice';
import type { Database, DbOrTx } from '../../db/client';
import { countsBy } from '../../db/reads';
import { planTasks, progressReports, taskAssignments, workPlans } from '../../db/schema/tasks';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors';
import {
  createUnitFromNotice,
  groupMembers,
  learnAliases,
  learnGroupAlias,
  resolveNames,
  unitNames,
} from '../org';
import { insertAssignments } from './ledger.repo';

/** Same notice, same tasks: the fingerprint ignores layout and whitespace, not content. */
export function planFingerprint(plan: Pick<ParsedPlan, 'tasks'>): string {
  const canon = plan.tasks.map((t) => [
    t.section,
    t.text.replace(/\s+/g, ''),
    t.leadUnits,
    t.responsibleUnits,
  ]);
  return createHash('sha256').update(JSON.stringify(canon)).digest('hex');
}

/** How to read a notice: its year when it does not say; the officer's columns, or its numbered items, when asked. */
export interface ReadOptions {
  year?: number;
  columns?: ManualColumns;
  items?: boolean;
}

/**
 * The notice read into tasks (with the officer's columns, when given). No task: a 400 whose details carry the
 * warnings and the notice's tables, so that the officer can name a table's columns and try again.
 */
export function parsePlan(blocks: DocBlock[], read: ReadOptions = {}): ParsedPlan {
  const { year, columns, items } = read;
  const plan = parseNotice(
    { blocks },
    { ...(year ? { year } : {}), ...(columns ? { columns } : {}), ...(items ? { items } : {}) },
  );
  if (plan.tasks.length === 0) {
    throw invalid(plan.warnings.at(-1)?.message ?? '未读出任何任务', {
      warnings: plan.warnings,
      tables: noticeTables({ blocks }),
    });
  }
  return plan;
}

async function findDuplicate(
  db: DbOrTx,
  fingerprint: string,
  docNumber: string | null,
  year: number | null,
): Promise<DuplicatePlan | null> {
  const cond =
    docNumber && year
      ? or(
          eq(workPlans.fingerprint, fingerprint),
          and(eq(workPlans.docNumber, docNumber), eq(workPlans.year, year)),
        )
      : eq(workPlans.fingerprint, fingerprint);
  const found = (await db.select().from(workPlans).where(cond).limit(1))[0];
  if (!found) return null;
  const [reported] = await db
    .select({ n: count() })
    .from(progressReports)
    .innerJoin(taskAssignments, eq(taskAssignments.id, progressReports.assignmentId))
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(eq(planTasks.planId, found.id));
  return { planId: found.id, title: found.title, replaceable: Number(reported?.n ?? 0) === 0 };
}

export async function previewImport(
  db: DbOrTx,
  districtName: string,
  blocks: DocBlock[],
  read: ReadOptions = {},
): Promise<ImportPreview> {
  const plan = parsePlan(blocks, read);
  const fingerprint = planFingerprint(plan);
  const names = [...new Set(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]))];
  const resolutions = await resolveNames(db, districtName, names);
  const unitsOut: UnitNameMatch[] = resolutions.map((r) => ({
    written: r.written,
    status: r.status,
    ...(r.unitId ? { unitId: r.unitId, unitName: r.unitName } : {}),
    ...(r.groupName ? { groupName: r.groupName } : {}),
    ...(r.memberUnitIds ? { memberUnitIds: r.memberUnitIds } : {}),
    ...(r.needsChoice ? { needsChoice: true } : {}),
    suggestions: r.suggestions,
    warnings: r.warnings,
  }));
  return {
    plan,
    fingerprint,
    units: unitsOut,
    duplicate: await findDuplicate(db, fingerprint, plan.docNumber, plan.year),
    tables: noticeTables({ blocks }),
  };
}

/** The officer decided this name without naming units: skipped, to be created, or a chosen group. */
const decided = (u: CommitUnit) => u.skip === true || !!u.create || !!u.groupId;

/**
 * What the officer decided on the preview, applied in the commit's transaction: units created in the registry
 * (through the org face, audited there), chosen groups expanded to their members (the written name learnt as
 * the group's alias), skipped names left without units. Returns the tasks with every unit's ids filled in.
 */
async function applyDecisions(
  tx: DbOrTx,
  actor: Actor,
  districtName: string,
  tasks: CommitTask[],
): Promise<CommitTask[]> {
  const all = tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]);
  const created = new Map<string, string>();
  for (const u of all)
    if (u.create && !created.has(u.written))
      created.set(
        u.written,
        await createUnitFromNotice(tx, actor, { name: u.create.name ?? u.written, kind: u.create.kind }),
      );
  const groups = new Map<string, string[]>();
  const learnt: { alias: string; group: string }[] = [];
  for (const u of all) {
    if (!u.groupId || groups.has(`${u.groupId} ${u.written}`)) continue;
    const g = await groupMembers(tx, u.groupId);
    if (!g) throw invalid(`「${u.written}」选择的单位分组不存在`);
    if (g.memberUnitIds.length === 0) throw invalid(`单位分组「${g.name}」没有成员单位，不能承担任务`);
    groups.set(`${u.groupId} ${u.written}`, g.memberUnitIds);
    if (await learnGroupAlias(tx, districtName, u.groupId, u.written))
      learnt.push({ alias: u.written, group: g.name });
  }
  if (learnt.length)
    await audit(tx, actor, { action: 'org.group.alias.learn', objectType: 'unitGroup', detail: { learnt } });
  const fill = (u: CommitUnit): CommitUnit => {
    if (u.skip) return { ...u, unitIds: [] };
    const made = created.get(u.written);
    if (u.create && made) return { ...u, unitIds: [made] };
    if (u.groupId) return { ...u, unitIds: groups.get(`${u.groupId} ${u.written}`) ?? [] };
    return u;
  };
  return tasks.map((t) => ({
    ...t,
    leadUnits: t.leadUnits.map(fill),
    responsibleUnits: t.responsibleUnits.map(fill),
  }));
}

/**
 * Checks a commit body against the registry; returns row errors in the preview's terms (task ref and the name
 * as written), so that nothing is stored while any unit name is unresolved.
 */
async function checkCommit(db: DbOrTx, body: CommitPlanBody): Promise<{ row: number; message: string }[]> {
  const errors: { row: number; message: string }[] = [];
  const ids = new Set<string>();
  body.tasks.forEach((t, i) => {
    const all = [...t.leadUnits, ...t.responsibleUnits];
    if (all.length === 0) errors.push({ row: i + 1, message: `任务 ${t.ref}：没有牵头单位或责任单位` });
    else if (all.every((u) => u.skip))
      errors.push({ row: i + 1, message: `任务 ${t.ref}：单位都已跳过，至少保留一个承担单位` });
    for (const u of all) {
      if (u.unitIds.length === 0 && !decided(u))
        errors.push({ row: i + 1, message: `任务 ${t.ref}：「${u.written}」尚未确定对应单位` });
      for (const id of u.unitIds) ids.add(id);
    }
    // A notice without a year reads "10月底前" as year 0000: the officer must give the year first.
    for (const d of t.deadlines)
      if (d.kind === 'date' && d.date && d.date < '2000')
        errors.push({ row: i + 1, message: `任务 ${t.ref}：完成时限「${d.raw}」缺少年份，请先填写计划年度` });
  });
  if (ids.size) {
    const found = await unitNames(db, [...ids]);
    const missing = [...ids].filter((id) => !found.has(id));
    if (missing.length) errors.push({ row: 0, message: `有 ${missing.length} 个单位不存在（可能已被删除）` });
  }
  return errors;
}

export async function commitPlan(
  database: Database,
  actor: Actor,
  body: CommitPlanBody,
  districtName: string,
  opts: { canCreateUnits: boolean } = { canCreateUnits: false },
): Promise<WorkPlanSummary> {
  if (
    !opts.canCreateUnits &&
    body.tasks.some((t) => [...t.leadUnits, ...t.responsibleUnits].some((u) => u.create))
  )
    throw forbidden('没有新增单位的权限，请联系主管部门在单位管理中新增');
  const errors = await checkCommit(database.db, body);
  if (errors.length)
    throw invalid(`有 ${errors.length} 处需要修正，未保存：${errors[0]!.message}`, { rows: errors });
  return database.db.transaction(async (tx) => {
    const dup = await findDuplicate(tx, body.fingerprint, body.docNumber, body.year);
    if (dup) {
      if (!body.replace)
        throw new AppError('CONFLICT', `该通知已导入为「${dup.title}」。如需重新导入，请选择替换`, {
          duplicate: dup,
        });
      if (!dup.replaceable) throw conflict(`「${dup.title}」已有单位报送进展，不能替换`);
      await tx.delete(workPlans).where(eq(workPlans.id, dup.planId));
      await audit(tx, actor, {
        action: 'tasks.plan.replace',
        objectType: 'workPlan',
        objectId: dup.planId,
        detail: dup.title,
      });
    }
    const [plan] = await tx
      .insert(workPlans)
      .values({
        title: body.title,
        issuer: body.issuer,
        docNumber: body.docNumber,
        date: body.date,
        year: body.year,
        fingerprint: body.fingerprint,
        cadence: body.cadence,
        createdBy: actor.userId,
      })
      .returning();
    const tasks = await applyDecisions(tx, actor, districtName, body.tasks);
    let assignments = 0;
    for (const [i, t] of tasks.entries()) {
      const [task] = await tx
        .insert(planTasks)
        .values({
          planId: plan!.id,
          ref: t.ref,
          sort: i,
          section: t.section,
          text: t.text,
          measures: t.measures,
          leadUnitsWritten: t.leadUnits.map((u) => u.written),
          responsibleUnitsWritten: t.responsibleUnits.map((u) => u.written),
          deadlines: t.deadlines,
          disclosurePaths: t.disclosurePaths,
        })
        .returning({ id: planTasks.id });
      // One assignment per unit: a lead unit that is also responsible gets one, marked lead.
      const unitLead = new Map<string, boolean>();
      for (const u of t.leadUnits) for (const id of u.unitIds) unitLead.set(id, true);
      for (const u of t.responsibleUnits)
        for (const id of u.unitIds) if (!unitLead.has(id)) unitLead.set(id, false);
      assignments += await insertAssignments(
        tx,
        task!.id,
        unitLead,
        instancesFor(t.deadlines, body.year, body.cadence),
      );
    }
    // The officer's own mappings become aliases: the next notice that writes these names needs no mapping.
    const learnt = await learnAliases(
      tx,
      districtName,
      tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]),
    );
    if (learnt.length)
      await audit(tx, actor, {
        action: 'org.unit.alias.learn',
        objectType: 'unit',
        detail: { aliases: learnt.map((l) => l.alias) },
      });
    await audit(tx, actor, {
      action: 'tasks.plan.import',
      objectType: 'workPlan',
      objectId: plan!.id,
      detail: { title: body.title, tasks: body.tasks.length, assignments },
    });
    return {
      id: plan!.id,
      title: plan!.title,
      docNumber: plan!.docNumber,
      date: plan!.date,
      year: plan!.year,
      cadence: plan!.cadence,
      taskCount: body.tasks.length,
      assignmentCount: assignments,
      createdAt: plan!.createdAt.toISOString(),
    };
  });
}

export async function listPlans(db: DbOrTx): Promise<WorkPlanSummary[]> {
  const plans = await db.select().from(workPlans).orderBy(workPlans.createdAt);
  const taskCounts = await countsBy(db, planTasks.planId, planTasks);
  const asgCounts = await countsBy(db, planTasks.planId, taskAssignments, {
    join: { table: planTasks, on: eq(planTasks.id, taskAssignments.taskId) },
  });
  return plans.reverse().map((p) => ({
    id: p.id,
    title: p.title,
    docNumber: p.docNumber,
    date: p.date,
    year: p.year,
    cadence: p.cadence,
    taskCount: taskCounts.get(p.id) ?? 0,
    assignmentCount: asgCounts.get(p.id) ?? 0,
    createdAt: p.createdAt.toISOString(),
  }));
}

/**
 * The commit body that takes every name as the registry resolved it (exact / alias / normalised / a group
 * without choice). Names that need a person (suggestion, unknown, 有关部门) are left empty: `commitPlan` refuses.
 * Used by the CLI's --commit.
 */
export function autoCommitBody(preview: ImportPreview, cadence: CommitPlanBody['cadence']): CommitPlanBody {
  const byName = new Map(preview.units.map((u) => [u.written, u]));
  const idsOf = (written: string): string[] => {
    const m = byName.get(written);
    if (!m) return [];
    if (m.status === 'group') return m.needsChoice ? [] : (m.memberUnitIds ?? []);
    if (m.status === 'suggestion' || m.status === 'unknown') return [];
    return m.unitId ? [m.unitId] : [];
  };
  const p = preview.plan;
  return {
    title: p.title ?? '任务分工',
    issuer: p.issuer,
    docNumber: p.docNumber,
    date: p.date,
    year: p.year ?? 0,
    fingerprint: preview.fingerprint,
    cadence,
    replace: false,
    tasks: p.tasks.map((t) => ({
      ref: t.ref,
      section: t.section,
      text: t.text,
      measures: t.measures,
      leadUnits: t.leadUnits.map((w) => ({ written: w, unitIds: idsOf(w) })),
      responsibleUnits: t.responsibleUnits.map((w) => ({ written: w, unitIds: idsOf(w) })),
      deadlines: t.deadlines,
      disclosurePaths: t.disclosurePaths,
    })),
  };
}

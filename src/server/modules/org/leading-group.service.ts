// The leading group (领导小组): imported from its founding notice (seed 000), every member unit matched to the
// registry, new units created on request, all in one transaction.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { LeadingGroup, UnitMatch } from '../../../contracts/api';
import { type LeadingGroupNotice, parseLeadingGroupNotice } from '../../../domain/org/leading-group-notice';
import { resolveUnit, resolveUnits } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import { leadingGroupMembers, leadingGroups, units, userRoles, users } from '../../db/schema/org';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { loadUnitIndex } from './registry';
import { createUnitTx } from './units.service';

export type { LeadingGroupNotice };

export async function getLeadingGroup(db: DbOrTx): Promise<LeadingGroup | null> {
  const g = (
    await db
      .select()
      .from(leadingGroups)
      .where(eq(leadingGroups.active, true))
      .orderBy(desc(leadingGroups.createdAt))
      .limit(1)
  )[0];
  if (!g) return null;
  const members = await db
    .select({ m: leadingGroupMembers, unitName: units.name })
    .from(leadingGroupMembers)
    .innerJoin(units, eq(units.id, leadingGroupMembers.unitId))
    .where(eq(leadingGroupMembers.groupId, g.id))
    .orderBy(asc(leadingGroupMembers.sort));
  const unitIds = members.map((m) => m.m.unitId);
  const liaisons = unitIds.length
    ? await db
        .select({ id: users.id, name: users.name, unitId: users.unitId })
        .from(users)
        .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.roleCode, 'liaison')))
        .where(and(inArray(users.unitId, unitIds), eq(users.status, 'active')))
    : [];
  const office = g.officeUnitId
    ? (await db.select({ name: units.name }).from(units).where(eq(units.id, g.officeUnitId)))[0]
    : undefined;
  return {
    id: g.id,
    title: g.title,
    docNumber: g.docNumber,
    date: g.date,
    leader: g.leader,
    deputyLeaders: g.deputyLeaders,
    officeUnitId: g.officeUnitId,
    officeUnitName: office?.name ?? null,
    officeDirector: g.officeDirector,
    members: members.map(({ m, unitName }) => ({
      unitId: m.unitId,
      unitName,
      writtenAs: m.writtenAs,
      duty: m.duty,
      liaisons: liaisons.filter((l) => l.unitId === m.unitId).map((l) => ({ userId: l.id, name: l.name })),
    })),
  };
}

function toMatch(r: ReturnType<typeof resolveUnit>): UnitMatch {
  return {
    written: r.written,
    status: r.status,
    unitId: r.unitId,
    unitName: r.unitName ?? r.groupName,
    confidence: r.confidence,
    suggestions: r.suggestions,
  };
}

export async function previewLeadingGroup(
  db: DbOrTx,
  districtName: string,
  text: string,
): Promise<{ notice: LeadingGroupNotice; matches: UnitMatch[] }> {
  const notice = parseLeadingGroupNotice(text);
  if (notice.memberUnits.length === 0) {
    throw new AppError('VALIDATION', '未能从文件中读出成员单位：请确认这是成立政务公开工作领导小组的通知', {
      warnings: notice.warnings,
    });
  }
  const index = await loadUnitIndex(db, districtName);
  return { notice, matches: resolveUnits(index, notice.memberUnits).map(toMatch) };
}

export interface MemberResolution {
  written: string;
  unitId?: string;
  create?: boolean;
}

export async function commitLeadingGroup(
  database: Database,
  actor: Actor,
  districtName: string,
  notice: LeadingGroupNotice,
  resolutions: MemberResolution[],
): Promise<LeadingGroup> {
  const { leader, docNumber, date } = notice;
  if (!leader?.name) throw new AppError('VALIDATION', '通知中缺少组长，不能导入');
  if (!docNumber || !date) throw new AppError('VALIDATION', '通知中缺少文号或成文日期，不能导入');
  const byWritten = new Map(resolutions.map((r) => [r.written, r]));
  const missing = notice.memberUnits.filter((w) => {
    const r = byWritten.get(w);
    return !r || (!r.unitId && !r.create);
  });
  if (missing.length)
    throw new AppError('VALIDATION', `还有 ${missing.length} 个成员单位未确认：${missing.join('、')}`);
  return database.db.transaction(async (tx) => {
    const root = (
      await tx
        .select({ id: units.id })
        .from(units)
        .where(isNull(units.parentId))
        .orderBy(asc(units.sort))
        .limit(1)
    )[0];
    if (!root) throw new AppError('VALIDATION', '单位树为空：请先建立本级人民政府');
    const memberIds: string[] = [];
    for (const written of notice.memberUnits) {
      const r = byWritten.get(written)!;
      let id = r.unitId;
      if (id) {
        const exists = await tx.select({ id: units.id }).from(units).where(eq(units.id, id));
        if (!exists[0]) throw new AppError('VALIDATION', `「${written}」对应的单位不存在`);
      } else {
        id = await createUnitTx(tx, actor, {
          name: written,
          kind: 'department',
          parentId: root.id,
          aliases: [],
        });
      }
      if (memberIds.includes(id))
        throw new AppError('VALIDATION', `「${written}」与另一成员单位对应同一单位，请检查`);
      memberIds.push(id);
    }
    const index = await loadUnitIndex(tx, districtName);
    const dutyOf = new Map<string, string>();
    for (const d of notice.duties) {
      const r = resolveUnit(index, d.unit);
      const id =
        r.unitId && memberIds.includes(r.unitId) ? r.unitId : memberIds[notice.memberUnits.indexOf(d.unit)];
      if (id && !dutyOf.has(id)) dutyOf.set(id, d.text);
    }
    const officeRes = notice.officeUnit ? resolveUnit(index, notice.officeUnit) : null;
    await tx.update(leadingGroups).set({ active: false }).where(eq(leadingGroups.active, true));
    const [g] = await tx
      .insert(leadingGroups)
      .values({
        title: notice.title ?? '政务公开工作领导小组',
        docNumber,
        date,
        leader,
        deputyLeaders: notice.deputyLeaders,
        officeUnitId: officeRes?.unitId ?? null,
        officeDirector: notice.officeDirector ?? '',
      })
      .returning({ id: leadingGroups.id });
    await tx.insert(leadingGroupMembers).values(
      memberIds.map((unitId, i) => ({
        groupId: g!.id,
        unitId,
        writtenAs: notice.memberUnits[i]!,
        duty: dutyOf.get(unitId) ?? null,
        sort: i,
      })),
    );
    await audit(tx, actor, {
      action: 'org.leadingGroup.import',
      objectType: 'leadingGroup',
      objectId: g!.id,
      detail: {
        docNumber: notice.docNumber,
        members: memberIds.length,
        created: resolutions.filter((r) => r.create).length,
      },
    });
    return (await getLeadingGroup(tx))!;
  });
}

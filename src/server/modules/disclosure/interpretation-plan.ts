// Use case: 三同步 as a gate (issue 13 part 3). The plan of a policy (重大政策, 第一解读人, exemption) is kept per
// policy root; `assertInterpretationGate` is asked by the workflow before a policy passes 终审.
import type {
  BriefingInput,
  BriefingView,
  InterpretationPlanInput,
  InterpretationPlanView,
} from '../../../contracts/interpretation-plan';
import { chinaDate } from '../../../domain/calendar';
import { DEFAULT_MAJOR_MIN_FORMS, interpretationGate } from '../../../domain/disclosure/interpretation-gate';
import { type ItemStatus, PRE_PUBLICATION_STATUSES } from '../../../domain/disclosure/workflow';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { getSetting, putAuditedSetting } from '../../platform/settings';
import { briefingsOf, insertBriefing, planOf, upsertPlan } from './repo/interpretation';
import { type Item, interpretationsOf, itemTitles } from './repo/items';
import { auditItem, lockScoped, readScoped, type StaffUser } from './scope';
import { getDisclosureSettings } from './settings';

const SETTING = 'disclosure.interpretation';

export async function majorMinForms(db: Database | DbOrTx): Promise<number> {
  return (await getSetting<{ majorMinForms: number }>(db, SETTING))?.majorMinForms ?? DEFAULT_MAJOR_MIN_FORMS;
}

async function gateOf(db: DbOrTx, item: Item, today: string) {
  const plan = await planOf(db, item.rootId);
  const minForms = await majorMinForms(db);
  // The district may switch 三同步 off (disclosure settings); then nothing is held back.
  const on = (await getDisclosureSettings(db)).requireInterpretation;
  // A 新闻发布会 or 访谈 already held counts as one more form.
  const held = (await briefingsOf(db, item.rootId))
    .filter((b) => b.heldOn <= today)
    .map((b) => ({ status: 'published', form: b.kind }));
  const gate = interpretationGate(
    { needsInterpretation: on && item.kind !== 'interpretation' && item.needsInterpretation },
    plan,
    [...(await interpretationsOf(db, item.rootId)), ...held],
    minForms,
  );
  return { plan, minForms, gate };
}

/** Refuses 终审 of a policy whose interpretation is not ready (and no exemption is recorded). */
export async function assertInterpretationGate(tx: DbOrTx, item: Item, now: Date): Promise<void> {
  const { gate } = await gateOf(tx, item, chinaDate(now));
  if (!gate.allowed) throw conflict(gate.message ?? '三同步：解读未就绪');
}

async function view(db: DbOrTx, item: Item, now: Date): Promise<InterpretationPlanView> {
  const { plan, minForms, gate } = await gateOf(db, item, chinaDate(now));
  return {
    majorPolicy: plan?.majorPolicy ?? false,
    firstInterpreter: plan?.firstInterpreter ?? null,
    exemptionReason: plan?.exemptionReason ?? null,
    needsInterpretation: item.needsInterpretation,
    forms: gate.forms,
    minForms,
    allowed: gate.allowed,
    message: gate.message ?? null,
  };
}

export async function getInterpretationPlan(
  database: Database,
  user: StaffUser,
  id: string,
  now: Date,
): Promise<InterpretationPlanView> {
  return view(database.db, await readScoped(database.db, user, id), now);
}

export async function putInterpretationPlan(
  database: Database,
  user: StaffUser,
  actor: Actor,
  id: string,
  input: InterpretationPlanInput,
  now: Date,
): Promise<InterpretationPlanView> {
  return database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, id);
    // The plan is what 终审 passed on: afterwards it changes only with a new version (更正), through that version.
    if (!PRE_PUBLICATION_STATUSES.includes(item.status as ItemStatus))
      throw conflict('只有草稿、被退回或审核中的政策可以修改三同步登记；已发布的政策请使用“更正”');
    const values = {
      policyRootId: item.rootId,
      majorPolicy: input.majorPolicy,
      firstInterpreter: input.firstInterpreter || null,
      exemptionReason: input.exemptionReason || null,
      updatedBy: user.id,
      updatedAt: now,
    };
    await upsertPlan(tx, values);
    await auditItem(
      tx,
      actor,
      'disclosure.interpretation.plan',
      id,
      { ...values, updatedAt: undefined },
      now,
    );
    return view(tx, item, now);
  });
}

export async function getInterpretationSettings(db: Database | DbOrTx): Promise<{ majorMinForms: number }> {
  return { majorMinForms: await majorMinForms(db) };
}

export async function putInterpretationSettings(
  database: Database,
  actor: Actor,
  input: { majorMinForms: number },
): Promise<{ majorMinForms: number }> {
  await putAuditedSetting(database, actor, SETTING, input, {
    action: 'disclosure.interpretation.settings',
    objectType: 'settings',
    objectId: SETTING,
    detail: input,
  });
  return input;
}

/** Registers a 新闻发布会 or 访谈 of the user's unit, linked to policies the user may see. */
export async function createBriefing(
  database: Database,
  user: StaffUser,
  actor: Actor,
  input: BriefingInput,
) {
  return database.db.transaction(async (tx) => {
    const roots: string[] = [];
    for (const id of input.policyIds) roots.push((await readScoped(tx, user, id)).rootId);
    const row = await insertBriefing(tx, {
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      unitId: user.unitId,
      speakers: input.speakers,
      url: input.url,
      policyRootIds: [...new Set(roots)],
      createdBy: user.id,
    });
    await audit(tx, actor, {
      action: 'disclosure.briefing.create',
      objectType: 'disclosureBriefing',
      objectId: row.id,
      detail: { kind: row.kind, title: row.title, heldOn: row.heldOn, policies: row.policyRootIds },
    });
    return (await briefingViews(tx, [row]))[0]!;
  });
}

type BriefingRow = Awaited<ReturnType<typeof insertBriefing>>;

/** Briefings as the register shows them, with the titles of the policies they explain. */
async function briefingViews(db: DbOrTx, rows: BriefingRow[]): Promise<BriefingView[]> {
  const titles = await itemTitles(db, [...new Set(rows.flatMap((b) => b.policyRootIds))]);
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    title: b.title,
    heldOn: b.heldOn,
    unitId: b.unitId,
    speakers: b.speakers,
    url: b.url,
    policyRootIds: b.policyRootIds,
    policies: b.policyRootIds.map((id) => ({ id, title: titles.get(id) ?? '（已删除）' })),
  }));
}

export async function listBriefings(database: Database, user: StaffUser, policyId?: string) {
  const db = database.db;
  const root = policyId ? (await readScoped(db, user, policyId)).rootId : undefined;
  return briefingViews(db, await briefingsOf(db, root, user));
}

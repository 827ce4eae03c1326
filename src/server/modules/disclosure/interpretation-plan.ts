// Use case: 三同步 as a gate (issue 13 part 3). The plan of a policy (重大政策, 第一解读人, exemption) is kept per
// policy root; `assertInterpretationGate` is asked by the workflow before a policy passes 终审.
import type { InterpretationPlanInput, InterpretationPlanView } from '../../../contracts/interpretation-plan';
import { DEFAULT_MAJOR_MIN_FORMS, interpretationGate } from '../../../domain/disclosure/interpretation-gate';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { getSetting, putSetting } from '../../platform/settings';
import { planOf, upsertPlan } from './repo/interpretation';
import { type Item, interpretationsOf } from './repo/items';
import { auditItem, lockScoped, readScoped, type StaffUser } from './scope';
import { getDisclosureSettings } from './settings';

const SETTING = 'disclosure.interpretation';

export async function majorMinForms(db: Database | DbOrTx): Promise<number> {
  return (await getSetting<{ majorMinForms: number }>(db, SETTING))?.majorMinForms ?? DEFAULT_MAJOR_MIN_FORMS;
}

async function gateOf(db: DbOrTx, item: Item) {
  const plan = await planOf(db, item.rootId);
  const minForms = await majorMinForms(db);
  // The district may switch 三同步 off (disclosure settings); then nothing is held back.
  const on = (await getDisclosureSettings(db)).requireInterpretation;
  const gate = interpretationGate(
    { needsInterpretation: on && item.kind !== 'interpretation' && item.needsInterpretation },
    plan,
    await interpretationsOf(db, item.rootId),
    minForms,
  );
  return { plan, minForms, gate };
}

/** Refuses 终审 of a policy whose interpretation is not ready (and no exemption is recorded). */
export async function assertInterpretationGate(tx: DbOrTx, item: Item): Promise<void> {
  const { gate } = await gateOf(tx, item);
  if (!gate.allowed) throw conflict(gate.message ?? '三同步：解读未就绪');
}

async function view(db: DbOrTx, item: Item): Promise<InterpretationPlanView> {
  const { plan, minForms, gate } = await gateOf(db, item);
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
): Promise<InterpretationPlanView> {
  return view(database.db, await readScoped(database.db, user, id));
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
    return view(tx, item);
  });
}

export async function putInterpretationSettings(
  database: Database,
  actor: Actor,
  input: { majorMinForms: number },
): Promise<{ majorMinForms: number }> {
  await database.db.transaction(async (tx) => {
    await putSetting(tx, SETTING, input);
    await audit(tx, actor, {
      action: 'disclosure.interpretation.settings',
      objectType: 'settings',
      objectId: SETTING,
      detail: input,
    });
  });
  return input;
}

// Use case: 规范性文件清理 (a yearly campaign over the documents in force: each unit marks each of its own, the office
// publishes the result and a 废止 mark repeals the document that day), stale citations (published texts that cite a
// document no longer in force) and the 合法性审核 / 备案审查 register (issue 13 part 5).
import type {
  Campaign,
  CampaignDetail,
  LegalRow,
  MarkRow,
  StaleCitation,
} from '../../../contracts/normative';
import { chinaDate } from '../../../domain/calendar';
import {
  citedDocs,
  markError,
  REVIEW_DECISION_LABELS,
  type ReviewDecision,
} from '../../../domain/disclosure/normative-review';
import { type Validity, validityOn } from '../../../domain/disclosure/rules';
import { disclosureItems, normativeMarks } from '../../db/schema/disclosure';
import { audit } from '../../platform/audit/audit';
import type { Actor, Platform } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { assertUnitInScope, scopeFilter } from '../org';
import {
  campaignList,
  campaignOfYear,
  findCampaign,
  insertCampaign,
  insertMarks,
  legalMarks,
  lockMark,
  marksOf,
  publishedNormativeDocs,
  publishedTexts,
  repealDocs,
  setCampaignPublished,
  setMark,
  upsertLegalMark,
} from './repo/normative';
import type { StaffUser } from './scope';

const today = (p: Platform) => chinaDate(p.clock.now());

type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;
const toCampaign = (c: CampaignRow): Campaign => ({
  id: c.row.id,
  year: c.row.year,
  title: c.row.title,
  status: c.row.status,
  dueDate: c.row.dueDate,
  publishedOn: c.row.publishedOn,
  total: c.total,
  marked: c.marked,
});

const nowValidity = (
  d: {
    validity: Validity | null;
    effectiveDate: string | null;
    expiryDate: string | null;
    repealedDate: string | null;
    writtenDate: string | null;
  },
  on: string,
) => validityOn({ ...d, validity: d.validity ?? 'in_force', issuedDate: d.writtenDate }, on);

export async function listCampaigns(p: Platform): Promise<Campaign[]> {
  return (await campaignList(p.database.db)).map(toCampaign);
}

/** Starts the year's campaign over every document in force today; one campaign a year. */
export async function startCampaign(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  input: { year: number; title?: string; dueDate: string },
): Promise<Campaign> {
  const on = today(p);
  if (input.dueDate < on) throw invalid('完成时限不能早于今天');
  const docs = (await publishedNormativeDocs(p.database.db)).filter((d) => nowValidity(d, on) === 'in_force');
  if (docs.length === 0) throw invalid('目前没有现行有效的规范性文件，无需清理');
  const id = await p.database.db.transaction(async (tx) => {
    if (await campaignOfYear(tx, input.year)) throw conflict(`${input.year} 年的清理工作已经启动`);
    const c = await insertCampaign(tx, {
      year: input.year,
      title: input.title || `${input.year}年行政规范性文件清理`,
      dueDate: input.dueDate,
      createdBy: user.id,
    });
    await insertMarks(
      tx,
      docs.map((d) => ({ campaignId: c.id, itemRootId: d.rootId, unitId: d.unitId })),
    );
    await audit(tx, actor, {
      action: 'disclosure.normative.campaign.start',
      objectType: 'normativeCampaign',
      objectId: c.id,
      detail: { year: input.year, documents: docs.length },
    });
    return c.id;
  });
  return toCampaign((await findCampaign(p.database.db, id))!);
}

const toMark = (m: Awaited<ReturnType<typeof marksOf>>[number]): MarkRow => ({
  id: m.id,
  itemId: m.itemId,
  title: m.title,
  docNumber: m.docNumber,
  unitId: m.unitId,
  unitName: m.unitName,
  writtenDate: m.writtenDate,
  decision: m.decision,
  reason: m.reason,
  markedAt: m.markedAt?.toISOString() ?? null,
});

/** The campaign, its progress per unit and the documents of the units in the user's scope. */
export async function campaignDetail(p: Platform, user: StaffUser, id: string): Promise<CampaignDetail> {
  const c = await findCampaign(p.database.db, id);
  if (!c) throw notFound('清理工作');
  const rows = (await marksOf(p.database.db, id, scopeFilter(user, normativeMarks.unitId))).map(toMark);
  const byUnit = new Map<string, { unitId: string; unitName: string; total: number; marked: number }>();
  for (const m of rows) {
    const u = byUnit.get(m.unitId) ?? { unitId: m.unitId, unitName: m.unitName, total: 0, marked: 0 };
    u.total++;
    if (m.decision) u.marked++;
    byUnit.set(m.unitId, u);
  }
  return { campaign: toCampaign(c), units: [...byUnit.values()], marks: rows };
}

export async function markDocument(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  campaignId: string,
  markId: string,
  input: { decision: ReviewDecision; reason?: string | null },
): Promise<MarkRow> {
  const err = markError(input.decision, input.reason);
  if (err) throw invalid(err, { fields: { reason: err } });
  await p.database.db.transaction(async (tx) => {
    const m = await lockMark(tx, markId);
    if (!m || m.campaignId !== campaignId) throw notFound('清理文件');
    await assertUnitInScope(tx, user, m.unitId, '清理文件');
    const c = await findCampaign(tx, campaignId);
    if (c?.row.status !== 'open') throw conflict('清理结果已公布，不能再修改');
    await setMark(tx, markId, {
      decision: input.decision,
      reason: input.reason?.trim() || null,
      markedBy: user.id,
      markedAt: p.clock.now(),
    });
    await audit(tx, actor, {
      action: 'disclosure.normative.mark',
      objectType: 'normativeMark',
      objectId: markId,
      detail: { decision: REVIEW_DECISION_LABELS[input.decision], reason: input.reason ?? null },
    });
  });
  const row = (await marksOf(p.database.db, campaignId)).find((m) => m.id === markId)!;
  return toMark(row);
}

/** Publishes the result: every document must be marked; a 废止 mark repeals its document today. */
export async function publishCampaign(p: Platform, actor: Actor, id: string): Promise<Campaign> {
  const on = today(p);
  await p.database.db.transaction(async (tx) => {
    const c = await findCampaign(tx, id);
    if (!c) throw notFound('清理工作');
    if (c.row.status !== 'open') throw conflict('清理结果已经公布');
    const rows = await marksOf(tx, id);
    const open = rows.filter((m) => !m.decision);
    if (open.length)
      throw invalid(
        `还有 ${open.length} 件文件未标记清理意见（${[...new Set(open.map((m) => m.unitName))].join('、')}）`,
      );
    const repealed = rows.filter((m) => m.decision === 'repeal').map((m) => m.itemRootId);
    await repealDocs(tx, repealed, on);
    await setCampaignPublished(tx, id, on);
    await audit(tx, actor, {
      action: 'disclosure.normative.campaign.publish',
      objectType: 'normativeCampaign',
      objectId: id,
      detail: { documents: rows.length, repealed: repealed.length },
    });
  });
  return toCampaign((await findCampaign(p.database.db, id))!);
}

/** Published items in scope that cite a normative document no longer in force (or interpret one). */
export async function staleCitations(p: Platform, user: StaffUser): Promise<StaleCitation[]> {
  const db = p.database.db;
  const on = today(p);
  const dead = (await publishedNormativeDocs(db))
    .map((d) => ({ ...d, now: nowValidity(d, on) }))
    .filter((d) => d.now !== 'in_force');
  if (dead.length === 0) return [];
  const deadByRoot = new Map(dead.map((d) => [d.rootId, d]));
  const out: StaleCitation[] = [];
  for (const t of await publishedTexts(db, scopeFilter(user, disclosureItems.unitId))) {
    const cited = citedDocs(`${t.title}\n${t.bodyText}`, dead).filter((d) => d.rootId !== t.rootId);
    const policy = t.policyRootId ? deadByRoot.get(t.policyRootId) : undefined;
    if (policy && !cited.includes(policy)) cited.push(policy);
    if (cited.length)
      out.push({
        itemId: t.id,
        title: t.title,
        kind: t.kind,
        unitName: t.unitName,
        cited: cited.map((d) => ({ itemId: d.id, title: d.title, docNumber: d.docNumber, validity: d.now })),
      });
  }
  return out;
}

/** The register of 合法性审核 and 备案审查 over the published documents in scope. */
export async function legalRegister(p: Platform, user: StaffUser): Promise<LegalRow[]> {
  const docs = await publishedNormativeDocs(p.database.db, scopeFilter(user, disclosureItems.unitId));
  const marks = new Map(
    (
      await legalMarks(
        p.database.db,
        docs.map((d) => d.rootId),
      )
    ).map((m) => [m.itemRootId, m]),
  );
  return docs.map((d) => {
    const m = marks.get(d.rootId);
    return {
      rootId: d.rootId,
      itemId: d.id,
      title: d.title,
      docNumber: d.docNumber,
      unitName: d.unitName,
      writtenDate: d.writtenDate,
      legalityReviewedOn: m?.legalityReviewedOn ?? null,
      legalityOpinion: m?.legalityOpinion ?? null,
      filingNumber: m?.filingNumber ?? null,
      filedOn: m?.filedOn ?? null,
    };
  });
}

export async function putLegalMark(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  rootId: string,
  input: Pick<LegalRow, 'legalityReviewedOn' | 'legalityOpinion' | 'filingNumber' | 'filedOn'>,
): Promise<void> {
  const doc = (await publishedNormativeDocs(p.database.db)).find((d) => d.rootId === rootId);
  if (!doc) throw notFound('规范性文件');
  await assertUnitInScope(p.database.db, user, doc.unitId, '规范性文件');
  if (input.filedOn && input.legalityReviewedOn && input.filedOn < input.legalityReviewedOn)
    throw invalid('备案日期不能早于合法性审核日期');
  await p.database.db.transaction(async (tx) => {
    await upsertLegalMark(tx, { itemRootId: rootId, ...input, updatedBy: user.id });
    await audit(tx, actor, {
      action: 'disclosure.normative.legal',
      objectType: 'disclosureItem',
      objectId: doc.id,
      detail: { ...input },
    });
  });
}

/** The portal's 清理结果 of a year: published campaigns only. */
export async function publishedCampaignResult(p: Platform, year: number) {
  const c = await campaignOfYear(p.database.db, year);
  if (!c) return null;
  if (c.row.status !== 'published') return null; // an open campaign is internal work
  const rows = (await marksOf(p.database.db, c.row.id)).map(toMark);
  return { campaign: toCampaign(c), marks: rows };
}

/** Years with a published 清理结果 (the portal's list). */
export async function publishedCampaignYears(p: Platform): Promise<Campaign[]> {
  return (await listCampaigns(p)).filter((c) => c.status === 'published');
}

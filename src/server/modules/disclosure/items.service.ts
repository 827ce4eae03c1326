// Information items (issue 5 parts 2–6): drafting with metadata, 索引号, sanitised body, attachments checked by
// content, the automatic checks with one-click mask and reviewer overrides, the review workflow, publishing,
// withdrawal, corrections as new versions, normative-document validity and the search index.
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { DisclosureSettings, ItemInput, itemListQuery, UnitGuide } from '../../../contracts/disclosure';
import { chinaDate } from '../../../domain/calendar';
import {
  DEFAULT_INDEX_RULE,
  formatIndexNumber,
  missingInterpretation,
  type NormativeCounts,
  normativeCounts,
  timeliness,
  validityOn,
} from '../../../domain/disclosure/rules';
import {
  DEFAULT_REVIEW_LEVELS,
  EDITABLE_STATUSES,
  type ItemStatus,
  type ReviewAction,
  transition,
} from '../../../domain/disclosure/workflow';
import {
  extractLinks,
  runChecks,
  runChecksOnParts,
  unreadableAttachmentFinding,
} from '../../../domain/review/checks';
import { type FindingOverride, findingKey, publicationGate } from '../../../domain/review/gate';
import type { CheckOptions, Finding } from '../../../domain/review/types';
import { resolveUnit } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import {
  disclosureAttachments,
  disclosureColumns,
  disclosureItems,
  disclosureReviewSteps,
  disclosureUnitSettings,
  units,
  userRoles,
  users,
} from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Platform } from '../../platform/context';
import {
  type ExtractResult,
  extractAttachmentText,
  maskAttachment,
} from '../../platform/documents/attachment-text';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { readFile, type StoredKind, storeFile } from '../../platform/files/service';
import { notify } from '../../platform/notify/service';
import { getSetting, putSetting } from '../../platform/settings';
import { assertUnitInScope, scopeFilter } from '../org/org.scope';
import { loadUnitIndex } from '../org/registry';
import { ensureUnitCatalog } from './catalog.service';
import { findBrokenLinks, ProbeCache } from './link-probe';
import { bodyToText, maskInHtml, sanitizeBody } from './sanitize';
import { indexItem, unindexItem } from './search.service';

type Item = typeof disclosureItems.$inferSelect;
type User = Pick<
  CurrentUser,
  'id' | 'name' | 'unitId' | 'dataScope' | 'permissions' | 'username' | 'unitName'
>;

export const ATTACHMENT_KINDS: StoredKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif'];
/** Largest attachment [I]: the issue asks for a size check without a figure; 50 MB covers scanned PDFs. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const IMAGE_MIME = /^image\//;

// ---------- settings ----------

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  indexRule: DEFAULT_INDEX_RULE,
  distinctReviewers: true,
  requireInterpretation: true,
  sensitiveWords: [],
};

export async function getDisclosureSettings(db: Database | DbOrTx): Promise<DisclosureSettings> {
  const s = await getSetting<Partial<DisclosureSettings>>(db, 'disclosure');
  return { ...DEFAULT_DISCLOSURE_SETTINGS, ...(s ?? {}) };
}

export async function putDisclosureSettings(
  database: Database,
  actor: Actor,
  input: Partial<DisclosureSettings>,
): Promise<DisclosureSettings> {
  const next = { ...(await getDisclosureSettings(database)), ...input };
  await database.db.transaction(async (tx) => {
    await putSetting(tx, 'disclosure', next);
    await audit(tx, actor, {
      action: 'disclosure.settings.update',
      objectType: 'settings',
      objectId: 'disclosure',
      detail: { ...next, sensitiveWords: next.sensitiveWords.length },
    });
  });
  return next;
}

export async function reviewLevelsOf(db: DbOrTx, unitId: string): Promise<string[]> {
  const [s] = await db.select().from(disclosureUnitSettings).where(eq(disclosureUnitSettings.unitId, unitId));
  return s?.reviewLevels?.length ? s.reviewLevels : [...DEFAULT_REVIEW_LEVELS];
}

export async function putUnitSettings(
  database: Database,
  actor: Actor,
  unitId: string,
  input: { reviewLevels: string[]; indexCode?: string | null },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [u] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!u) throw notFound('单位');
    await tx
      .insert(disclosureUnitSettings)
      .values({ unitId, reviewLevels: input.reviewLevels, indexCode: input.indexCode ?? null })
      .onConflictDoUpdate({
        target: disclosureUnitSettings.unitId,
        set: {
          reviewLevels: input.reviewLevels,
          ...(input.indexCode !== undefined ? { indexCode: input.indexCode } : {}),
        },
      });
    await audit(tx, actor, {
      action: 'disclosure.unitSettings.update',
      objectType: 'unit',
      objectId: unitId,
      detail: input,
    });
  });
}

/** The unit's edited 指南 (条例 Art. 12), or null when the portal should show the generated outline. */
export async function unitGuideOf(db: DbOrTx, unitId: string): Promise<UnitGuide | null> {
  const [s] = await db
    .select({ guide: disclosureUnitSettings.guide })
    .from(disclosureUnitSettings)
    .where(eq(disclosureUnitSettings.unitId, unitId));
  return s?.guide ?? null;
}

/** Saves (or, with null, removes) the unit's 指南. */
export async function putUnitGuide(
  database: Database,
  actor: Actor,
  unitId: string,
  guide: UnitGuide | null,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [u] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!u) throw notFound('单位');
    await tx
      .insert(disclosureUnitSettings)
      .values({ unitId, guide })
      .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: { guide } });
    await audit(tx, actor, {
      action: guide ? 'disclosure.guide.update' : 'disclosure.guide.reset',
      objectType: 'unit',
      objectId: unitId,
      detail: guide ? { officeName: guide.officeName } : {},
    });
  });
}

export async function nextIndexNo(
  tx: DbOrTx,
  unitId: string,
  year: number,
  art20: string | null,
  rule: string,
) {
  await tx.insert(disclosureUnitSettings).values({ unitId }).onConflictDoNothing();
  const [s] = await tx
    .select()
    .from(disclosureUnitSettings)
    .where(eq(disclosureUnitSettings.unitId, unitId))
    .for('update');
  const seqs = (s?.sequences ?? {}) as Record<string, number>;
  const seq = (seqs[String(year)] ?? 0) + 1;
  await tx
    .update(disclosureUnitSettings)
    .set({ sequences: { ...seqs, [String(year)]: seq } })
    .where(eq(disclosureUnitSettings.unitId, unitId));
  // Default unit code [I]: the first 8 hex digits of the unit id until the office sets a code (e.g. its USCC).
  const code = s?.indexCode || unitId.replace(/-/g, '').slice(0, 8).toUpperCase();
  return formatIndexNumber(rule, { unit: code, year, category: art20, seq });
}

// ---------- loading and scope ----------

async function loadItem(db: DbOrTx, id: string): Promise<Item> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('信息');
  const [row] = await db.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  if (!row) throw notFound('信息');
  return row;
}

async function loadScoped(db: DbOrTx, user: User, id: string): Promise<Item> {
  const item = await loadItem(db, id);
  await assertUnitInScope(db, user, item.unitId);
  return item;
}

async function step(
  tx: DbOrTx,
  itemId: string,
  user: { id: string | null; name: string | null },
  action: string,
  comment?: string | null,
  levelName?: string | null,
  at?: Date,
) {
  await tx.insert(disclosureReviewSteps).values({
    itemId,
    action,
    userId: user.id,
    userName: user.name,
    comment: comment ?? null,
    levelName: levelName ?? null,
    ...(at ? { at } : {}),
  });
}

// ---------- checks ----------

export async function checkOptions(
  p: Platform,
  db: DbOrTx,
  item: Pick<Item, 'writtenDate' | 'publishDate'>,
): Promise<CheckOptions> {
  const settings = await getDisclosureSettings(db);
  const index = await loadUnitIndex(db, p.config.districtName);
  return {
    sensitiveWords: settings.sensitiveWords,
    resolveUnit: (name) => {
      const r = resolveUnit(index, name);
      const known = r.status !== 'unknown' && r.status !== 'suggestion';
      const top = r.suggestions[0];
      return known
        ? {
            known: true,
            ...(r.unitName && r.unitName !== name
              ? { suggestion: r.unitName, confidence: r.confidence }
              : {}),
          }
        : { known: false, ...(top ? { suggestion: top.unitName, confidence: top.confidence } : {}) };
    },
    ...(item.writtenDate ? { writtenDate: item.writtenDate } : {}),
    ...(item.publishDate ? { publishedDate: item.publishDate } : {}),
  };
}

const probeCache = new ProbeCache();

/** Probes the links of a draft's title and body before its transaction opens (recheck then reads the cache). */
async function probeAhead(p: Platform, input: ItemInput): Promise<void> {
  if (!p.config.linkProbe) return;
  const body = input.bodyHtml !== undefined ? bodyToText(sanitizeBody(input.bodyHtml)) : '';
  await findBrokenLinks(
    [input.title, body].flatMap(extractLinks),
    { allowPrivate: p.config.linkProbePrivate },
    probeCache,
  );
}

/** Runs every check on title, body and attachments and stores the findings. Returns all findings. */
async function recheck(p: Platform, tx: DbOrTx, item: Item): Promise<Finding[]> {
  const base = await checkOptions(p, tx, item);
  const atts = await tx.select().from(disclosureAttachments).where(eq(disclosureAttachments.itemId, item.id));
  const extracted: { a: (typeof atts)[number]; r: ExtractResult }[] = [];
  for (const a of atts) {
    if (IMAGE_MIME.test(a.mime)) continue;
    const f = await readFile(tx, a.fileId);
    if (!f) continue;
    extracted.push({ a, r: await extractAttachmentText(f.bytes, a.name) });
  }
  // Links of the body and of every attachment are probed once, before the pure checks run.
  const texts = [
    item.title,
    item.bodyText,
    ...extracted.flatMap(({ r }) => ('parts' in r ? r.parts.map((x) => x.text) : [])),
  ];
  const brokenLinks = p.config.linkProbe
    ? await findBrokenLinks(
        texts.flatMap(extractLinks),
        { allowPrivate: p.config.linkProbePrivate },
        probeCache,
      )
    : [];
  const opts: CheckOptions = { ...base, brokenLinks };
  const findings: Finding[] = [
    ...runChecks(item.title, { ...opts, source: '标题' }),
    ...runChecks(item.bodyText, { ...opts, source: '正文' }),
  ];
  for (const { a, r } of extracted) {
    // Dates in attachments are not compared with the item's dates: only the body carries them.
    const aopts = { ...opts, writtenDate: undefined, publishedDate: undefined };
    const parts = 'parts' in r ? r.parts : [];
    const af =
      'parts' in r
        ? runChecksOnParts(r.parts, aopts)
        : [unreadableAttachmentFinding(`附件 ${a.name}`, r.error, aopts)];
    await tx
      .update(disclosureAttachments)
      .set({
        findings: af,
        text: parts
          .map((x) => x.text)
          .join('\n')
          .slice(0, 2_000_000),
      })
      .where(eq(disclosureAttachments.id, a.id));
    findings.push(...af);
  }
  await tx.update(disclosureItems).set({ findings }).where(eq(disclosureItems.id, item.id));
  return findings;
}

function gateOf(item: Pick<Item, 'findings' | 'overrides'>) {
  return publicationGate(item.findings as Finding[], item.overrides as FindingOverride[]);
}

// ---------- create / update ----------

function itemValues(input: ItemInput) {
  const bodyHtml = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : undefined;
  return {
    kind: input.kind,
    columnId: input.columnId ?? null,
    title: input.title,
    docNumber: input.docNumber ?? null,
    writtenDate: input.writtenDate ?? null,
    formedDate: input.formedDate ?? input.writtenDate ?? null,
    publishDate: input.publishDate ?? null,
    topic: input.topic ?? null,
    art20: input.art20 ?? (input.kind === 'normative' ? 'art20_1' : null),
    summary: input.summary ?? '',
    ...(bodyHtml !== undefined ? { bodyHtml, bodyText: bodyToText(bodyHtml) } : {}),
    publishAt: input.publishAt ? new Date(input.publishAt) : null,
    validity: input.kind === 'normative' ? (input.validity ?? 'in_force') : null,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    repealedDate: input.repealedDate ?? null,
    repealedById: input.repealedById ?? null,
    replacedById: input.replacedById ?? null,
    policyRootId: input.kind === 'interpretation' ? (input.policyRootId ?? null) : null,
    interpretationForm: input.kind === 'interpretation' ? (input.interpretationForm ?? 'text') : null,
    needsInterpretation: input.needsInterpretation ?? false,
  };
}

/**
 * Checks the references and returns the item's column: one of its own unit's catalog, or, when none is chosen, the
 * unit's column of the item's Art. 20 category (a liaison who picks 规划信息 as category files it there).
 */
async function validateRefs(tx: DbOrTx, input: ItemInput, unitId: string, art20: string | null) {
  let columnId = input.columnId ?? null;
  if (columnId) {
    const [c] = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, columnId));
    if (!c) throw invalid('所选栏目不存在');
    if (c.unitId !== unitId) throw invalid(`栏目「${c.name}」不属于本单位的公开目录，请重新选择栏目`);
  } else if (art20) {
    await ensureUnitCatalog(tx, unitId);
    const [c] = await tx
      .select({ id: disclosureColumns.id })
      .from(disclosureColumns)
      .where(and(eq(disclosureColumns.unitId, unitId), eq(disclosureColumns.code, art20)));
    columnId = c?.id ?? null;
  }
  if (input.kind === 'interpretation' && input.policyRootId) {
    const [pol] = await tx
      .select()
      .from(disclosureItems)
      .where(eq(disclosureItems.rootId, input.policyRootId))
      .limit(1);
    if (!pol) throw invalid('所解读的政策文件不存在');
  }
  if (input.writtenDate && input.publishDate && input.publishDate < input.writtenDate)
    throw invalid('发布日期不能早于成文日期');
  return columnId;
}

/**
 * The unit a draft is published under when the author does not choose: their own, or, for an 内设科室 (subdivision,
 * which has no catalog on the portal), the nearest unit above it, when that unit is in the author's scope.
 */
export async function publishingUnitOf(db: DbOrTx, user: User): Promise<string> {
  const r = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, kind, 0 AS depth FROM units WHERE id = ${user.unitId}::uuid
      UNION ALL SELECT u.id, u.parent_id, u.kind, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
    )
    SELECT id FROM up WHERE kind <> 'subdivision' ORDER BY depth LIMIT 1`);
  const candidate = r.rows[0]?.id;
  if (!candidate || candidate === user.unitId) return user.unitId;
  try {
    await assertUnitInScope(db, user, candidate);
    return candidate;
  } catch {
    return user.unitId;
  }
}

export async function createItem(
  p: Platform,
  user: User,
  actor: Actor,
  input: ItemInput,
): Promise<{ id: string }> {
  const unitId = input.unitId ?? (await publishingUnitOf(p.database.db, user));
  await assertUnitInScope(p.database.db, user, unitId);
  await probeAhead(p, input);
  return p.database.db.transaction(async (tx) => {
    const values = itemValues(input);
    values.columnId = await validateRefs(tx, input, unitId, values.art20);
    const settings = await getDisclosureSettings(tx);
    const year = Number((values.writtenDate ?? chinaDate(p.clock.now())).slice(0, 4));
    const indexNo = await nextIndexNo(tx, unitId, year, values.art20, settings.indexRule);
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(disclosureItems)
      .values({
        ...values,
        id,
        rootId: id,
        unitId,
        indexNo,
        createdBy: user.id,
        createdAt: p.clock.now(),
        updatedAt: p.clock.now(),
      })
      .returning();
    await recheck(p, tx, row!);
    await step(tx, id, user, 'create', null, null, p.clock.now());
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.item.create',
        objectType: 'disclosureItem',
        objectId: id,
        detail: { title: input.title, indexNo },
      },
      p.clock.now(),
    );
    return { id };
  });
}

export async function updateItem(
  p: Platform,
  user: User,
  actor: Actor,
  id: string,
  input: ItemInput,
): Promise<void> {
  await loadScoped(p.database.db, user, id); // scope first: nobody outside it makes the server fetch links
  await probeAhead(p, input);
  await p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, id);
    if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
      throw conflict('只有草稿或被退回的信息可以修改；已发布的信息请使用“更正”生成新版本');
    const values = itemValues(input);
    values.columnId = await validateRefs(tx, input, item.unitId, values.art20);
    const [row] = await tx
      .update(disclosureItems)
      .set({ ...values, kind: item.kind, updatedAt: p.clock.now() })
      .where(eq(disclosureItems.id, id))
      .returning();
    await recheck(p, tx, row!);
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.item.update',
        objectType: 'disclosureItem',
        objectId: id,
        detail: { title: input.title },
      },
      p.clock.now(),
    );
  });
}

// ---------- attachments ----------

export async function addAttachment(
  p: Platform,
  user: User,
  actor: Actor,
  itemId: string,
  upload: { name: string; bytes: Uint8Array },
) {
  return p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
      throw conflict('只有草稿或被退回的信息可以修改附件');
    const stored = await storeFile(
      tx,
      { name: upload.name, bytes: upload.bytes, uploadedBy: user.id },
      { allowed: ATTACHMENT_KINDS, maxBytes: MAX_ATTACHMENT_BYTES },
    );
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(disclosureAttachments)
      .where(eq(disclosureAttachments.itemId, itemId));
    const [att] = await tx
      .insert(disclosureAttachments)
      .values({
        itemId,
        fileId: stored.id,
        name: upload.name.slice(0, 200),
        size: stored.size,
        mime: stored.mime,
        sort: n,
      })
      .returning();
    const findings = await recheck(p, tx, item);
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.attachment.add',
        objectType: 'disclosureItem',
        objectId: itemId,
        detail: { name: upload.name, size: stored.size },
      },
      p.clock.now(),
    );
    return {
      id: att!.id,
      name: att!.name,
      findings: findings.filter((f) => f.source?.startsWith(`附件 ${att!.name}`)),
    };
  });
}

export async function removeAttachment(p: Platform, user: User, actor: Actor, itemId: string, attId: string) {
  await p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
      throw conflict('只有草稿或被退回的信息可以修改附件');
    const del = await tx
      .delete(disclosureAttachments)
      .where(and(eq(disclosureAttachments.id, attId), eq(disclosureAttachments.itemId, itemId)))
      .returning();
    if (!del[0]) throw notFound('附件');
    await recheck(p, tx, item);
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.attachment.remove',
        objectType: 'disclosureItem',
        objectId: itemId,
        detail: { name: del[0].name },
      },
      p.clock.now(),
    );
  });
}

/** Download: staff in scope any time; the public only for a published item. */
export async function attachmentFile(db: DbOrTx, attId: string, user: User | null) {
  if (!/^[0-9a-f-]{36}$/i.test(attId)) throw notFound('附件');
  const [a] = await db.select().from(disclosureAttachments).where(eq(disclosureAttachments.id, attId));
  if (!a) throw notFound('附件');
  const item = await loadItem(db, a.itemId);
  if (user) await assertUnitInScope(db, user, item.unitId);
  else if (item.status === 'withdrawn') throw new AppError('GONE', '该信息已撤回，附件不再提供下载');
  else if (item.status !== 'published' && item.status !== 'superseded') throw notFound('附件');
  const f = await readFile(db, a.fileId);
  if (!f) throw notFound('附件');
  return { ...f, name: a.name, updatedAt: a.createdAt };
}

// ---------- mask and override ----------

/** One-click mask: writes the masked value for the chosen findings (default: every maskable one). */
export async function maskItem(p: Platform, user: User, actor: Actor, itemId: string, keys?: string[]) {
  return p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    if (!EDITABLE_STATUSES.includes(item.status as ItemStatus) && item.status !== 'in_review')
      throw conflict('已发布的信息不能直接脱敏，请使用“更正”');
    const all = item.findings as Finding[];
    const chosen = all.filter((f) => f.masked !== f.text && (!keys || keys.includes(findingKey(f))));
    let masked = 0;
    let html = item.bodyHtml;
    let title = item.title;
    for (const f of chosen.filter((x) => x.source === '正文')) {
      const next = maskInHtml(html, f.text, f.masked);
      if (next !== html) masked++;
      html = next;
    }
    for (const f of chosen.filter((x) => x.source === '标题')) {
      title = title.split(f.text).join(f.masked);
      masked++;
    }
    const atts = await tx
      .select()
      .from(disclosureAttachments)
      .where(eq(disclosureAttachments.itemId, itemId));
    for (const a of atts) {
      const mine = chosen.filter(
        (f) => f.source === `附件 ${a.name}` || f.source?.startsWith(`附件 ${a.name} ›`),
      );
      if (mine.length === 0) continue;
      const f = await readFile(tx, a.fileId);
      if (!f) continue;
      const r = await maskAttachment(f.bytes, a.name, mine);
      if ('error' in r) throw conflict(r.error);
      const stored = await storeFile(
        tx,
        { name: a.name, bytes: r.bytes, uploadedBy: user.id },
        { allowed: ATTACHMENT_KINDS, maxBytes: MAX_ATTACHMENT_BYTES },
      );
      await tx
        .update(disclosureAttachments)
        .set({ fileId: stored.id, size: stored.size })
        .where(eq(disclosureAttachments.id, a.id));
      masked += r.masked;
    }
    const [row] = await tx
      .update(disclosureItems)
      .set({ bodyHtml: html, bodyText: bodyToText(html), title, updatedAt: p.clock.now() })
      .where(eq(disclosureItems.id, itemId))
      .returning();
    const findings = await recheck(p, tx, row!);
    await step(tx, itemId, user, 'mask', `已脱敏 ${masked} 处`, null, p.clock.now());
    await audit(
      tx,
      actor,
      { action: 'disclosure.item.mask', objectType: 'disclosureItem', objectId: itemId, detail: { masked } },
      p.clock.now(),
    );
    return { masked, findings };
  });
}

export async function overrideFinding(
  p: Platform,
  user: User,
  actor: Actor,
  itemId: string,
  key: string,
  reason: string,
) {
  return p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    const f = (item.findings as Finding[]).find((x) => findingKey(x) === key);
    if (!f) throw invalid('该检查项已不存在（内容可能已修改），请重新检查');
    if (!f.blocking) throw invalid('该检查项不阻断发布，无需放行');
    if (item.createdBy === user.id) throw forbidden('不能放行自己起草的信息中的检查项');
    const overrides = [
      ...(item.overrides as FindingOverride[]).filter((o) => o.key !== key),
      { key, reason, by: user.id, byName: user.name, at: p.clock.now().toISOString() },
    ];
    await tx.update(disclosureItems).set({ overrides }).where(eq(disclosureItems.id, itemId));
    await step(tx, itemId, user, 'override', `${f.message}「${f.text}」：${reason}`, null, p.clock.now());
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.item.override',
        objectType: 'disclosureItem',
        objectId: itemId,
        detail: { kind: f.kind, reason },
      },
      p.clock.now(),
    );
    return gateOf({ findings: item.findings, overrides });
  });
}

// ---------- workflow ----------

async function publishNow(_p: Platform, tx: DbOrTx, item: Item, now: Date): Promise<void> {
  const publishDate = item.publishDate ?? chinaDate(now);
  await tx
    .update(disclosureItems)
    .set({ status: 'published', publishedAt: now, publishDate, updatedAt: now })
    .where(eq(disclosureItems.id, item.id));
  // A correction replaces the earlier published version everywhere.
  const older = await tx
    .update(disclosureItems)
    .set({ status: 'superseded', searchVector: null })
    .where(
      and(
        eq(disclosureItems.rootId, item.rootId),
        ne(disclosureItems.id, item.id),
        eq(disclosureItems.status, 'published'),
      ),
    )
    .returning({ id: disclosureItems.id });
  void older;
  await indexItem(tx, item.id);
}

export async function act(
  p: Platform,
  user: User,
  actor: Actor,
  itemId: string,
  action: Exclude<ReviewAction, 'publish'>,
  comment?: string,
) {
  return p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    await tx.execute(sql`SELECT 1 FROM disclosure_items WHERE id = ${itemId} FOR UPDATE`);
    const settings = await getDisclosureSettings(tx);
    const levels = await reviewLevelsOf(tx, item.unitId);
    const now = p.clock.now();
    if (
      action === 'submit' &&
      item.createdBy !== user.id &&
      !user.permissions.includes('disclosure:item:update')
    )
      throw forbidden();
    let gateAllowed: boolean | undefined;
    if (action === 'approve' || action === 'submit') {
      const findings = action === 'submit' ? await recheck(p, tx, item) : (item.findings as Finding[]);
      gateAllowed = publicationGate(findings, item.overrides as FindingOverride[]).allowed;
    }
    const t = transition(
      {
        status: item.status as ItemStatus,
        createdBy: item.createdBy,
        level: item.level,
        approvedBy: item.approvedBy,
        publishAt: item.publishAt ? item.publishAt.toISOString() : null,
      },
      action,
      {
        id: user.id,
        canReview: user.permissions.includes('disclosure:review:approve'),
        canPublish: user.permissions.includes('disclosure:item:withdraw'),
      },
      { levels, distinctReviewers: settings.distinctReviewers, now: now.toISOString(), comment, gateAllowed },
    );
    if (!t.ok) {
      if (t.code === 'FORBIDDEN') throw forbidden(t.message);
      if (t.code === 'CONFLICT') throw conflict(t.message);
      throw invalid(t.message);
    }
    await tx
      .update(disclosureItems)
      .set({
        status: t.item.status,
        level: t.item.level,
        approvedBy: [...t.item.approvedBy],
        updatedAt: now,
        ...(action === 'withdraw'
          ? { withdrawnAt: now, withdrawReason: comment ?? null, searchVector: null }
          : {}),
      })
      .where(eq(disclosureItems.id, itemId));
    await step(tx, itemId, user, action, comment ?? null, t.levelName ?? null, now);
    if (t.publishNow) {
      await publishNow(p, tx, item, now);
      await step(tx, itemId, user, 'publish', null, null, now);
    }
    if (action === 'withdraw') await unindexItem(tx, itemId);
    await notifyNext(tx, item, t.item.status, t.item.approvedBy, levels[t.item.level - 1], now);
    await audit(
      tx,
      actor,
      {
        action: `disclosure.item.${action}`,
        objectType: 'disclosureItem',
        objectId: itemId,
        detail: { status: t.item.status, ...(comment ? { comment } : {}) },
      },
      now,
    );
    return { status: t.item.status, level: t.item.level };
  });
}

/** Tells the next reviewers (same unit, not the author, not an earlier approver) or the author what happened. */
async function notifyNext(
  tx: DbOrTx,
  item: Item,
  status: ItemStatus,
  approvedBy: readonly string[],
  levelName: string | undefined,
  now: Date,
): Promise<void> {
  const link = `/admin/disclosure/items/${item.id}`;
  const stamp = now.getTime();
  if (status === 'in_review') {
    const reviewers = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(
        and(eq(users.unitId, item.unitId), eq(users.status, 'active'), eq(userRoles.roleCode, 'reviewer')),
      );
    const to = reviewers.map((r) => r.id).filter((u) => u !== item.createdBy && !approvedBy.includes(u));
    await notify(
      tx,
      to.map((userId) => ({
        userId,
        title: `待${levelName ?? '审核'}：${item.title}`,
        link,
        dedupeKey: `disclosure:${item.id}:${stamp}:${userId}`,
      })),
    );
  } else if (status === 'returned' || status === 'published' || status === 'withdrawn') {
    const what = { returned: '被退回修改', published: '已发布', withdrawn: '已撤回' }[status];
    await notify(tx, [
      {
        userId: item.createdBy,
        title: `「${item.title}」${what}`,
        link,
        dedupeKey: `disclosure:${item.id}:${stamp}:author`,
      },
    ]);
  }
}

/** Correction (更正): a published item gets a new draft version; the old stays public until the new one is. */
export async function correctItem(
  p: Platform,
  user: User,
  actor: Actor,
  itemId: string,
): Promise<{ id: string }> {
  return p.database.db.transaction(async (tx) => {
    const item = await loadScoped(tx, user, itemId);
    if (item.status !== 'published') throw conflict('只有已发布的信息可以更正');
    const open = await tx
      .select({ id: disclosureItems.id })
      .from(disclosureItems)
      .where(
        and(
          eq(disclosureItems.rootId, item.rootId),
          inArray(disclosureItems.status, ['draft', 'in_review', 'returned', 'scheduled']),
        ),
      );
    if (open[0]) throw conflict('该信息已有待审核的更正版本');
    const [{ v } = { v: 1 }] = await tx
      .select({ v: sql<number>`max(version)::int` })
      .from(disclosureItems)
      .where(eq(disclosureItems.rootId, item.rootId));
    const id = crypto.randomUUID();
    const { searchVector: _sv, ...rest } = item;
    await tx.insert(disclosureItems).values({
      ...rest,
      id,
      version: v + 1,
      status: 'draft',
      level: 0,
      approvedBy: [],
      overrides: [],
      publishedAt: null,
      publishDate: null,
      withdrawnAt: null,
      withdrawReason: null,
      createdBy: user.id,
      createdAt: p.clock.now(),
      updatedAt: p.clock.now(),
    });
    const atts = await tx
      .select()
      .from(disclosureAttachments)
      .where(eq(disclosureAttachments.itemId, itemId));
    for (const a of atts) {
      const { id: _id, itemId: _i, ...ra } = a;
      await tx.insert(disclosureAttachments).values({ ...ra, itemId: id });
    }
    await step(tx, id, user, 'correct', `更正第 ${item.version} 版`, null, p.clock.now());
    await audit(
      tx,
      actor,
      {
        action: 'disclosure.item.correct',
        objectType: 'disclosureItem',
        objectId: id,
        detail: { from: itemId, version: v + 1 },
      },
      p.clock.now(),
    );
    return { id };
  });
}

/** Scheduled publishing: items whose time has come. Run by the job every minute. */
export async function publishDue(p: Platform, now: Date): Promise<number> {
  const due = await p.database.db
    .select()
    .from(disclosureItems)
    .where(and(eq(disclosureItems.status, 'scheduled'), lte(disclosureItems.publishAt, now)));
  for (const item of due) {
    await p.database.db.transaction(async (tx) => {
      await publishNow(p, tx, item, now);
      await step(tx, item.id, { id: null, name: '系统（定时发布）' }, 'publish', null, null, now);
      await audit(
        tx,
        { userId: null, username: 'system', unitId: null, unitName: null, ip: null, requestId: null },
        {
          action: 'disclosure.item.publish',
          objectType: 'disclosureItem',
          objectId: item.id,
          detail: { scheduled: true },
        },
        now,
      );
    });
  }
  return due.length;
}

/** Automatic expiry of normative documents whose 有效期 has passed. */
export async function expireNormative(database: Database, today: string): Promise<number> {
  return database.db.transaction(async (tx) => {
    const rows = await tx
      .update(disclosureItems)
      .set({ validity: 'expired' })
      .where(
        and(
          eq(disclosureItems.kind, 'normative'),
          eq(disclosureItems.validity, 'in_force'),
          isNotNull(disclosureItems.expiryDate),
          sql`${disclosureItems.expiryDate} < ${today}`,
        ),
      )
      .returning({ id: disclosureItems.id, title: disclosureItems.title });
    if (rows.length)
      await audit(
        tx,
        { userId: null, username: 'system', unitId: null, unitName: null, ip: null, requestId: null },
        {
          action: 'disclosure.normative.expire',
          objectType: 'disclosureItem',
          detail: { count: rows.length, ids: rows.map((r) => r.id).slice(0, 50) },
        },
      );
    return rows.length;
  });
}

// ---------- reads ----------

export async function itemDetail(p: Platform, user: User, id: string) {
  const db = p.database.db;
  const item = await loadScoped(db, user, id);
  const { searchVector: _sv, ...rest } = item;
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, item.unitId));
  const attachments = await db
    .select({
      id: disclosureAttachments.id,
      name: disclosureAttachments.name,
      size: disclosureAttachments.size,
      mime: disclosureAttachments.mime,
      findings: disclosureAttachments.findings,
    })
    .from(disclosureAttachments)
    .where(eq(disclosureAttachments.itemId, id))
    .orderBy(asc(disclosureAttachments.sort));
  const history = await db
    .select()
    .from(disclosureReviewSteps)
    .where(eq(disclosureReviewSteps.itemId, id))
    .orderBy(asc(disclosureReviewSteps.at));
  const versions = await db
    .select({ id: disclosureItems.id, version: disclosureItems.version, status: disclosureItems.status })
    .from(disclosureItems)
    .where(eq(disclosureItems.rootId, item.rootId))
    .orderBy(asc(disclosureItems.version));
  const levels = await reviewLevelsOf(db, item.unitId);
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  const formed = item.formedDate ?? item.writtenDate;
  const timely = formed
    ? timeliness(
        formed,
        item.publishDate && item.status === 'published' ? item.publishDate : null,
        today,
        calendar,
      )
    : null;
  const interpretations =
    item.kind === 'interpretation'
      ? []
      : await db
          .select({
            id: disclosureItems.id,
            title: disclosureItems.title,
            status: disclosureItems.status,
            form: disclosureItems.interpretationForm,
          })
          .from(disclosureItems)
          .where(
            and(eq(disclosureItems.policyRootId, item.rootId), ne(disclosureItems.status, 'superseded')),
          );
  const policy = item.policyRootId
    ? ((
        await db
          .select({ id: disclosureItems.id, title: disclosureItems.title, status: disclosureItems.status })
          .from(disclosureItems)
          .where(and(eq(disclosureItems.rootId, item.policyRootId), ne(disclosureItems.status, 'superseded')))
          .orderBy(desc(disclosureItems.version))
          .limit(1)
      )[0] ?? null)
    : null;
  const settings = await getDisclosureSettings(db);
  return {
    ...rest,
    publishAt: item.publishAt?.toISOString() ?? null,
    unitName: unit?.name ?? '',
    attachments,
    history,
    versions,
    levels,
    levelName: item.status === 'in_review' ? (levels[item.level - 1] ?? null) : null,
    gate: gateOf(item),
    timeliness: timely,
    interpretations,
    policy,
    missingInterpretation: settings.requireInterpretation && missingInterpretation(item, interpretations),
    validityNow:
      item.kind === 'normative' && item.validity
        ? validityOn({ ...item, validity: item.validity, issuedDate: item.writtenDate }, today)
        : null,
  };
}

export async function listItems(p: Platform, user: User, q: ReturnType<typeof itemListQuery.parse>) {
  const db = p.database.db;
  const conds: (SQL | undefined)[] = [
    scopeFilter(user, disclosureItems.unitId),
    ne(disclosureItems.status, 'superseded'),
  ];
  if (q.status) conds.push(inArray(disclosureItems.status, q.status.split(',') as ItemStatus[]));
  if (q.kind) conds.push(eq(disclosureItems.kind, q.kind));
  if (q.unitId) conds.push(eq(disclosureItems.unitId, q.unitId));
  if (q.q)
    conds.push(or(ilike(disclosureItems.title, `%${q.q}%`), ilike(disclosureItems.indexNo, `%${q.q}%`)));
  if (q.inbox) {
    // Review inbox: items waiting at a level, not the reviewer's own, not one they already approved.
    conds.push(eq(disclosureItems.status, 'in_review'), ne(disclosureItems.createdBy, user.id));
    conds.push(sql`NOT (${user.id}::uuid = ANY(${disclosureItems.approvedBy}))`);
  }
  const where = and(...conds);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(disclosureItems).where(where);
  const rows = await db
    .select({
      id: disclosureItems.id,
      rootId: disclosureItems.rootId,
      version: disclosureItems.version,
      kind: disclosureItems.kind,
      title: disclosureItems.title,
      indexNo: disclosureItems.indexNo,
      status: disclosureItems.status,
      level: disclosureItems.level,
      unitId: disclosureItems.unitId,
      unitName: units.name,
      columnId: disclosureItems.columnId,
      writtenDate: disclosureItems.writtenDate,
      formedDate: disclosureItems.formedDate,
      publishDate: disclosureItems.publishDate,
      publishAt: disclosureItems.publishAt,
      validity: disclosureItems.validity,
      expiryDate: disclosureItems.expiryDate,
      createdBy: disclosureItems.createdBy,
      updatedAt: disclosureItems.updatedAt,
      blocking: sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(${disclosureItems.findings}) f WHERE (f->>'blocking')::boolean)`,
    })
    .from(disclosureItems)
    .innerJoin(units, eq(units.id, disclosureItems.unitId))
    .where(where)
    .orderBy(desc(disclosureItems.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  return {
    total,
    items: rows.map((r) => {
      const formed = r.formedDate ?? r.writtenDate;
      return {
        ...r,
        publishAt: r.publishAt?.toISOString() ?? null,
        timeliness: formed
          ? timeliness(formed, r.status === 'published' ? r.publishDate : null, today, calendar)
          : null,
      };
    }),
  };
}

/** Annual report table 二, row 行政规范性文件 (REGULATIONS.md §2.2): counts for `year`, optionally one unit. */
export async function normativeDocumentCounts(
  db: DbOrTx,
  year: number,
  unitId?: string,
): Promise<NormativeCounts> {
  const rows = await db
    .select({
      validity: disclosureItems.validity,
      effectiveDate: disclosureItems.effectiveDate,
      expiryDate: disclosureItems.expiryDate,
      repealedDate: disclosureItems.repealedDate,
      issuedDate: sql<
        string | null
      >`coalesce(${disclosureItems.writtenDate}, ${disclosureItems.publishDate})`,
    })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.kind, 'normative'),
        eq(disclosureItems.status, 'published'),
        unitId ? eq(disclosureItems.unitId, unitId) : undefined,
      ),
    );
  return normativeCounts(
    rows.map((r) => ({ ...r, validity: r.validity ?? 'in_force' })),
    year,
  );
}

/** Statistics: published items per unit and column, and timeliness (Art. 26). */
export async function statistics(p: Platform, user: User, year: number) {
  const db = p.database.db;
  const where = and(
    scopeFilter(user, disclosureItems.unitId),
    inArray(disclosureItems.status, ['published']),
    sql`extract(year from ${disclosureItems.publishDate}) = ${year}`,
  );
  const byUnit = await db
    .select({ unitId: disclosureItems.unitId, unitName: units.name, n: sql<number>`count(*)::int` })
    .from(disclosureItems)
    .innerJoin(units, eq(units.id, disclosureItems.unitId))
    .where(where)
    .groupBy(disclosureItems.unitId, units.name)
    .orderBy(desc(sql`count(*)`));
  // Each unit has its own catalog: the same column name across units counts as one row.
  const byColumn = await db
    .select({ columnName: disclosureColumns.name, n: sql<number>`count(*)::int` })
    .from(disclosureItems)
    .leftJoin(disclosureColumns, eq(disclosureColumns.id, disclosureItems.columnId))
    .where(where)
    .groupBy(disclosureColumns.name)
    .orderBy(desc(sql`count(*)`));
  const dated = await db
    .select({
      formed: sql<string | null>`coalesce(${disclosureItems.formedDate}, ${disclosureItems.writtenDate})`,
      publishDate: disclosureItems.publishDate,
    })
    .from(disclosureItems)
    .where(where);
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  const timely = { on_time: 0, late: 0, undated: 0 };
  for (const d of dated) {
    if (!d.formed) timely.undated++;
    else
      timely[timeliness(d.formed, d.publishDate, today, calendar).status === 'late' ? 'late' : 'on_time']++;
  }
  return { year, byUnit, byColumn, timeliness: timely, normative: await normativeDocumentCounts(db, year) };
}

// Use case: the coverage check of the 标准目录 (issue 13 part 1, the "两张皮" check). For each row bound to a unit,
// the unit's published items in the bound column (and below it) are judged against the row's due rule in the
// period: missing (nothing published) or late. Findings become 整改 tasks in the tasks module's ledger.
import { createHash } from 'node:crypto';
import type { CurrentUser } from '../../../contracts/api';
import type { Coverage, CoverageRow, DirectoryRow } from '../../../contracts/directory';
import { chinaDate } from '../../../domain/calendar';
import { columnChain } from '../../../domain/disclosure/catalog';
import { describeDueRule, type Publication, rowCoverage } from '../../../domain/disclosure/directory-due';
import type { DbOrTx } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Platform } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertUnitInScope, unitNames } from '../org';
import { commitPlan } from '../tasks';
import { columnRows } from './repo/catalog';
import { bindingsOfVersion, currentVersion, publishedInUnitColumns, rowsOfVersion } from './repo/directory';

type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

/** The units a request covers: the one asked for (in scope), else all (office) or the user's own. */
async function unitsFor(db: DbOrTx, user: Scoped, unitId?: string): Promise<string[] | undefined> {
  if (unitId) {
    await assertUnitInScope(db, user, unitId);
    return [unitId];
  }
  return user.dataScope === 'all' ? undefined : [user.unitId];
}

/** The current version's rows with their bindings (optionally for some units only). */
export async function boundRows(db: DbOrTx, units?: string[]) {
  const version = await currentVersion(db);
  if (!version) return { version: null, rows: [], bindings: [] };
  const rows = await rowsOfVersion(db, version.id);
  const bindings = await bindingsOfVersion(db, version.id, units);
  return { version, rows, bindings };
}

export async function directoryRowsFor(db: DbOrTx, user: Scoped, unitId?: string): Promise<DirectoryRow[]> {
  const units = await unitsFor(db, user, unitId);
  const { rows, bindings } = await boundRows(db, units);
  const names = await unitNames(
    db,
    bindings.map((b) => b.unitId),
  );
  return rows
    .map((r) => ({
      ...r,
      audience: r.audience as DirectoryRow['audience'],
      methods: r.methods as DirectoryRow['methods'],
      levels: r.levels as DirectoryRow['levels'],
      due: describeDueRule(r.dueRule, r.timeLimit),
      units: bindings
        .filter((b) => b.rowId === r.id)
        .map((b) => ({ unitId: b.unitId, unitName: names.get(b.unitId) ?? '', columnId: b.columnId })),
    }))
    .filter((r) => !units || r.units.length > 0);
}

type Binding = { rowId: string; unitId: string; columnId: string };

/**
 * The published items that fulfil each binding: the unit's items in the bound column or any column below it
 * (an item filed one level deeper still fulfils the row).
 */
export async function publicationsOf(
  db: DbOrTx,
  bindings: readonly Binding[],
): Promise<(b: Binding) => Publication[]> {
  const unitIds = [...new Set(bindings.map((b) => b.unitId))];
  const subtree = new Map<string, Set<string>>();
  for (const unit of unitIds) {
    const cols = await columnRows(db, unit);
    for (const c of cols)
      for (const a of columnChain(cols, c.id)) {
        if (!subtree.has(a.id)) subtree.set(a.id, new Set());
        subtree.get(a.id)!.add(c.id);
      }
  }
  const columnIds = [...new Set(bindings.flatMap((b) => [...(subtree.get(b.columnId) ?? [b.columnId])]))];
  const items = await publishedInUnitColumns(db, unitIds, columnIds);
  return (b) => {
    const cols = subtree.get(b.columnId) ?? new Set([b.columnId]);
    return items
      .filter((i) => i.unitId === b.unitId && i.columnId && cols.has(i.columnId))
      .map((i) => ({
        id: i.id,
        title: i.title,
        publishDate: i.publishDate ?? (i.publishedAt ? chinaDate(i.publishedAt) : ''),
        formedDate: i.formedDate ?? i.writtenDate,
      }))
      .filter((i) => i.publishDate !== '')
      .sort((x, y) => y.publishDate.localeCompare(x.publishDate));
  };
}

export async function directoryCoverage(
  p: Platform,
  user: Scoped,
  q: { from: string; to: string; unitId?: string },
): Promise<Coverage> {
  const db = p.database.db;
  const today = chinaDate(p.clock.now());
  // The earlier of two ISO dates (string order is date order).
  const asOf = [q.to, today].sort()[0]!;
  const units = await unitsFor(db, user, q.unitId);
  const { version, rows, bindings } = await boundRows(db, units);
  const unitIds = [...new Set(bindings.map((b) => b.unitId))];
  const pubsOf = await publicationsOf(db, bindings);
  const names = await unitNames(db, unitIds);
  const calendar = await getCalendar(p.database);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: CoverageRow[] = [];
  for (const b of bindings) {
    const row = byId.get(b.rowId)!;
    const pubs = pubsOf(b);
    const c = rowCoverage(row.dueRule, pubs, q, asOf, calendar);
    out.push({
      rowId: row.id,
      unitId: b.unitId,
      unitName: names.get(b.unitId) ?? '',
      domain: row.otherDomain ?? row.domain,
      level1: row.level1,
      level2: row.level2,
      timeLimit: row.timeLimit,
      due: describeDueRule(row.dueRule, row.timeLimit),
      status: c.status,
      notes: c.notes,
      items: c.items.map((i) => ({ id: i.id, title: i.title, publishDate: i.publishDate })),
    });
  }
  const order = new Map(rows.map((r, i) => [r.id, i]));
  out.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || order.get(a.rowId)! - order.get(b.rowId)!);
  return {
    from: q.from,
    to: q.to,
    asOf,
    version: version?.version ?? null,
    summary: summarise(out),
    rows: out,
  };
}

function summarise(rows: CoverageRow[]): Coverage['summary'] {
  const groups = new Map<string, Coverage['summary'][number]>();
  for (const r of rows) {
    const key = `${r.unitId}|${r.domain}`;
    const g = groups.get(key) ?? {
      unitId: r.unitId,
      unitName: r.unitName,
      domain: r.domain,
      total: 0,
      ok: 0,
      missing: 0,
      late: 0,
      notDue: 0,
    };
    g.total++;
    if (r.status === 'not_due') g.notDue++;
    else g[r.status]++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * One 整改 task per unit with findings, in a work plan of the tasks module (its ledger, reminders and 通报
 * follow). The same check imported twice is refused there as a duplicate.
 */
export async function rectifyCoverage(
  p: Platform,
  user: Scoped,
  actor: Actor,
  q: { from: string; to: string; dueDate: string },
): Promise<{ planId: string; taskCount: number }> {
  const coverage = await directoryCoverage(p, user, q);
  const byUnit = new Map<string, CoverageRow[]>();
  for (const r of coverage.rows)
    if (r.status === 'missing' || r.status === 'late')
      byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  if (byUnit.size === 0) throw invalid('检查期内没有未公开或超期公开的事项，无需整改');
  const tasks = [...byUnit.values()].map((rows, i) => {
    const measures = rows.map(
      (r) =>
        `【${r.domain}】${r.level1}／${r.level2}：${r.status === 'missing' ? '未公开' : '超期公开'}（${r.notes.join('；')}）`,
    );
    return {
      ref: String(i + 1),
      section: ['标准目录覆盖检查'],
      text: `${rows[0]!.unitName}对照标准目录整改 ${rows.length} 项：按目录时限公开缺项，说明超期原因`,
      measures,
      leadUnits: [{ written: rows[0]!.unitName, unitIds: [rows[0]!.unitId] }],
      responsibleUnits: [],
      deadlines: [{ kind: 'date' as const, date: q.dueDate, raw: `${q.dueDate}前` }],
      disclosurePaths: [],
    };
  });
  const plan = await commitPlan(
    p.database,
    actor,
    {
      title: `标准目录覆盖检查整改（${q.from}至${q.to}）`,
      issuer: null,
      docNumber: null,
      date: chinaDate(p.clock.now()),
      year: Number(q.to.slice(0, 4)),
      fingerprint: createHash('sha256').update(JSON.stringify(tasks)).digest('hex'),
      cadence: 'quarter',
      replace: false,
      tasks,
    },
    p.config.districtName,
  );
  return { planId: plan.id, taskCount: plan.taskCount };
}

// Use case: importing the 基层政务公开标准目录 (issue 13 part 1). Preview reads the table and resolves each row's
// 公开主体 to the units it binds to (县级 rows to the departments named, 乡级 rows to the 镇街); commit stores a new
// version (动态调整: what changed against the previous one) and binds every row to a catalog column of every
// responsible unit — 法定主动公开内容 › <领域> › <一级事项>, created where missing. All or nothing.
import type { DirectoryCommitInput, DirectoryPreview, DirectoryVersion } from '../../../contracts/directory';
import { matchPath, parseDisclosurePath } from '../../../domain/disclosure/catalog';
import {
  type DirectoryRowInput,
  diffDirectory,
  LEVEL_LABELS,
  parseDirectory,
} from '../../../domain/disclosure/directory';
import { describeDueRule, readDueRule } from '../../../domain/disclosure/directory-due';
import type { DocBlock } from '../../../domain/tasks/blocks';
import { resolveUnitList } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { listUnits, loadUnitIndex, type UnitInfo } from '../org';
import { ensureUnitCatalog } from './catalog';
import { columnRows, insertColumn } from './repo/catalog';
import {
  currentVersion,
  insertBindings,
  insertRow,
  insertVersion,
  listVersions,
  rowsOfVersion,
} from './repo/directory';

interface Bound {
  units: UnitInfo[];
  errors: string[];
  warnings: string[];
}

/** The units one row binds to: named units at the county level, the 镇街 at the township level. */
function bindRow(
  row: DirectoryRowInput,
  resolved: { written: string; ids: string[] | null; hint?: string }[],
  all: Map<string, UnitInfo>,
): Bound {
  const out: Bound = { units: [], errors: [], warnings: [] };
  const named: UnitInfo[] = [];
  for (const r of resolved) {
    if (!r.ids) {
      out.errors.push(
        `${row.source}：公开主体「${r.written}」不是已登记的单位${r.hint ? `（是否指「${r.hint}」？）` : ''}`,
      );
      continue;
    }
    for (const id of r.ids) if (all.has(id)) named.push(all.get(id)!);
  }
  const towns = named.filter((u) => u.kind === 'township');
  const county = named.filter((u) => u.kind !== 'township');
  if (row.levels.includes('county')) {
    if (county.length === 0 && out.errors.length === 0)
      out.errors.push(`${row.source}：县级事项的公开主体「${row.subject}」中没有区级单位`);
    out.units.push(...county);
  } else if (county.length)
    out.warnings.push(
      `${row.source}：只标了乡级，公开主体中的 ${county.map((u) => u.name).join('、')} 不绑定`,
    );
  if (row.levels.includes('township'))
    // A 乡级 row is every 镇街's unless the row names some.
    out.units.push(...(towns.length ? towns : [...all.values()].filter((u) => u.kind === 'township')));
  else if (towns.length)
    out.warnings.push(
      `${row.source}：只标了县级，公开主体中的 ${towns.map((u) => u.name).join('、')} 不绑定`,
    );
  out.units = [...new Map(out.units.map((u) => [u.id, u])).values()];
  return out;
}

/** Each row's units, errors and warnings; `unitMap` are the officer's choices for names the registry lacks. */
async function resolveRows(
  db: DbOrTx,
  districtName: string,
  rows: readonly DirectoryRowInput[],
  unitMap: Record<string, string[]> = {},
): Promise<Bound[]> {
  const index = await loadUnitIndex(db, districtName);
  const all = new Map((await listUnits(db)).map((u) => [u.id, u]));
  return rows.map((row) => {
    const resolved = resolveUnitList(index, row.subject).map((r) => {
      const chosen = unitMap[r.written];
      if (chosen?.length) return { written: r.written, ids: chosen.filter((id) => all.has(id)) };
      if (r.status === 'group' && !r.needsChoice) return { written: r.written, ids: r.memberUnitIds ?? [] };
      if (r.unitId && r.status !== 'suggestion') return { written: r.written, ids: [r.unitId] };
      return { written: r.written, ids: null, hint: r.suggestions[0]?.unitName };
    });
    return bindRow(row, resolved, all);
  });
}

export async function previewDirectory(
  db: DbOrTx,
  districtName: string,
  blocks: DocBlock[],
): Promise<DirectoryPreview> {
  const parsed = parseDirectory(blocks);
  const bound = await resolveRows(db, districtName, parsed.rows);
  const current = await currentVersion(db);
  const before = current ? await rowsOfVersion(db, current.id) : [];
  const rows = parsed.rows.map((r, i) => {
    const due = readDueRule(r.timeLimit);
    return {
      ...r,
      due: describeDueRule(due.rule, r.timeLimit),
      units: bound[i]!.units.map((u) => ({ unitId: u.id, unitName: u.name })),
      errors: bound[i]!.errors,
      warnings: [...bound[i]!.warnings, ...(due.warning ? [`${r.source}：${due.warning}`] : [])],
    };
  });
  return {
    rows,
    notApplicable: parsed.notApplicable,
    errors: [...parsed.errors, ...rows.flatMap((r) => r.errors)],
    warnings: [...parsed.warnings, ...rows.flatMap((r) => r.warnings)],
    changes: diffDirectory(before.map(asInput), parsed.rows),
    currentVersion: current?.version ?? null,
  };
}

const asInput = (r: Awaited<ReturnType<typeof rowsOfVersion>>[number]): DirectoryRowInput => ({
  domain: r.domain,
  otherDomain: r.otherDomain,
  seq: r.seq,
  level1: r.level1,
  level2: r.level2,
  content: r.content,
  basis: r.basis,
  timeLimit: r.timeLimit,
  subject: r.subject,
  channels: r.channels,
  audience: r.audience as DirectoryRowInput['audience'],
  methods: r.methods as DirectoryRowInput['methods'],
  levels: r.levels as DirectoryRowInput['levels'],
  source: r.source,
});

/** The row's column in one unit's catalog (法定主动公开内容 › 领域 › 一级事项), created where missing. */
async function columnFor(tx: DbOrTx, unitId: string, row: DirectoryRowInput): Promise<string> {
  await ensureUnitCatalog(tx, unitId);
  // The domain name goes through the catalog's synonyms (财政预决算 → the Art. 20 column 财政预算决算).
  const segments = [
    '法定主动公开内容',
    ...parseDisclosurePath(row.otherDomain ?? row.domain),
    row.level1.trim(),
  ];
  const m = matchPath(await columnRows(tx, unitId), segments);
  let parent = m.matched.at(-1) ?? null;
  for (const name of m.missing)
    parent = (await insertColumn(tx, { unitId, name, parentId: parent, sort: 100 }))!.id;
  return parent!;
}

export async function commitDirectory(
  database: Database,
  actor: Actor,
  districtName: string,
  input: DirectoryCommitInput,
): Promise<DirectoryVersion> {
  const bound = await resolveRows(database.db, districtName, input.rows, input.unitMap);
  const errors = bound.flatMap((b) => b.errors);
  if (errors.length) throw invalid(`有 ${errors.length} 处需要修正，未保存：${errors[0]}`, { errors });
  return database.db.transaction(async (tx) => {
    const current = await currentVersion(tx);
    const before = current ? (await rowsOfVersion(tx, current.id)).map(asInput) : [];
    const changes = diffDirectory(before, input.rows);
    const version = await insertVersion(tx, {
      version: (current?.version ?? 0) + 1,
      title: input.title,
      notApplicable: input.notApplicable,
      changes,
      importedBy: actor.userId!,
    });
    let bindingCount = 0;
    for (const [i, row] of input.rows.entries()) {
      const rowId = await insertRow(tx, {
        ...row,
        versionId: version.id,
        sort: i,
        dueRule: readDueRule(row.timeLimit).rule,
      });
      const bindings = [];
      for (const u of bound[i]!.units)
        bindings.push({ rowId, unitId: u.id, columnId: await columnFor(tx, u.id, row) });
      await insertBindings(tx, bindings);
      bindingCount += bindings.length;
    }
    await audit(tx, actor, {
      action: 'disclosure.directory.import',
      objectType: 'directoryVersion',
      objectId: version.id,
      detail: {
        version: version.version,
        title: input.title,
        rows: input.rows.length,
        bindings: bindingCount,
        added: changes.added.length,
        removed: changes.removed.length,
        changed: changes.changed.length,
        levels: [...new Set(input.rows.flatMap((r) => r.levels))].map((l) => LEVEL_LABELS[l]),
      },
    });
    return {
      id: version.id,
      version: version.version,
      title: version.title,
      rowCount: input.rows.length,
      bindingCount,
      notApplicable: version.notApplicable,
      changes,
      importedAt: version.importedAt.toISOString(),
    };
  });
}

export async function directoryVersions(db: DbOrTx): Promise<DirectoryVersion[]> {
  return (await listVersions(db)).map((v) => ({
    id: v.id,
    version: v.version,
    title: v.title,
    rowCount: v.rowCount,
    bindingCount: v.bindingCount,
    notApplicable: v.notApplicable,
    changes: v.changes,
    importedAt: v.importedAt.toISOString(),
  }));
}

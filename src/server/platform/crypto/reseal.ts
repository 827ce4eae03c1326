// After a key rotation (README "Key files"): the start re-seals with the current key every value of
// sealed-columns.ts still sealed under another key of the key file, so that afterwards the old key can be removed
// from the file (SECURITY.md 37). Batches of rows in `id` order, a transaction each (rows locked, so instances
// starting together do not both re-seal a row); one audit record per run with the counts.
import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { audit } from '../audit/audit';
import { systemActor } from '../context';
import { type FieldKeys, isSealed, SEAL_PREFIX, seal, unseal } from './fields';
import { SEALED_COLUMNS, type SealedColumns } from './sealed-columns';

export interface ResealReport {
  /** Values re-sealed with the current key, by `table.column` (`table.column.key` inside a jsonb column). */
  resealed: Record<string, number>;
  /** Values under a retired key that did not open (damaged): left as they are, and named in the audit record. */
  failed: Record<string, number>;
  /** Values under a key the key file no longer holds: unreadable until that key is put back. */
  unknownKey: Record<string, number>;
}

/** One place of one row that may hold a sealed value: a text column, or a key of a jsonb column's object. */
interface Slot {
  name: string;
  expr: SQL;
}

function slotsOf(entry: SealedColumns): Slot[] {
  const table = getTableName(entry.table);
  const cols = (entry.columns ?? []).map((c) => ({
    name: `${table}.${c.name}`,
    expr: sql`${sql.identifier(c.name)}`,
  }));
  const json = entry.json;
  const keys = (json?.keys ?? []).map((k) => ({
    name: `${table}.${json!.column.name}.${k}`,
    expr: sql`(${sql.identifier(json!.column.name)} ->> ${k}::text)`,
  }));
  return [...cols, ...keys];
}

const keyIdOf = (v: string) => v.split(':')[1] ?? '';
const PATTERN = `${SEAL_PREFIX}:%`;

/** Re-seals one value if it is sealed under a retired key; null when nothing is to be done. */
function resealed(keys: FieldKeys, retired: ReadonlySet<string>, v: unknown): string | null {
  if (typeof v !== 'string' || !isSealed(v) || !retired.has(keyIdOf(v))) return null;
  return seal(keys, unseal(keys, v));
}

export async function resealRetiredKeys(
  database: Database,
  keys: FieldKeys,
  opts: { registry?: readonly SealedColumns[]; batch?: number } = {},
): Promise<ResealReport> {
  const registry = opts.registry ?? SEALED_COLUMNS;
  const batch = opts.batch ?? 200;
  const retired = new Set([...keys.keys.keys()].filter((k) => k !== keys.current));
  const known = sql`ARRAY[${sql.join(
    [...keys.keys.keys()].map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const report: ResealReport = { resealed: {}, failed: {}, unknownKey: {} };
  const add = (into: Record<string, number>, name: string, n = 1) => {
    if (n) into[name] = (into[name] ?? 0) + n;
  };
  for (const entry of registry) {
    const slots = slotsOf(entry);
    const jsonCol = entry.json?.column.name;
    for (const s of slots) {
      const r = await database.db.execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM ${entry.table} WHERE ${s.expr} LIKE ${PATTERN}
            AND NOT (split_part(${s.expr}, ':', 2) = ANY(${known}))`,
      );
      add(report.unknownKey, s.name, Number(r.rows[0]?.n ?? 0));
    }
    if (!retired.size) continue;
    const retiredIds = sql`ARRAY[${sql.join(
      [...retired].map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]`;
    const stale = sql.join(
      slots.map(
        (s) => sql`(${s.expr} LIKE ${PATTERN} AND split_part(${s.expr}, ':', 2) = ANY(${retiredIds}))`,
      ),
      sql` OR `,
    );
    const selected = sql.join(
      [
        sql`id::text AS id`,
        ...(entry.columns ?? []).map((c) => sql`${sql.identifier(c.name)}`),
        ...(jsonCol ? [sql`${sql.identifier(jsonCol)}`] : []),
      ],
      sql`, `,
    );
    // Keyset pagination: a value that fails to open stays behind and is never read twice.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const last = await database.db.transaction(async (tx) => {
        const rows = (
          await tx.execute<Record<string, unknown>>(
            sql`SELECT ${selected} FROM ${entry.table} WHERE id > ${after}::uuid AND (${stale})
                ORDER BY id LIMIT ${batch} FOR UPDATE`,
          )
        ).rows;
        for (const row of rows) {
          const sets: SQL[] = [];
          const attempt = (name: string, v: unknown): string | null => {
            try {
              const out = resealed(keys, retired, v);
              if (out !== null) add(report.resealed, name);
              return out;
            } catch {
              add(report.failed, name);
              return null;
            }
          };
          for (const c of entry.columns ?? []) {
            const out = attempt(`${getTableName(entry.table)}.${c.name}`, row[c.name]);
            if (out !== null) sets.push(sql`${sql.identifier(c.name)} = ${out}`);
          }
          if (jsonCol && entry.json) {
            const obj = { ...(row[jsonCol] as Record<string, unknown>) };
            let changed = false;
            for (const k of entry.json.keys) {
              const out = attempt(`${getTableName(entry.table)}.${jsonCol}.${k}`, obj[k]);
              if (out !== null) {
                obj[k] = out;
                changed = true;
              }
            }
            if (changed) sets.push(sql`${sql.identifier(jsonCol)} = ${JSON.stringify(obj)}::jsonb`);
          }
          if (sets.length)
            await tx.execute(
              sql`UPDATE ${entry.table} SET ${sql.join(sets, sql`, `)} WHERE id = ${row.id as string}::uuid`,
            );
        }
        return rows.length ? (rows[rows.length - 1]!.id as string) : null;
      });
      if (!last) break;
      after = last;
    }
  }
  const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  if (total(report.resealed) || total(report.failed) || total(report.unknownKey))
    await database.db.transaction((tx) =>
      audit(tx, systemActor('bootstrap'), {
        action: 'system.fieldKeys.reseal',
        objectType: 'fieldKeys',
        objectId: keys.current,
        result: total(report.failed) || total(report.unknownKey) ? 'failure' : 'success',
        detail: {
          currentKey: keys.current,
          retiredKeys: [...retired],
          total: total(report.resealed),
          ...report,
        },
      }),
    );
  return report;
}

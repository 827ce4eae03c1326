// What the audit log shows instead of an object's UUID: its name (a user's name, an item's title, a case number…).
// The platform knows no module, so each module registers a namer for its object types at start (init); a type
// without one shows its id.
import type { DbOrTx } from '../../db/client';

export type AuditNamer = (db: DbOrTx, ids: string[]) => Promise<Map<string, string>>;

const namers = new Map<string, AuditNamer>();

export function registerAuditNamer(objectTypes: readonly string[], namer: AuditNamer): void {
  for (const t of objectTypes) namers.set(t, namer);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of the rows' objects, keyed `${objectType}:${objectId}` (one query per object type). */
export async function objectNames(
  db: DbOrTx,
  rows: readonly { objectType: string; objectId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.objectId && UUID.test(r.objectId) && namers.has(r.objectType))
      byType.set(r.objectType, (byType.get(r.objectType) ?? new Set()).add(r.objectId));
  const out = new Map<string, string>();
  for (const [type, idSet] of byType) {
    // In slices: an export reads up to 100,000 rows, and a query takes at most 65,535 parameters.
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += 5000) {
      const names = await namers.get(type)!(db, ids.slice(i, i + 5000));
      for (const [id, name] of names) out.set(`${type}:${id}`, name);
    }
  }
  return out;
}

// SECURITY.md 23: SQL is built by drizzle's tagged templates (parameters, never string pasting). The few places
// that must paste text into SQL — identifiers and constants, never user input — are listed here with the reason;
// anything else that pastes into SQL fails the build.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

const ALLOWED: Record<string, string> = {
  'server/platform/audit/chain.ts': 'table and column names of the two log tables, fixed in code',
  'server/platform/audit/purge.ts':
    'the two log tables, their key columns and append-only triggers: literal unions, fixed in code',
  'server/db/schema/checks.ts': 'CHECK constraints from the domain status lists, quoted',
  'server/db/roles.ts': 'role and database names through ident(), at set-up',
  'server/db/embedded.ts': 'CREATE DATABASE with the constant name of the embedded database',
  'server/db/pitr.ts':
    'table names read from pg_class through quote_ident(): the drill locks and fingerprints them',
};

/** Lines that paste into SQL: sql.raw, sql.unsafe, or a query(…) given a template with `${…}`. */
export function pastedSql(source: string): number[] {
  const lines = source.split('\n');
  return lines.flatMap((l, i) =>
    /\bsql\.(raw|unsafe)\(|\.query(<[^>]*>)?\(\s*`[^`]*\$\{/.test(l) ? [i + 1] : [],
  );
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('no SQL built from strings', () => {
  it('only the listed files paste into SQL', () => {
    const offenders = files(SRC)
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => pastedSql(fs.readFileSync(path.join(SRC, f), 'utf8')).map((n) => `${f}:${n}`));
    expect(offenders).toEqual([]);
  });

  // The strings below are source text under test (pasted SQL with placeholders), not templates.
  it('the rule catches what it names', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(pastedSql("db.execute(sql.raw(`SELECT * FROM t WHERE a = '${x}'`))")).toEqual([1]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(pastedSql('await client.query(`DELETE FROM t WHERE id = ${id}`)')).toEqual([1]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(pastedSql('await client.query<{ n: number }>(`SELECT ${col} FROM t`)')).toEqual([1]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(pastedSql("await client.query('SELECT $1', [id])\ndb.execute(sql`SELECT ${id}`)")).toEqual([]);
  });

  it('every allowed file still needs its exception (no stale entries)', () => {
    for (const f of Object.keys(ALLOWED))
      expect(pastedSql(fs.readFileSync(path.join(SRC, f), 'utf8')).length, f).toBeGreaterThan(0);
  });
});

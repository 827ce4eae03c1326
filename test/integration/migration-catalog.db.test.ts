// Migration 0007 (one catalog per unit) on a database written before it: the district's single tree becomes the
// district government's, Art. 21 topics get their own codes, and an item filed by another unit moves to the same
// path in that unit's own tree. Applies the committed SQL files one by one to an empty database.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../src/server/db/migrations');
const files = readdirSync(DIR)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();
const adminUrl = inject('pgAdminUrl');
const name = `gk_mig${randomBytes(4).toString('hex')}`;
let client: pg.Client;

async function apply(file: string) {
  for (const stmt of readFileSync(join(DIR, file), 'utf8').split('--> statement-breakpoint'))
    if (stmt.trim()) await client.query(stmt);
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  for (const f of files.filter((f) => f < '0007')) await apply(f);
});
afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migration 0007_catalog_per_unit', () => {
  it('gives the old tree to the district government and moves a department item into its own tree', async () => {
    const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
    const [gov] = await q(
      `INSERT INTO units (name, kind, sort) VALUES ('某区人民政府', 'government', 0) RETURNING id`,
    );
    const [fgw] = await q(
      `INSERT INTO units (name, kind, parent_id, sort) VALUES ('区发展改革委', 'department', $1, 1) RETURNING id`,
      [gov.id],
    );
    const [fd] = await q(
      `INSERT INTO disclosure_columns (name, code, sort) VALUES ('法定主动公开内容', 'fdzdgknr', 2) RETURNING id`,
    );
    const [plan] = await q(
      `INSERT INTO disclosure_columns (name, code, parent_id, sort) VALUES ('规划信息', 'art20_3', $1, 2) RETURNING id`,
      [fd.id],
    );
    await q(
      `INSERT INTO disclosure_columns (name, code, parent_id, sort) VALUES ('社会救助', 'art21', $1, 21)`,
      [fd.id],
    );
    const [sub] = await q(
      `INSERT INTO disclosure_columns (name, parent_id, sort) VALUES ('发展规划', $1, 100) RETURNING id`,
      [plan.id],
    );
    const [user] = await q(
      `INSERT INTO users (username, name, unit_id, password_hash) VALUES ('u', 'u', $1, 'x') RETURNING id`,
      [gov.id],
    );
    const item = async (unit: string, column: string) => {
      const id = crypto.randomUUID();
      await q(
        `INSERT INTO disclosure_items (id, root_id, unit_id, column_id, title, index_no, created_by) VALUES ($1::uuid, $1::uuid, $2, $3, '规划', $1::text, $4)`,
        [id, unit, column, user.id],
      );
      return id;
    };
    const govItem = await item(gov.id, plan.id);
    const fgwItem = await item(fgw.id, sub.id);

    await apply(files.find((f) => f.startsWith('0007'))!);

    const cols = await q(`SELECT id, unit_id, parent_id, name, code FROM disclosure_columns`);
    const ofUnit = (u: string) => cols.filter((c) => c.unit_id === u);
    expect(
      ofUnit(gov.id)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['发展规划', '法定主动公开内容', '社会救助', '规划信息'].sort());
    expect(cols.find((c) => c.name === '社会救助').code).toBe('art21_7');
    // The department's item now sits in its own tree, under the same path, with the standard codes kept.
    const fgwCols = ofUnit(fgw.id);
    expect(fgwCols.map((c) => c.name)).toEqual(['法定主动公开内容', '规划信息', '发展规划']);
    expect(fgwCols.map((c) => c.code)).toEqual(['fdzdgknr', 'art20_3', null]);
    const at = async (id: string) =>
      (await q(`SELECT column_id FROM disclosure_items WHERE id = $1`, [id]))[0].column_id;
    expect(await at(fgwItem)).toBe(fgwCols[2].id);
    expect(fgwCols[2].parent_id).toBe(fgwCols[1].id);
    expect(await at(govItem)).toBe(plan.id);
    // unit_id is required from now on.
    await expect(q(`INSERT INTO disclosure_columns (name) VALUES ('无单位')`)).rejects.toThrow(/unit_id/);
  });
});

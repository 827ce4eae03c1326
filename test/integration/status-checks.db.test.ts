// Status columns hold only their domain list's values, in the database too (migration 0010): a writer that
// bypasses the TypeScript types (psql, a migration, a raw query) is refused by the CHECK constraint.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_STATUSES } from '../../src/domain/disclosure/workflow';
import { CASE_STATUSES } from '../../src/domain/requests/clock';
import { APPLICANT_KINDS, OUTCOME_CODES } from '../../src/domain/requests/outcomes';
import { ASSIGNMENT_STATES } from '../../src/domain/tasks/ledger';
import { USER_STATUSES } from '../../src/server/db/schema/org';
import { EXTENSION_STATUSES } from '../../src/server/db/schema/tasks';
import { createTestDatabase, type TestDatabase } from '../db';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());

describe('status CHECK constraints', () => {
  it.each([
    ['users_status_check', 'status', USER_STATUSES],
    ['disclosure_items_status_check', 'status', ITEM_STATUSES],
    ['request_cases_status_check', 'status', CASE_STATUSES],
    ['request_cases_applicant_kind_check', 'applicant_kind', APPLICANT_KINDS],
    ['request_cases_outcome_check', 'outcome', OUTCOME_CODES],
    ['task_assignments_state_check', 'state', ASSIGNMENT_STATES],
    ['extension_requests_status_check', 'status', EXTENSION_STATUSES],
  ] as const)('%s allows exactly the domain list', async (constraint, column, values) => {
    const def = await tdb.database.db.execute<{ def: string }>(
      sql`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ${constraint}`,
    );
    const text = def.rows[0]?.def ?? '';
    expect(text).toContain(column);
    const allowed = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...values].sort());
  });

  it('a user with an unknown status cannot be stored', async () => {
    const unit = await tdb.database.db.execute<{ id: string }>(
      sql`INSERT INTO units (name, kind) VALUES ('状态测试单位', 'department') RETURNING id`,
    );
    const insert = (status: string) =>
      tdb.database.db.execute(
        sql`INSERT INTO users (username, name, unit_id, password_hash, status)
            VALUES (${`u_${status}`}, '测试', ${unit.rows[0]!.id}, 'x', ${status})`,
      );
    await expect(insert('suspended')).rejects.toMatchObject({ cause: { constraint: 'users_status_check' } });
    await expect(insert('disabled')).resolves.toBeDefined();
  });
});

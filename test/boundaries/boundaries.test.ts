// The boundary rules of .dependency-cruiser.cjs fail on a violating file: a small tree is written to a temporary
// folder, one file per rule breaking it, and dependency-cruiser (the same config `npm run check` uses) must name
// exactly those rules. A rule that stopped matching would let that kind of import back in silently.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
let dir = '';

const files: Record<string, string> = {
  'src/domain/rule.ts': 'export const rule = 1;\n',
  'src/domain/bad-io.ts': "import fs from 'node:fs';\nexport const x = fs;\n",
  'src/domain/bad-server.ts': "import { db } from '../server/db/client';\nexport const x = db;\n",
  'src/contracts/api.ts': "import { rule } from '../domain/rule';\nexport const api = rule;\n",
  'src/server/db/client.ts': 'export const db = 1;\n',
  'src/server/db/schema/org.ts': 'export const units = 1;\n',
  'src/server/db/schema/tasks.ts': 'export const plans = 1;\n',
  'src/server/platform/bad.ts': "import { orgModule } from '../modules/org';\nexport const x = orgModule;\n",
  'src/server/modules/index.ts': "import { orgModule } from './org';\nexport const MODULES = [orgModule];\n",
  'src/server/modules/org/index.ts': "export { units as orgModule } from './units';\n",
  'src/server/modules/org/units.ts': "export { units } from '../../db/schema/org';\n",
  'src/server/modules/tasks/index.ts': "import { orgModule } from '../org';\nexport const t = orgModule;\n",
  'src/server/modules/tasks/bad-inner.ts': "import { units } from '../org/units';\nexport const x = units;\n",
  'src/server/modules/tasks/bad-table.ts':
    "import { units } from '../../db/schema/org';\nexport const x = units;\n",
  'src/server/modules/tasks/bad-list.ts': "import { MODULES } from '../index';\nexport const x = MODULES;\n",
  'src/server/modules/tasks/bad-portal.ts':
    "import { page } from '../../../portal/page';\nexport const x = page;\n",
  'src/server/app.ts': "import { page } from '../portal/page';\nexport const app = page;\n",
  'src/portal/page.ts': "import { t } from '../server/modules/tasks';\nexport const page = t;\n",
  'src/portal/bad-db.ts': "import { db } from '../server/db/client';\nexport const x = db;\n",
  'src/portal/bad-inner.ts':
    "import { units } from '../server/modules/org/units';\nexport const x = units;\n",
  'src/admin/page.ts': "import { api } from '../contracts/api';\nexport const x = api;\n",
  'src/admin/bad-server.ts': "import { db } from '../server/db/client';\nexport const x = db;\n",
  'src/cli/bad.ts': "import { units } from '../server/modules/org/units';\nexport const x = units;\n",
  'src/admin/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = b;\n",
  'src/admin/cycle-b.ts': "import type { a } from './cycle-a';\nexport const b = 1 as unknown as typeof a;\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let violations: Violation[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-boundaries-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }),
  );
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [bin, 'src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (e) {
    // dependency-cruiser exits non-zero when it finds violations; its JSON is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  violations = (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const by = (rule: string) =>
  violations
    .filter((v) => v.rule.name === rule)
    .map((v) => v.from)
    .sort();

describe('boundary rules (.dependency-cruiser.cjs)', () => {
  it.each([
    ['domain-is-pure', ['src/domain/bad-server.ts']],
    ['domain-no-node', ['src/domain/bad-io.ts']],
    ['console-only-contracts-and-domain', ['src/admin/bad-server.ts']],
    ['portal-through-module-faces', ['src/portal/bad-db.ts', 'src/portal/bad-inner.ts']],
    ['server-does-not-know-the-portal', ['src/server/modules/tasks/bad-portal.ts']],
    ['module-through-faces', ['src/server/modules/tasks/bad-inner.ts']],
    ['module-owns-its-tables', ['src/server/modules/tasks/bad-table.ts']],
    ['modules-do-not-know-the-list', ['src/server/modules/tasks/bad-list.ts']],
    ['platform-below-modules', ['src/server/platform/bad.ts']],
    ['cli-through-faces', ['src/cli/bad.ts']],
  ])('%s fails exactly the violating files', (rule, expected) => {
    expect(by(rule)).toEqual(expected);
  });

  it('no-cycles fails a two-file cycle, type-only imports included', () => {
    const cycles = violations.filter((v) => v.rule.name === 'no-cycles');
    expect(cycles).toHaveLength(1);
    expect([cycles[0]?.from, cycles[0]?.to].sort()).toEqual(['src/admin/cycle-a.ts', 'src/admin/cycle-b.ts']);
  });

  it('allowed imports pass: faces, own tables, app.ts mounting the portal, contracts on domain', () => {
    const allowed = [
      'src/server/app.ts',
      'src/portal/page.ts',
      'src/server/modules/tasks/index.ts',
      'src/server/modules/org/units.ts',
      'src/contracts/api.ts',
      'src/admin/page.ts',
      'src/server/modules/index.ts',
    ];
    expect(violations.filter((v) => allowed.includes(v.from))).toEqual([]);
  });
});

// `gongkai workdays` as a user runs it (a real process), with no database reachable: the built-in notices.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-workdays-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function gongkai(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_DEMO: '0' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('gongkai workdays (years without a notice get the statutory holidays, provisionally)', () => {
  it.each([
    ['2027-01-01', 'false', '元旦，法定节假日'],
    ['2027-02-09', 'true', '工作日'],
  ])(
    'workdays is %s → %s',
    (date, expected, reason) => {
      const r = gongkai('workdays', 'is', date);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(expected);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).toContain('暂定');
    },
    60_000,
  );
});

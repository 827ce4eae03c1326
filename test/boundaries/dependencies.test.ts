// SECURITY.md 25: known-vulnerable packages never enter the lock file, and every package is pinned to an exact
// version with an integrity hash. (The registry's audit endpoint is not reachable from CI here, so this denylist
// is the build's gate; `npm audit --audit-level=high` is for a machine that can reach it.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../../package-lock.json'), 'utf8'),
) as {
  packages: Record<string, { version?: string; integrity?: string; link?: boolean }>;
};
const installed = Object.entries(lock.packages)
  .filter(([p]) => p.startsWith('node_modules/') || p.includes('/node_modules/'))
  .map(([p, v]) => ({ name: p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length), ...v }));

// [package, why, is this version refused?]
const DENY: [string, string, (v: string) => boolean][] = [
  ['xlsx', 'SheetJS 0.18.5 on npm: prototype pollution and ReDoS, never fixed there', () => true],
  ['adm-zip', 'zip slip before 0.5.x', (v) => Number(v.split('.')[0]) === 0 && Number(v.split('.')[1]) < 5],
];

export function refused(pkgs: { name: string; version?: string }[]): string[] {
  return pkgs.flatMap((p) =>
    DENY.filter(([name, , bad]) => p.name === name && bad(p.version ?? '0.0.0')).map(
      ([name, why]) => `${name}@${p.version}: ${why}`,
    ),
  );
}

describe('dependencies', () => {
  it('the denylist refuses what it names (and only that)', () => {
    expect(refused([{ name: 'xlsx', version: '0.18.5' }])).toHaveLength(1);
    expect(refused([{ name: 'adm-zip', version: '0.4.16' }])).toHaveLength(1);
    expect(refused([{ name: 'adm-zip', version: '0.5.16' }])).toEqual([]);
    expect(refused([{ name: 'exceljs', version: '4.4.0' }])).toEqual([]);
  });

  it('the lock file holds no denied package', () => {
    expect(installed.length).toBeGreaterThan(100);
    expect(refused(installed)).toEqual([]);
  });

  it('every registry package is pinned with an integrity hash', () => {
    const loose = installed.filter((p) => !p.link && (!p.version || !p.integrity)).map((p) => p.name);
    expect(loose).toEqual([]);
  });
});

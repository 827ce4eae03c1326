// SECURITY.md 25: known-vulnerable dependencies block the build. `npm audit` asks the registry's advisory database
// about every package of the lock file; a high or critical advisory fails the step unless scripts/audit-allow.json
// accepts it, with a reason, until a date. Exit codes: 0 clean, 1 vulnerable (or the database unreachable while
// GONGKAI_AUDIT=required), 2 the database could not be asked (said loudly; the lock file's denylist in
// test/boundaries/dependencies.test.ts still runs). The registry is npm's setting (npm_config_registry).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BLOCKING = new Set(['high', 'critical']);

/**
 * What `npm audit --json` printed, judged: the blocking advisories not accepted on `today` (YYYY-MM-DD), or why the
 * database could not be asked.
 * (Types in audit.d.mts.)
 */
export function verdict(report, allow, today) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities) {
    return { unreachable: String(report?.message ?? report?.error?.summary ?? '漏洞库无应答') };
  }
  const accepted = new Set(allow.filter((a) => a.until >= today).map((a) => a.advisory));
  const blocking = [];
  for (const v of Object.values(report.vulnerabilities)) {
    for (const via of v.via ?? []) {
      // `via` names either an advisory (an object) or the package it comes through (a string, counted there).
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = String(via.url ?? via.source).replace(/^https:\/\/github\.com\/advisories\//, '');
      if (accepted.has(id)) continue;
      blocking.push(`${via.name}（${via.range}）：${via.severity} ${id} ${via.title}`);
    }
  }
  return { blocking: [...new Set(blocking)].sort() };
}

function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const allow = JSON.parse(fs.readFileSync(path.join(root, 'scripts/audit-allow.json'), 'utf8'));
  const r = spawnSync('npm', ['audit', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = { message: (r.stderr || r.error?.message || '').trim().split('\n')[0] };
  }
  const today = new Date().toISOString().slice(0, 10);
  const v = verdict(report, allow, today);
  if ('unreachable' in v) {
    console.log(`依赖漏洞扫描未做：漏洞库无法访问（${v.unreachable}）。仅检查了禁用清单。`);
    process.exit(process.env.GONGKAI_AUDIT === 'required' ? 1 : 2);
  }
  if (v.blocking.length) {
    console.log(
      `依赖存在高危或严重漏洞（${v.blocking.length} 条），请升级或在 scripts/audit-allow.json 说明理由：`,
    );
    for (const b of v.blocking) console.log(`  ${b}`);
    process.exit(1);
  }
  console.log('依赖漏洞扫描通过：没有未说明的高危或严重漏洞。');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

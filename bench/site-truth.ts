// Scores a `gongkai sites check --json` output against a truth file (format of shared/samples/site/truth.json and
// its README's matching rules). Usage: npx tsx bench/site-truth.ts OUTPUT.json TRUTH.json
import fs from 'node:fs';

type F = { kind: string; page?: string; target?: string; column?: string; text?: string };
const [outFile, truthFile] = process.argv.slice(2);
if (!outFile || !truthFile) throw new Error('usage: site-truth OUTPUT.json TRUTH.json');
const out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8'));
const strip = (u?: string) => {
  if (!u) return '';
  const s = u.startsWith(out.site)
    ? `/${u.slice(out.site.length).replace(/^\//, '')}`
    : u.replace(/^https?:\/\/[^/]+/, '');
  return s.replace(/index\.html$/, '').replace(/\/+$/, '') || '/';
};
const same = (f: F, t: F): boolean => {
  if (f.kind !== t.kind) return false;
  switch (f.kind) {
    case 'broken_link':
      return t.target?.startsWith('/') ? strip(f.target) === strip(t.target) : f.target === t.target;
    case 'stale_column':
    case 'blank_column':
      return strip(f.page) === strip(t.page) || (!!f.column && f.column === t.column);
    case 'typo':
    case 'serious_error':
      return (
        strip(f.page) === strip(t.page) &&
        !!f.text &&
        !!t.text &&
        (f.text.includes(t.text) || t.text.includes(f.text))
      );
    case 'missing_identity':
      return !!f.text && f.text === t.text;
    default:
      return strip(f.page) === strip(t.page);
  }
};
const found = new Set<number>();
const wrong: F[] = [];
for (const f of out.findings as F[]) {
  const i = (truth.findings as F[]).findIndex((t) => same(f, t));
  if (i >= 0 && !(truth.decoys as F[]).some((d) => same(f, d))) found.add(i);
  else wrong.push(f);
}
const missed = (truth.findings as F[]).filter((_, i) => !found.has(i));
const vetoes = (out.vetoes as { rule: string }[]).map((v) => v.rule).sort();
console.log(`verdict ${out.verdict === truth.verdict ? 'ok' : `WRONG (${out.verdict})`}`);
console.log(
  `vetoes ${JSON.stringify(vetoes) === JSON.stringify([...truth.vetoes].sort()) ? 'ok' : `WRONG ${vetoes}`}`,
);
console.log(`findings: ${found.size}/${truth.findings.length} found, ${wrong.length} wrong`);
for (const m of missed) console.log(`  missed ${JSON.stringify(m)}`);
for (const w of wrong) console.log(`  wrong  ${JSON.stringify(w)}`);

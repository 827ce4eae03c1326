// Requirement 27's memory half: zip bombs processed through the gateway in a process of their own
// (test/fixtures/rss/bombs.ts) raise its resident memory, worker threads included, by less than a stated limit,
// and each is refused within seconds.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const MB = 1024 * 1024;
// Measured on the 2-core CI machine: ~135 MB of growth (two workers' young generations and the copies of the
// upload) whether the lying entry inflates to 90 MB or 1 GiB. Without the inflation cap the 256 MiB entry alone
// would pass this limit.
const RSS_GROWTH_LIMIT = 200 * MB;
const REFUSAL_MS = 10_000;

it('zip bombs (high ratio, lying central directory, renamed .doc) keep RSS growth under 200 MB and are refused in time', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'test/fixtures/rss/bombs.ts'],
    { cwd: ROOT, timeout: 90_000, maxBuffer: 1024 * 1024 },
  );
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as {
    baseline: number;
    peak: number;
    results: { what: string; ms: number; refused: boolean; message: string }[];
  };
  expect(r.results.map((x) => x.what)).toHaveLength(5);
  for (const x of r.results) {
    expect(x, x.what).toMatchObject({ refused: true });
    expect(x.message, x.what).toMatch(/压缩炸弹|压缩比|扩展名与内容不符/);
    expect(x.ms, x.what).toBeLessThan(REFUSAL_MS);
  }
  // The lying entries were really inflated up to the cap (not refused by their declared size).
  expect(r.results.find((x) => x.what === 'lying central directory')!.message).toMatch(/解压后过大|压缩比/);
  expect(r.peak - r.baseline).toBeLessThan(RSS_GROWTH_LIMIT);
}, 120_000);

// Backup and restore with PostgreSQL's own tools (custom format): every table, including files and the audit
// chain, round-trips. The client tools come from the system (Debian: postgresql-client) and must be at least the
// server's major version.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function tool(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  for (const candidate of [name, ...[17, 16, 15, 14].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`)]) {
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(
    `未找到 ${name}：请安装 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client）`,
  );
}

export async function backupTo(url: string, file: string): Promise<void> {
  const bin = await tool('pg_dump');
  await run(bin, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function restoreFrom(url: string, file: string): Promise<void> {
  const bin = await tool('pg_restore');
  // --clean drops what the backup contains first, so restoring over a live database yields exactly the backup.
  await run(
    bin,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      `--dbname=${url}`,
      file,
    ],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

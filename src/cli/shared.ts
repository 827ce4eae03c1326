// Helpers shared by CLI commands.
import { loadConfig } from '../server/config';
import { type OpenedDatabase, openDatabase } from '../server/runtime';

export const say = (m: string) => console.error(m);

/** Opens the database (DATABASE_URL, the running Gongkai's embedded server, or a fresh embedded one). */
export async function withDb<T>(
  fn: (db: OpenedDatabase, config: ReturnType<typeof loadConfig>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, say, 'cli');
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

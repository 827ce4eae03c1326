// Retention of credentials (SECURITY.md 38): sessions and one-time tokens that expired before a cut-off are
// deleted by the daily purge (tokens are also deleted when used or at the next issue, tokens.ts). A session has
// expired when it was idle for longer than the idle timeout or is older than the absolute lifetime.
import { lt, or } from 'drizzle-orm';
import type { SecuritySettings } from '../../../contracts/system';
import type { DbOrTx } from '../../db/client';
import { authTokens, sessions } from '../../db/schema';

const MIN = 60_000;

export async function purgeExpiredCredentials(
  tx: DbOrTx,
  expiredBefore: Date,
  policy: Pick<SecuritySettings, 'sessionIdleMinutes' | 'sessionAbsoluteMinutes'>,
): Promise<{ sessions: number; tokens: number }> {
  const idle = new Date(expiredBefore.getTime() - policy.sessionIdleMinutes * MIN);
  const born = new Date(expiredBefore.getTime() - policy.sessionAbsoluteMinutes * MIN);
  const s = await tx
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idle), lt(sessions.createdAt, born)))
    .returning({ id: sessions.idHash });
  const t = await tx
    .delete(authTokens)
    .where(lt(authTokens.expiresAt, expiredBefore))
    .returning({ id: authTokens.idHash });
  return { sessions: s.length, tokens: t.length };
}

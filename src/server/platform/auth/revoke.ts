// Ending a user's sessions (account disabled, password reset, roles changed): sessions are platform data, so the
// org module asks here instead of deleting from the table itself.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sessions } from '../../db/schema/platform';

/** Deletes every session of the user, in the caller's transaction. */
export async function revokeSessions(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

// Anti-spam of the portal application form (REGULATIONS has no rule; [I]): an arithmetic question signed with a
// server secret, valid 30 minutes.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../../server/platform/context';
import { newRequestKey } from '../../server/platform/idempotency';
import { getSetting, putSetting } from '../../server/platform/settings';

const CHALLENGE_TTL_MS = 30 * 60 * 1000;

async function secret(p: Platform): Promise<string> {
  const s = await getSetting<string>(p.database, 'requests.challengeSecret');
  if (s) return s;
  const fresh = randomBytes(32).toString('hex');
  await p.database.db.transaction((tx) => putSetting(tx, 'requests.challengeSecret', fresh));
  return (await getSetting<string>(p.database, 'requests.challengeSecret')) ?? fresh;
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('hex').slice(0, 32);
}

export interface Challenge {
  question: string;
  token: string;
  /** The form's one-time request id (hidden field `rid`): a resubmission of the same form creates nothing new. */
  requestKey: string;
}

export async function newChallenge(p: Platform): Promise<Challenge> {
  const a = randomInt(2, 10);
  const b = randomInt(2, 10);
  const exp = p.clock.now().getTime() + CHALLENGE_TTL_MS;
  const payload = `${a + b}.${exp}`;
  return {
    question: `${a} 加 ${b} 等于几？`,
    token: `${exp}.${sign(await secret(p), payload)}`,
    requestKey: newRequestKey(),
  };
}

export async function checkChallenge(p: Platform, token: string, answer: string): Promise<boolean> {
  const [expRaw, sig] = token.split('.');
  const exp = Number(expRaw);
  if (!sig || !Number.isFinite(exp) || exp < p.clock.now().getTime()) return false;
  const expected = sign(await secret(p), `${answer.trim()}.${exp}`);
  return expected.length === sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
}

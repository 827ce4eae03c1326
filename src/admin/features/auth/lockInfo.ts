// The server's LOCKED error carries the Chinese message; when details also give the time left we append it,
// unless the message already says it.
export function lockSuffix(details: unknown, nowMs: number): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as { remainingSeconds?: unknown; retryAfterSeconds?: unknown; lockedUntil?: unknown };
  let seconds: number | null = null;
  if (typeof d.remainingSeconds === 'number') seconds = d.remainingSeconds;
  else if (typeof d.retryAfterSeconds === 'number') seconds = d.retryAfterSeconds;
  else if (typeof d.lockedUntil === 'string') {
    const t = Date.parse(d.lockedUntil);
    if (!Number.isNaN(t)) seconds = Math.max(0, Math.round((t - nowMs) / 1000));
  }
  if (seconds === null) return null;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `请约 ${minutes} 分钟后再试`;
}

export function loginErrorText(message: string, details: unknown, nowMs: number): string {
  const suffix = lockSuffix(details, nowMs);
  if (!suffix || /分钟|秒/.test(message)) return message;
  return `${message}，${suffix}`;
}

/** A failed login whose next attempt will need a challenge (the server says so in the details). */
export function challengeNext(details: unknown): boolean {
  return (
    typeof details === 'object' && details !== null && (details as { challenge?: unknown }).challenge === true
  );
}

// Per-user upload quotas (SECURITY.md 30): files and bytes per account and China day, counted for every upload and
// import that reaches the gateway (readUpload), refused with 429 before anything is read further or stored. The
// day is the Asia/Shanghai calendar day of the server clock; each day has its own counters in rate_limits.
import { addDays, chinaDate } from '../../../domain/calendar/dates';
import { AppError } from '../errors';
import type { RateLimiter } from '../ratelimit';
import { getSetting } from '../settings';

export interface UploadQuota {
  filesPerDay: number;
  megabytesPerDay: number;
}

/** 200 files and 1 GB per account and day unless the setting `uploads.quota` says otherwise. */
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { filesPerDay: 200, megabytesPerDay: 1024 };

export async function uploadQuota(limiter: RateLimiter): Promise<UploadQuota> {
  const stored = (await getSetting<Partial<UploadQuota>>(limiter.database, 'uploads.quota')) ?? {};
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  return {
    filesPerDay: ok(stored.filesPerDay) ? stored.filesPerDay : DEFAULT_UPLOAD_QUOTA.filesPerDay,
    megabytesPerDay: ok(stored.megabytesPerDay)
      ? stored.megabytesPerDay
      : DEFAULT_UPLOAD_QUOTA.megabytesPerDay,
  };
}

/** Counts one upload of `size` bytes for the user's day, or refuses it (429) and counts nothing. */
export async function takeUploadQuota(limiter: RateLimiter, userId: string, size: number): Promise<void> {
  const quota = await uploadQuota(limiter);
  const day = chinaDate(limiter.at());
  const resetAt = new Date(`${addDays(day, 1)}T00:00:00+08:00`);
  // Bytes are counted in KiB: a day of 1 GB stays far inside the counter's integer.
  const kib = Math.max(1, Math.ceil(size / 1024));
  const files = `upload:files:${userId}:${day}`;
  const bytes = `upload:kib:${userId}:${day}`;
  const n = await limiter.add(files, 1, resetAt);
  const k = await limiter.add(bytes, kib, resetAt);
  if (n > quota.filesPerDay || k > quota.megabytesPerDay * 1024) {
    await limiter.refund(files, 1);
    await limiter.refund(bytes, kib);
    throw new AppError(
      'RATE_LIMITED',
      `今日上传已达上限（每个账号每天 ${quota.filesPerDay} 个文件、共 ${quota.megabytesPerDay} MB），请明天再上传`,
    );
  }
}

// The register of government websites and 政务新媒体 accounts and its filing workflow (issue 12 part 1; seed 002:
// 开设/变更/关停/注销 with the head's signed, sealed request, reviewed by the office).

export const CHANNEL_STATUSES = ['running', 'closed', 'cancelled'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
export const CHANNEL_STATUS_LABELS: Record<ChannelStatus, string> = {
  running: '运行',
  closed: '关停',
  cancelled: '注销',
};

export const MEDIA_PLATFORMS = [
  'wechat',
  'weibo',
  'douyin',
  'toutiao',
  'channels',
  'kuaishou',
  'other',
] as const;
export type MediaPlatform = (typeof MEDIA_PLATFORMS)[number];
export const MEDIA_PLATFORM_LABELS: Record<MediaPlatform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  channels: '视频号',
  kuaishou: '快手',
  other: '其他',
};

export const FILING_KINDS = ['open', 'change', 'close', 'cancel'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  open: '开设',
  change: '变更',
  close: '关停',
  cancel: '注销',
};

export const FILING_TARGETS = ['website', 'account'] as const;
export type FilingTarget = (typeof FILING_TARGETS)[number];

export const FILING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  pending: '待审核',
  approved: '已备案',
  rejected: '已退回',
};

/**
 * The status a channel has after an approved filing, or the Chinese reason the filing cannot apply. `current` is
 * undefined for a channel not in the register yet (only 开设 applies to it).
 */
export function statusAfterFiling(
  kind: FilingKind,
  current: ChannelStatus | undefined,
): { ok: true; status: ChannelStatus } | { ok: false; reason: string } {
  if (kind === 'open')
    return current === undefined
      ? { ok: true, status: 'running' }
      : { ok: false, reason: '该渠道已在登记册中，请提交变更备案' };
  if (current === undefined) return { ok: false, reason: '请选择登记册中的网站或账号' };
  if (current === 'cancelled') return { ok: false, reason: '该渠道已注销，不能再办理备案' };
  if (kind === 'change')
    return current === 'running'
      ? { ok: true, status: 'running' }
      : { ok: false, reason: '已关停的渠道不能变更' };
  if (kind === 'close')
    return current === 'running' ? { ok: true, status: 'closed' } : { ok: false, reason: '该渠道已关停' };
  return { ok: true, status: 'cancelled' };
}

/**
 * One key per site for duplicate detection: scheme, "www.", default port, case of the host, index page and trailing
 * slash do not make another site. Undefined for text that is not an http(s) address.
 */
export function websiteKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `http://${url.trim()}`);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (!u.hostname.includes('.') && u.hostname !== 'localhost') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/(index|default)\.s?html?$/i, '/').replace(/\/+$/, '');
  return `${host}${port}${path}`;
}

/** 网站标识码: 10 digits (国办 site identifier). */
export const SITE_CODE_RE = /^\d{10}$/;

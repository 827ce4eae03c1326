// Chinese labels and tag colours of the media feature.
import type { ChannelStatus } from '../../../domain/media/registry';

export {
  CHANNEL_STATUS_LABELS,
  FILING_KIND_LABELS,
  FILING_STATUS_LABELS,
  MEDIA_PLATFORM_LABELS,
} from '../../../domain/media/registry';
export { VETO_LABELS, vetoLabel } from '../../../domain/media/rules';
export { FINDING_LABELS } from '../../../domain/media/site';

export const CHANNEL_STATUS_COLORS: Record<ChannelStatus, string> = {
  running: 'green',
  closed: 'orange',
  cancelled: 'default',
};

/** MON-1 sampling as shown: 可用率 and the failed/total samples. */
export function availabilityText(a: { failed: number; total: number } | null | undefined): string {
  if (!a || a.total === 0) return '暂无抽测';
  const pct = (((a.total - a.failed) * 100) / a.total).toFixed(1);
  return `${pct}%（${a.failed}/${a.total} 次失败）`;
}

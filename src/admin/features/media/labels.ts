// Chinese labels and tag colours of the media feature.
import type { ChannelStatus } from '../../../domain/media/registry';

export {
  CHANNEL_STATUS_LABELS,
  FILING_KIND_LABELS,
  FILING_STATUS_LABELS,
  MEDIA_PLATFORM_LABELS,
} from '../../../domain/media/registry';
export { FINDING_LABELS } from '../../../domain/media/site';

export const CHANNEL_STATUS_COLORS: Record<ChannelStatus, string> = {
  running: 'green',
  closed: 'orange',
  cancelled: 'default',
};

export const VETO_LABELS: Record<string, string> = {
  home_not_updated: '首页不更新',
  columns_not_updated: '栏目不更新',
  blank_columns: '空白栏目过多',
  interaction_poor: '互动回应差',
  serious_error: '严重表述错误',
  unreachable: '站点无法访问',
};

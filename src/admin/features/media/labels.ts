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

// 待我审核: items waiting at a review level, not drafted or already approved by the reviewer.
import { PageContainer } from '../../../components/PageContainer';
import { ItemTable } from './ItemsPage';

export default function InboxPage() {
  return (
    <PageContainer title="待我审核" testId="disclosure-inbox-page">
      <ItemTable inbox testId="inbox-table" />
    </PageContainer>
  );
}

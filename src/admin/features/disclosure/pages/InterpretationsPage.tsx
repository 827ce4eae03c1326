// 政策解读: interpretations and the policies they interpret (the link is set in the item editor).
import { PageContainer } from '../../../components/PageContainer';
import { ItemTable } from './ItemsPage';

export default function InterpretationsPage() {
  return (
    <PageContainer title="政策解读" testId="disclosure-interpretations-page">
      <ItemTable kind="interpretation" testId="interpretations-table" />
    </PageContainer>
  );
}

// 规范性文件: the register of normative documents with validity (automatic expiry shown by the server).
import { PageContainer } from '../../../components/PageContainer';
import { ItemTable } from './ItemsPage';

export default function NormativePage() {
  return (
    <PageContainer title="规范性文件" testId="disclosure-normative-page">
      <ItemTable kind="normative" testId="normative-table" />
    </PageContainer>
  );
}

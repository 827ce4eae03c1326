import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useDocumentTitle } from '../components/PageContainer';
import { canSee, type PageEntry } from '../menu';

/** Shows 403 instead of the page when the user lacks its permission (the server refuses the API calls anyway). */
export function RequirePage({ page, children }: { page: PageEntry; children: ReactNode }) {
  const { data } = useMe();
  if (!data || !canSee(page, data.permissions)) return <Forbidden label={page.label} />;
  return <>{children}</>;
}

function Forbidden({ label }: { label: string }) {
  useDocumentTitle(`无权访问：${label}`);
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={`您没有访问“${label}”的权限，如需开通请联系系统管理员。`}
      extra={<HomeButton />}
    />
  );
}

export function NotFound() {
  useDocumentTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<HomeButton />}
    />
  );
}

function HomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回首页
    </Button>
  );
}

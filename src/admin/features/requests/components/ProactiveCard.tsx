// 依申请转主动公开 (条例第四十四条): an answered case whose information was released may be made public for
// everyone. The server writes a de-identified copy of the subject and reply into a draft item; the office checks
// it in the item editor and sends it through review like any other item.
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../../contracts/requests';
import { PROACTIVE_OUTCOMES } from '../../../../domain/requests/proactive';
import { usePermission } from '../../../auth';
import { useCallMutation } from '../../../queries';
import { categoryOptions } from '../../disclosure/shared';
import { requestsApi } from '../queries';

const DONE = '依申请转主动公开';

export function ProactiveCard({ detail: d }: { detail: CaseDetail }) {
  const can = usePermission();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [art20, setArt20] = useState<string | null>(null);
  const make = useCallMutation(requestsApi.makeProactive, {
    toArgs: (category: string) => ({ params: { id: d.id }, body: { art20: category } }),
    onSuccess: (r) => {
      void message.success('已生成去除个人信息的公开信息草稿，请核对后提交审核');
      navigate(`/disclosure/items/${r.itemId}`);
    },
  });
  if (d.status !== 'closed' || !d.outcome || !PROACTIVE_OUTCOMES.includes(d.outcome)) return null;
  if (!can('requests:case:handle') || !can('disclosure:item:create')) return null;
  if (d.timeline.some((t) => t.text.startsWith(DONE))) return null;
  return (
    <Card title="依申请转主动公开" style={{ marginTop: 16 }} data-testid="proactive-card">
      <Typography.Paragraph type="secondary">
        其他人也可能需要的信息，可转为主动公开：系统以去除申请人个人信息的申请内容和答复生成一条公开信息草稿，经审核后发布。
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ minWidth: 240 }}
          placeholder="公开类别"
          showSearch
          optionFilterProp="label"
          options={categoryOptions('county')}
          value={art20}
          onChange={setArt20}
          data-testid="proactive-category"
        />
        <Button
          type="primary"
          disabled={!art20}
          loading={make.isPending}
          onClick={() => art20 && make.mutate(art20)}
          data-testid="proactive-make"
        >
          生成公开信息草稿
        </Button>
      </Space>
    </Card>
  );
}

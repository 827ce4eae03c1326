// Cards that handling a consultation and handling a letter share: the reviewer's 通过/退回 of a drafted answer and
// the transfer to another unit. Test ids are `${prefix}-…` (prefix `consult` or `letter`).
import { Button, Card, Form, Input, Select, Space } from 'antd';
import type { ReplyReviewBody } from '../../../../contracts/interaction';
import { required } from '../../../components/formRules';
import { useTransferTargets } from '../queries';

/** The drafted answer with 通过 (it goes out) or 退回 with a reason. */
export function ReviewCard({
  prefix,
  draft,
  review,
  labels,
}: {
  prefix: string;
  draft: string | null;
  review: { isPending: boolean; mutate: (r: ReplyReviewBody) => void };
  /** The approve and return buttons' text. */
  labels: [string, string];
}) {
  const [returned] = Form.useForm<{ note: string }>();
  return (
    <Card title="审核答复" size="small" data-testid={`${prefix}-review`}>
      <p data-testid={`${prefix}-draft`}>{draft}</p>
      <Form
        form={returned}
        layout="vertical"
        onFinish={(v) => review.mutate({ action: 'return', note: v.note })}
      >
        <Form.Item name="note" label="退回理由（退回时填写）" rules={required('请填写退回理由')}>
          <Input />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={review.isPending}
            onClick={() => review.mutate({ action: 'approve', note: null })}
            data-testid={`${prefix}-approve`}
          >
            {labels[0]}
          </Button>
          <Button htmlType="submit" loading={review.isPending} data-testid={`${prefix}-return`}>
            {labels[1]}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** 转办: another unit and the reason. */
export function TransferCard({
  prefix,
  handle,
}: {
  prefix: string;
  /** The handling mutation, told `{ action: 'transfer', unitId, reason }`. */
  handle: { isPending: boolean; mutate: (v: { action: 'transfer'; unitId: string; reason: string }) => void };
}) {
  const targets = useTransferTargets();
  const [transfer] = Form.useForm<{ unitId: string; reason: string }>();
  return (
    <Card title="转办" size="small">
      <Form form={transfer} layout="vertical" onFinish={(v) => handle.mutate({ action: 'transfer', ...v })}>
        <Form.Item name="unitId" label="转至单位" rules={required('请选择单位')}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid={`${prefix}-transfer-unit`}
            options={(targets.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="转办理由" rules={required('请填写转办理由')}>
          <Input data-testid={`${prefix}-transfer-reason`} />
        </Form.Item>
        <Button htmlType="submit" loading={handle.isPending} data-testid={`${prefix}-transfer-save`}>
          转办
        </Button>
      </Form>
    </Card>
  );
}

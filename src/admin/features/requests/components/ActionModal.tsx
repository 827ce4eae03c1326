import { App, type ButtonProps, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  type CaseActionBody,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
} from '../../../../contracts/requests';
import { CLOCK_ACTION_LABELS, type ClockAction } from '../../../../domain/requests/clock';
import { FEE_METHOD_LABELS } from '../../../../domain/requests/fees';
import {
  LEGAL_BASIS_LABELS,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  OUTCOME_LEGAL_BASES,
  type OutcomeCode,
} from '../../../../domain/requests/outcomes';
import { useClosingForm } from '../../../components/DrawerForm';
import { optionsOf } from '../../../components/FilterSelect';
import { useCaseAction } from '../queries';

export type Action = ClockAction | 'confirm_receipt';
// The clerk only asks for the extension; the 工作机构负责人 decides it (条例第三十三条第二款).
export const ACTION_LABELS: Record<Action, string> = {
  ...CLOCK_ACTION_LABELS,
  extend: '申请延期答复',
  confirm_receipt: '确认收到申请',
};

type Values = Record<string, string | number | null | undefined>;

const required = (label: string, message = `请填写${label}`) => [{ required: true, message }];

/** A date typed as YYYY-MM-DD. */
const date = (name: string, label: string, isRequired = true) => (
  <Form.Item name={name} label={label} rules={isRequired ? required(label) : []}>
    <Input placeholder="YYYY-MM-DD" data-testid={`action-${name}`} />
  </Form.Item>
);

/** A notice the office sends: the day it went out (its label) and, when known, the day it was served. */
const sentAndServed = (label: string) => (
  <>
    {date('date', label)}
    {date('servedOn', '送达日期', false)}
  </>
);

/** A free text; `rows` 0 for one line. */
const text = (
  name: string,
  label: string,
  opts: { isRequired?: boolean; rows?: number; testId?: boolean } = {},
) => (
  <Form.Item name={name} label={label} rules={opts.isRequired ? required(label, '请填写') : []}>
    {opts.rows === 0 ? (
      <Input />
    ) : (
      <Input.TextArea rows={opts.rows ?? 2} data-testid={opts.testId ? `action-${name}` : undefined} />
    )}
  </Form.Item>
);

const choice = (
  name: string,
  label: string,
  options: { value: string; label: string }[],
  initialValue?: string,
) => (
  <Form.Item name={name} label={label} initialValue={initialValue}>
    <Select allowClear={!initialValue} options={options} />
  </Form.Item>
);

/** The fields each action asks for. */
function ActionFields({ action, outcome }: { action: Action; outcome?: OutcomeCode }): ReactNode {
  switch (action) {
    case 'confirm_receipt':
      return date('confirmedOn', '双方确认日期');
    case 'request_correction':
      return (
        <>
          {date('date', '告知日期')}
          {date('correctBy', '补正期限', false)}
          {text('missing', '需要补正的事项（留空则列出登记时缺少的事项）', { testId: true })}
        </>
      );
    case 'receive_correction':
      return (
        <>
          {date('date', '收到补正日期')}
          {text('description', '补正后的信息描述（原申请缺少时必填）', { testId: true })}
          {choice('deliveryForm', '获取信息的形式（原申请缺少时必填）', optionsOf(DELIVERY_FORM_LABELS))}
          {choice(
            'deliveryChannel',
            '获取信息的途径（原申请缺少时必填）',
            optionsOf(DELIVERY_CHANNEL_LABELS),
          )}
        </>
      );
    case 'start_consultation':
      return (
        <>
          {choice(
            'kind',
            '类型',
            [
              { value: 'third_party', label: '征求第三方意见（条例第三十二条）' },
              { value: 'other_agency', label: '征求其他机关意见（条例第三十四条）' },
            ],
            'third_party',
          )}
          {text('party', '征求意见对象', { isRequired: true, rows: 0 })}
          {sentAndServed('发出日期')}
        </>
      );
    case 'end_consultation':
      return (
        <>
          {date('date', '收到意见日期')}
          {text('opinion', '意见')}
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item name="days" label="延长工作日数（最长 20）" rules={required('', '请填写')}>
            <InputNumber min={1} max={20} data-testid="action-days" />
          </Form.Item>
          {text('reason', '延期理由', { isRequired: true, testId: true })}
          <Typography.Text type="secondary">提交后由政府信息公开工作机构负责人在系统中审批</Typography.Text>
        </>
      );
    case 'charge_fee':
      return (
        <>
          {choice('method', '收费方式（一件申请只能选一种）', optionsOf(FEE_METHOD_LABELS), 'per_volume')}
          <Form.Item name="pages" label="页数（按量计收）">
            <InputNumber min={1} />
          </Form.Item>
          {sentAndServed('通知日期')}
        </>
      );
    case 'set_custom_deadline':
      return (
        <>
          {date('date', '另行确定的答复期限')}
          {text('reason', '理由', { isRequired: true })}
        </>
      );
    case 'reply': {
      const bases = outcome ? OUTCOME_LEGAL_BASES[outcome] : [];
      return (
        <>
          <Form.Item name="outcome" label="办理结果" rules={required('', '请选择')}>
            <Select
              data-testid="action-outcome"
              showSearch
              optionFilterProp="label"
              options={OUTCOME_CODES.map((c) => ({ value: c, label: OUTCOME_LABELS[c] }))}
            />
          </Form.Item>
          {/* Required (and marked) exactly when the server requires it: checkOutcomeBasis. */}
          <Form.Item
            name="legalBasis"
            label="法律依据"
            rules={
              bases.length > 0
                ? required('', `请选择法律依据：${bases.map((b) => LEGAL_BASIS_LABELS[b]).join('或')}`)
                : []
            }
          >
            <Select
              data-testid="action-legalBasis"
              allowClear
              options={bases.map((b) => ({
                value: b,
                label: LEGAL_BASIS_LABELS[b],
              }))}
            />
          </Form.Item>
          {date('date', '答复日期')}
          {text('replyText', '答复说明', { rows: 3 })}
        </>
      );
    }
    default:
      return date('date', '日期');
  }
}

export function ActionModal({
  id,
  action,
  onClose,
}: {
  id: string;
  action: Action | null;
  onClose: () => void;
}) {
  const [form, saved] = useClosingForm<Values>(onClose);
  const outcome = Form.useWatch('outcome', form) as OutcomeCode | undefined;
  const { message } = App.useApp();
  const run = useCaseAction(id, () => {
    void message.success(`已办理：${action ? ACTION_LABELS[action] : ''}`);
    saved();
  });
  const submit = (v: Values) => {
    const body: Values = { action };
    for (const [k, val] of Object.entries(v)) body[k] = val === '' || val === undefined ? null : val;
    // The form's fields are those of the action; the server checks them against the contract.
    run.mutate(body as unknown as CaseActionBody);
  };
  return (
    <Modal
      open={action !== null}
      title={action ? ACTION_LABELS[action] : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: run.isPending, 'data-testid': 'action-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="action-form">
        {action ? <ActionFields action={action} outcome={outcome} /> : null}
      </Form>
    </Modal>
  );
}

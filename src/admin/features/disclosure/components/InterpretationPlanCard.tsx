// 三同步 on a policy's page: whether 终审 may pass, the ready interpretation forms, and the plan the author keeps
// (重大政策, 第一解读人, or the reason for not interpreting).
import { Alert, App, Button, Card, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import type { InterpretationPlanInput } from '../../../../contracts/interpretation-plan';
import { INTERPRETATION_FORM_LABELS, type InterpretationForm } from '../../../../domain/disclosure/rules';
import { useInterpretationPlan, useSaveInterpretationPlan } from '../interpretation-queries';

export function InterpretationPlanCard({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { message } = App.useApp();
  const q = useInterpretationPlan(id);
  const [form] = Form.useForm<InterpretationPlanInput>();
  const save = useSaveInterpretationPlan(id, () => message.success('已保存'));
  const v = q.data;
  useEffect(() => {
    if (v)
      form.setFieldsValue({
        majorPolicy: v.majorPolicy,
        firstInterpreter: v.firstInterpreter,
        exemptionReason: v.exemptionReason,
      });
  }, [v, form]);
  if (!v) return null;
  const forms =
    v.forms.map((f) => INTERPRETATION_FORM_LABELS[f as InterpretationForm] ?? f).join('、') || '无';
  return (
    <Card size="small" title="三同步（政策解读）" data-testid="interpretation-plan">
      <Alert
        type={v.allowed ? 'success' : 'warning'}
        showIcon
        title={v.allowed ? '可以终审' : v.message}
        description={`已就绪的解读形式：${forms}${v.majorPolicy ? `（重大政策至少 ${v.minForms} 种）` : ''}`}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="majorPolicy" label="重大政策" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="firstInterpreter" label="第一解读人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="exemptionReason" label="不解读的理由（填写后可不附解读）">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {canEdit && (
          <Button htmlType="submit" loading={save.isPending} data-testid="interpretation-plan-save">
            保存
          </Button>
        )}
      </Form>
    </Card>
  );
}

// 考核评分: manual indicators scored per unit with evidence by a named scorer (while the plan is being scored), and
// the 电话测评 results imported from .xlsx (单位, 测评得分, 拨打次数, 备注; all or nothing).
import { App, Button, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { assessmentApi } from '../../../../contracts/assessment';
import { PHONE_HEADERS } from '../../../../domain/assessment/phone';
import { scoringLocked } from '../../../../domain/assessment/tree';
import { usePermission } from '../../../auth';
import { required } from '../../../components/formRules';
import { ImportButton } from '../../../components/ImportButton';
import { PlanPage, usePlanKey } from '../components/PlanPicker';
import { usePutScore, useResults, useScores } from '../queries';

interface Target {
  unitId: string;
  unit: string;
  code: string;
  name: string;
  weight: number;
}

export default function ScoringPage() {
  const [key, setKey] = usePlanKey(1);
  const { data } = useResults(key);
  const scores = useScores(key).data ?? [];
  const [target, setTarget] = useState<Target | null>(null);
  const [form] = Form.useForm<{ score: number; evidence: string; scorer: string }>();
  const { message } = App.useApp();
  const put = usePutScore(() => {
    void message.success('评分已保存');
    setTarget(null);
  });
  const can = usePermission();
  const manual = data?.plan.indicators.filter((i) => i.method === 'manual') ?? [];
  const locked = data ? scoringLocked(data.plan.status) : null;
  return (
    <PlanPage
      title="考核评分"
      testId="assess-scoring-page"
      plan={key}
      onPlan={setKey}
      actions={
        can('assessment:score:update') ? (
          <ImportButton<{ imported: number }>
            path={`${assessmentApi.phoneImport.path}?year=${key.year}`}
            label={`导入电话测评（${Object.values(PHONE_HEADERS).join('、')}）`}
            testId="assess-phone-import"
            describe={(r) => `已导入${r.imported}个单位的电话测评结果`}
          />
        ) : null
      }
    >
      {locked ? <p>{locked}</p> : null}
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={data?.units ?? []}
        columns={[
          { title: '单位', dataIndex: 'unit' },
          ...manual.map((i) => ({
            title: `${i.name}（${i.weight}分）`,
            key: i.code,
            render: (_: unknown, u: { unitId: string; unit: string }) => {
              const s = scores.find((x) => x.unitId === u.unitId && x.code === i.code);
              return (
                <Space>
                  <span title={s ? `${s.scorer}：${s.evidence}` : undefined}>{s ? s.score : '待评分'}</span>
                  {!locked && can('assessment:score:update') ? (
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldsValue({
                          score: s?.score ?? 0,
                          evidence: s?.evidence ?? '',
                          scorer: s?.scorer ?? '',
                        });
                        setTarget({
                          unitId: u.unitId,
                          unit: u.unit,
                          code: i.code,
                          name: i.name,
                          weight: i.weight,
                        });
                      }}
                    >
                      评分
                    </Button>
                  ) : null}
                </Space>
              );
            },
          })),
        ]}
      />
      <Modal
        open={target !== null}
        title={target ? `${target.unit}：${target.name}（满分${target.weight}分）` : ''}
        onCancel={() => setTarget(null)}
        confirmLoading={put.isPending}
        onOk={async () => {
          const v = await form.validateFields();
          if (target) put.mutate({ ...key, unitId: target.unitId, code: target.code, ...v });
        }}
        okText="保存"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="score" label="得分" rules={required('请填写得分')}>
            <InputNumber min={0} max={target?.weight ?? 100} step={0.5} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label="评分依据"
            rules={[{ required: true, min: 2, message: '请填写评分依据' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            name="scorer"
            label="评分人"
            rules={[{ required: true, min: 2, message: '请填写评分人姓名' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PlanPage>
  );
}

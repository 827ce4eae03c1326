import { Button, Card, Form, Input, List, Select } from 'antd';
import type { CaseDetail } from '../../../../contracts/requests';
import { usePermission } from '../../../auth';
import { optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { AFTER_RECONSIDERATION, REMEDY_KINDS, REMEDY_RESULTS } from '../labels';
import { useAddRemedy } from '../queries';

interface RemedyValues {
  kind: keyof typeof REMEDY_KINDS;
  afterReconsideration: keyof typeof AFTER_RECONSIDERATION;
  result: keyof typeof REMEDY_RESULTS;
  filedOn: string;
}

function RemedyForm({ id }: { id: string }) {
  const [form] = Form.useForm<RemedyValues>();
  const add = useAddRemedy(id, () => form.resetFields());
  return (
    <Form<RemedyValues>
      form={form}
      layout="inline"
      onFinish={(v) => add.mutate({ ...v, afterReconsideration: v.afterReconsideration === 'yes' })}
      initialValues={{ kind: 'reconsideration', result: 'pending', afterReconsideration: 'no' }}
    >
      <Form.Item name="kind">
        <Select style={{ width: 110 }} options={optionsOf(REMEDY_KINDS)} />
      </Form.Item>
      <Form.Item name="afterReconsideration">
        <Select style={{ width: 130 }} options={optionsOf(AFTER_RECONSIDERATION)} />
      </Form.Item>
      <Form.Item name="result">
        <Select style={{ width: 110 }} options={optionsOf(REMEDY_RESULTS)} />
      </Form.Item>
      <Form.Item name="filedOn" rules={required('请填写日期')}>
        <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} aria-label="日期" />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        登记
      </Button>
    </Form>
  );
}

/** 行政复议 and 行政诉讼 against the case (table 四 of the annual report). */
export function RemediesCard({ detail }: { detail: CaseDetail }) {
  const can = usePermission();
  return (
    <Card title="行政复议、行政诉讼" style={{ marginTop: 16 }}>
      {can('requests:case:handle') && detail.receivedOn ? <RemedyForm id={detail.id} /> : null}
      <List
        size="small"
        dataSource={detail.remedies}
        renderItem={(m) => (
          <List.Item>
            {REMEDY_KINDS[m.kind]}
            {m.kind === 'litigation'
              ? `（${AFTER_RECONSIDERATION[m.afterReconsideration ? 'yes' : 'no']}）`
              : ''}
            ，{m.filedOn}，结果：{REMEDY_RESULTS[m.result]}
          </List.Item>
        )}
      />
    </Card>
  );
}

// 新闻发布会/访谈 (三同步, issue 13 part 3): the register of press conferences and interviews, each linked to the
// policies it explains; one held on or before the day counts as one more interpretation form in the 终审 gate.
import { DatePicker, Form, Input, Radio, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { disclosureApi } from '../../../../contracts/disclosure';
import type { BriefingInput, BriefingView } from '../../../../contracts/interpretation-plan';
import { BRIEFING_KIND_LABELS, BRIEFING_KINDS } from '../../../../domain/disclosure/interpretation-gate';
import { CreateButton } from '../../../components/CreateButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { labelColumn } from '../../../components/StatusTag';
import { titleLink } from '../../../components/TitleLink';
import { useCall } from '../../../queries';
import { useBriefings, useCreateBriefing } from '../interpretation-queries';

type FormValues = Omit<BriefingInput, 'heldOn'> & { heldOn: Dayjs };

/** Policies to link, searched by title or 索引号 among the items the user sees. */
function PolicySelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  const items = useCall(disclosureApi.listItems, { query: { q: q || undefined, pageSize: 20 } });
  const options = (items.data?.items ?? [])
    .filter((i) => i.kind !== 'interpretation')
    .map((i) => ({ value: i.id, label: i.title }));
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={items.isFetching}
      options={options}
      placeholder="输入标题查找政策"
      notFoundContent={items.isFetching ? '查找中…' : '没有找到'}
      data-testid="briefing-policies"
    />
  );
}

export default function BriefingsPage() {
  const list = useBriefings();
  const [open, setOpen] = useState(false);
  const [form, saved] = useClosingForm<FormValues>(() => setOpen(false));
  const create = useCreateBriefing(saved);
  return (
    <PageContainer
      title="新闻发布会/访谈"
      testId="briefings-page"
      extra={
        <CreateButton
          permission="disclosure:item:create"
          onClick={() => setOpen(true)}
          testId="briefing-create"
        >
          登记发布会或访谈
        </CreateButton>
      }
    >
      <Typography.Paragraph type="secondary">
        政策出台时以新闻发布会、访谈等形式解读的，在此登记并关联所解读的政策；已举行的计为该政策的一种解读形式（三同步）。
      </Typography.Paragraph>
      <Table<BriefingView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="briefings-table"
        columns={[
          labelColumn('类型', 'kind', BRIEFING_KIND_LABELS, 110),
          {
            title: '名称',
            dataIndex: 'title',
            render: titleLink,
          },
          { title: '日期', dataIndex: 'heldOn', width: 120 },
          { title: '发布人/嘉宾', dataIndex: 'speakers', width: 180 },
          {
            title: '所解读的政策',
            dataIndex: 'policies',
            render: (ps: BriefingView['policies']) =>
              ps.map((p) => (
                <div key={p.id}>
                  <Link to={`/disclosure/items/${p.id}`}>{p.title}</Link>
                </div>
              )),
          },
        ]}
      />
      <DrawerForm<FormValues>
        title="登记新闻发布会或访谈"
        open={open}
        onClose={() => setOpen(false)}
        form={form}
        initialValues={{ kind: 'press_conference' }}
        onFinish={(v) => create.mutate({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), url: v.url || null })}
        mutation={create}
        testId="briefing-drawer"
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Radio.Group options={BRIEFING_KINDS.map((k) => ({ value: k, label: BRIEFING_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={required('请填写名称')}>
          <Input placeholder="如 稳就业政策措施新闻发布会" />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={required('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="speakers" label="发布人/嘉宾">
          <Input placeholder="如 区发展改革委主任" />
        </Form.Item>
        <Form.Item name="url" label="链接" rules={[{ type: 'url', message: '链接格式不正确' }]}>
          <Input placeholder="https://…" />
        </Form.Item>
        <Form.Item name="policyIds" label="所解读的政策" rules={required('请选择所解读的政策')}>
          <PolicySelect />
        </Form.Item>
      </DrawerForm>
    </PageContainer>
  );
}

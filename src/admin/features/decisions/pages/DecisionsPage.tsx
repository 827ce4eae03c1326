// 重大行政决策预公开: drafts with their comment period and 意见采纳情况 due date (SearchTable), the draft form
// (DrawerForm), a draft's comments, adoption report and final decision (DecisionDetail), and the 列席 / 政府开放日
// records (ParticipationsTab).
import { Button, Form, Input, InputNumber, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type DecisionInputBody, type DecisionRow, decisionsApi } from '../../../../contracts/decisions';
import { DECISION_STATUS_LABELS, type DecisionStatus } from '../../../../domain/disclosure/decisions';
import { useCurrentUser, usePermission } from '../../../auth';
import { DrawerForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { FITS_1366, SearchTable } from '../../../components/SearchTable';
import { actionsColumn, statusColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { DecisionDetail } from '../components/DecisionDetail';
import { ParticipationsTab } from '../components/ParticipationsTab';
import { useCloseDecision, useCreateDecision, useOpenDecision, useUpdateDecision } from '../queries';

const STATUS_COLORS: Record<DecisionStatus, string> = {
  draft: 'default',
  open: 'blue',
  closed: 'orange',
  adopted: 'green',
  decided: 'purple',
};

export default function DecisionsPage() {
  return (
    <PageContainer title="重大行政决策预公开" testId="decisions-page">
      <Typography.Paragraph type="secondary">
        决策草案及其背景、依据、说明公开征求意见（默认 30 日，期限最后一日为节假日的顺延）；征求意见结束后 1
        个月内公布意见采纳情况，不予采纳的说明理由。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'drafts', label: '决策草案', children: <DraftsTab /> },
          { key: 'participations', label: '列席与政府开放日', children: <ParticipationsTab /> },
        ]}
      />
    </PageContainer>
  );
}

function DraftsTab() {
  const can = usePermission();
  const me = useCurrentUser();
  const [editing, setEditing] = useState<DecisionRow | 'new' | null>(null);
  // A reminder in the bell links here with ?id= of the draft.
  const [params] = useSearchParams();
  const [detail, setDetail] = useState<string | null>(params.get('id'));
  const [form] = Form.useForm<DecisionInputBody>();
  const create = useCreateDecision(() => setEditing(null));
  const update = useUpdateDecision(() => setEditing(null));
  const open = useOpenDecision();
  const close = useCloseDecision();
  const [days, setDays] = useState<number | null>(null);
  const edit = can('disclosure:decision:edit');
  const publish = can('disclosure:decision:publish');
  const saving = create.isPending || update.isPending;

  return (
    <>
      <SearchTable<DecisionRow>
        endpoint={decisionsApi.list}
        testId="decisions-table"
        scrollX={FITS_1366}
        searchItems={
          <>
            <FilterInput name="q" label="关键词" width={200} />
            <FilterSelect name="status" label="状态" labels={DECISION_STATUS_LABELS} width={140} />
          </>
        }
        toolbar={
          edit ? (
            <Button
              type="primary"
              data-testid="decision-create"
              onClick={() => {
                form.resetFields();
                setEditing('new');
              }}
            >
              新建决策草案
            </Button>
          ) : null
        }
        columns={[
          {
            title: '草案名称',
            dataIndex: 'title',
            render: (t: string, r) => (
              <Button
                type="link"
                onClick={() => setDetail(r.id)}
                style={{ padding: 0, whiteSpace: 'normal' }}
              >
                {t}
              </Button>
            ),
          },
          { title: '起草单位', dataIndex: 'unitName', width: 140 },
          statusColumn(DECISION_STATUS_LABELS, STATUS_COLORS, 130),
          {
            title: '征求意见期限',
            key: 'period',
            width: 200,
            render: (_: unknown, r) => (r.openedOn ? `${r.openedOn} 至 ${r.periodEnd}` : '—'),
          },
          {
            title: '意见',
            key: 'comments',
            width: 110,
            render: (_: unknown, r) =>
              r.comments.pending ? (
                <Tag color="orange">{`${r.comments.total} 条（待审 ${r.comments.pending}）`}</Tag>
              ) : (
                `${r.comments.total} 条`
              ),
          },
          {
            title: '采纳情况应公布',
            dataIndex: 'adoptionDue',
            width: 150,
            render: (d: string | null, r) =>
              !d ? (
                '—'
              ) : r.adoptionAlert === 'overdue' ? (
                <Tag color="red">{`${d} 已逾期`}</Tag>
              ) : r.adoptionAlert === 'due_soon' ? (
                <Tag color="orange">{`${d} 临近`}</Tag>
              ) : (
                d
              ),
          },
          actionsColumn(200, (r) => (
            <Space size={4}>
              {edit && r.status === 'draft' ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    form.setFieldsValue(r);
                    setEditing(r);
                  }}
                >
                  编辑
                </Button>
              ) : null}
              {publish && r.status === 'draft' ? (
                <Popconfirm
                  title="发布征求意见"
                  description={
                    <InputNumber
                      min={7}
                      max={180}
                      addonAfter="日"
                      placeholder="默认期限"
                      aria-label="征求意见期限（日）"
                      onChange={(v) => setDays(typeof v === 'number' ? v : null)}
                    />
                  }
                  onConfirm={() => open.mutate({ id: r.id, commentDays: days })}
                >
                  <Button size="small" type="link" data-testid="decision-open">
                    发布征求意见
                  </Button>
                </Popconfirm>
              ) : null}
              {publish && r.status === 'open' ? (
                <Popconfirm title="提前结束征求意见？" onConfirm={() => close.mutate(r.id)}>
                  <Button size="small" type="link" danger>
                    结束征求意见
                  </Button>
                </Popconfirm>
              ) : null}
              <Button size="small" type="link" onClick={() => setDetail(r.id)} data-testid="decision-detail">
                意见与采纳
              </Button>
            </Space>
          )),
        ]}
      />
      <DrawerForm<DecisionInputBody>
        title={editing === 'new' ? '新建决策草案' : '编辑决策草案'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        initialValues={{ unitId: me.unitId }}
        mutation={{ isPending: saving, error: create.error ?? update.error }}
        testId="decision-drawer"
        width={720}
        onFinish={(v) =>
          editing === 'new' ? create.mutate(v) : editing && update.mutate({ id: editing.id, body: v })
        }
      >
        <Form.Item name="unitId" label="起草单位" rules={required('请选择起草单位')}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="title" label="草案名称" rules={required('请填写决策草案名称')}>
          <Input />
        </Form.Item>
        {(
          [
            ['background', '起草背景', 3],
            ['basis', '决策依据', 3],
            ['explanation', '起草说明', 4],
            ['draftText', '草案全文', 8],
          ] as const
        ).map(([name, label, rows]) => (
          <Form.Item
            key={name}
            name={name}
            label={label}
            rules={[{ required: true, message: `请填写${label}` }]}
          >
            <Input.TextArea rows={rows} />
          </Form.Item>
        ))}
        <Form.Item name="channels" label="其他提出意见的方式" extra="如信函地址、电子邮箱">
          <Input.TextArea rows={2} />
        </Form.Item>
      </DrawerForm>
      <DecisionDetail id={detail} onClose={() => setDetail(null)} />
    </>
  );
}

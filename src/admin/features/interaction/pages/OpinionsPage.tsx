// 舆情台账: events in the user's scope with their level, owner unit and response deadline (by level, overdue in
// red), the 登记舆情 drawer, and the response and evaluation drawers.

import { Button, Form, Input, Select, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import {
  OPINION_ACTION_LABELS,
  OPINION_LEVEL_LABELS,
  OPINION_STATUS_LABELS,
  type OpinionBody,
  type OpinionInfo,
} from '../../../../contracts/hotline';
import type { OpinionAction } from '../../../../domain/interaction/opinion';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { statusColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { TimeItem } from '../components/TimeItem';
import { hotlineApi, useCreateOpinion, useOpinionAction } from '../hotline-queries';
import {
  chinaNow,
  chinaTime,
  fromChinaTime,
  OPINION_LEVEL_COLORS,
  OPINION_STATUS_COLORS,
} from '../labels-hotline';

type OpinionForm = Omit<OpinionBody, 'foundAt'> & { foundAt: string };

function NewOpinion({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<OpinionForm>(onClose);
  const save = useCreateOpinion(saved);
  return (
    <DrawerForm<OpinionForm>
      title="登记舆情"
      open={open}
      onClose={onClose}
      form={form}
      testId="opinion-new-drawer"
      saveLabel="登记"
      mutation={save}
      initialValues={{ level: 'general', foundAt: chinaNow() }}
      onFinish={(v) => save.mutate({ ...v, foundAt: fromChinaTime(v.foundAt) })}
    >
      <Form.Item name="source" label="舆情来源" rules={required('请填写舆情来源')}>
        <Input placeholder="如：本地论坛、微博、媒体报道" />
      </Form.Item>
      <Form.Item name="summary" label="舆情概要" rules={required('请填写舆情概要')}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="level"
        label="等级（回应时限：重大 24 小时、较大 48 小时、一般 72 小时，可在系统设置中调整）"
        rules={[{ required: true }]}
      >
        <Select options={optionsOf(OPINION_LEVEL_LABELS)} />
      </Form.Item>
      <Form.Item name="unitId" label="回应责任单位" rules={required('请选择')}>
        <UnitTreeSelect />
      </Form.Item>
      <TimeItem name="foundAt" label="发现时间" />
    </DrawerForm>
  );
}

type ActForm = { response?: string; channel?: string; respondedAt?: string; evaluation?: string };

function ActDrawer({
  target,
  onClose,
}: {
  target: { o: OpinionInfo; action: OpinionAction } | null;
  onClose: () => void;
}) {
  const [form, saved] = useClosingForm<ActForm>(onClose);
  const act = useOpinionAction(saved);
  const action = target?.action;
  return (
    <DrawerForm<ActForm>
      title={target ? `${target.o.eventNo} ${OPINION_ACTION_LABELS[target.action]}` : ''}
      open={!!target}
      onClose={onClose}
      form={form}
      testId="opinion-act-drawer"
      mutation={act}
      initialValues={{ respondedAt: chinaNow() }}
      onFinish={(v) =>
        target &&
        act.mutate({
          id: target.o.id,
          body:
            target.action === 'respond'
              ? {
                  action: 'respond',
                  response: v.response ?? '',
                  channel: v.channel ?? '',
                  respondedAt: fromChinaTime(v.respondedAt ?? ''),
                }
              : { action: 'evaluate', evaluation: v.evaluation ?? '' },
        })
      }
    >
      {action === 'respond' ? (
        <>
          <Form.Item name="response" label="回应内容" rules={required('请填写回应内容')}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="channel" label="回应渠道" rules={required('请填写回应渠道')}>
            <Input placeholder="如：区政府网站、新闻发布会、政务微博" />
          </Form.Item>
          <TimeItem name="respondedAt" label="回应时间" />
        </>
      ) : (
        <Form.Item name="evaluation" label="回应效果评估" rules={required('请填写评估')}>
          <Input.TextArea rows={5} />
        </Form.Item>
      )}
    </DrawerForm>
  );
}

export default function OpinionsPage() {
  const can = usePermission();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<{ o: OpinionInfo; action: OpinionAction } | null>(null);
  const columns: TableProps<OpinionInfo>['columns'] = [
    { title: '编号', dataIndex: 'eventNo', width: 120 },
    statusColumn(OPINION_LEVEL_LABELS, OPINION_LEVEL_COLORS, 80, '等级', 'level'),
    { title: '来源', dataIndex: 'source', width: 120, ellipsis: true },
    { title: '概要', dataIndex: 'summary', ellipsis: true },
    { title: '责任单位', dataIndex: 'unitName', width: 140, ellipsis: true },
    { title: '发现时间', dataIndex: 'foundAt', width: 150, render: (v: string) => chinaTime(v) },
    {
      title: '回应时限',
      dataIndex: 'responseDue',
      width: 170,
      render: (v: string, r) => (r.overdue ? <Tag color="red">{chinaTime(v)}（已超时）</Tag> : chinaTime(v)),
    },
    {
      title: '回应',
      dataIndex: 'respondedAt',
      width: 170,
      render: (v: string | null, r) =>
        v ? `${chinaTime(v)}${r.onTime === false ? '（超时回应）' : ''}` : '—',
    },
    statusColumn(OPINION_STATUS_LABELS, OPINION_STATUS_COLORS, 100),
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_: unknown, r) =>
        can('interaction:opinion:edit')
          ? r.allowedActions.map((a) => (
              <Button key={a} size="small" onClick={() => setTarget({ o: r, action: a })}>
                {OPINION_ACTION_LABELS[a]}
              </Button>
            ))
          : null,
    },
  ];
  return (
    <PageContainer
      title="舆情台账"
      testId="opinions-page"
      extra={
        <CreateButton
          permission="interaction:opinion:edit"
          onClick={() => setOpen(true)}
          testId="opinion-new"
        >
          登记舆情
        </CreateButton>
      }
    >
      <SearchTable<OpinionInfo>
        endpoint={hotlineApi.listOpinions}
        columns={columns}
        scrollX={1400}
        testId="opinion-table"
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" placeholder="编号、来源或概要" width={180} />
            <FilterSelect name="level" label="等级" labels={OPINION_LEVEL_LABELS} width={100} />
            <FilterSelect name="status" label="状态" labels={OPINION_STATUS_LABELS} width={120} />
            <FilterSelect name="overdue" label="超时" labels={{ true: '已超时' }} width={100} />
          </>
        }
      />
      <NewOpinion open={open} onClose={() => setOpen(false)} />
      <ActDrawer target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}

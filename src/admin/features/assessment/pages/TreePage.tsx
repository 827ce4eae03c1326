// 考核指标体系: the year's indicator tree of a unit kind — the office edits names, weights (summing to 100) and
// criteria while it is a draft, then starts scoring, which freezes it.
import { Alert, App, Button, Card, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { NO_RECORDS_POLICIES, NO_RECORDS_POLICY_LABELS } from '../../../../domain/assessment/scoring';
import {
  type Indicator,
  METHOD_LABELS,
  PLAN_STATUS_LABELS,
  SOURCE_LABELS,
  treeLocked,
  treeProblems,
} from '../../../../domain/assessment/tree';
import { usePermission } from '../../../auth';
import { PlanPage, usePlanKey } from '../components/PlanPicker';
import { useAssessmentSettings, useFreeze, usePlan, usePutAssessmentSettings, useSaveTree } from '../queries';

/** 无记录指标的计分方式 (the setting; the default and why: domain/assessment/scoring.ts). */
function NoRecordsCard({ editable }: { editable: boolean }) {
  const { data } = useAssessmentSettings();
  const { message } = App.useApp();
  const put = usePutAssessmentSettings(() => void message.success('计分设置已保存'));
  return (
    <Card size="small" title="本年度无相关记录的系统计算指标" data-testid="assess-no-records">
      <Radio.Group
        value={data?.noRecords}
        disabled={!editable || put.isPending}
        onChange={(e) => put.mutate({ noRecords: e.target.value })}
      >
        <Space direction="vertical">
          {NO_RECORDS_POLICIES.map((p) => (
            <Radio key={p} value={p} data-testid={`no-records-${p}`}>
              {NO_RECORDS_POLICY_LABELS[p]}
              {p === 'spread'
                ? '（默认，参照国办秘函〔2019〕19号：不适用指标不计分，其余得分按比例折算）'
                : ''}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Card>
  );
}

export default function TreePage() {
  const [key, setKey] = usePlanKey();
  const { data: plan } = usePlan(key);
  const [tree, setTree] = useState<Indicator[]>([]);
  useEffect(() => setTree(plan?.indicators ?? []), [plan]);
  const { message } = App.useApp();
  const save = useSaveTree(() => void message.success('指标体系已保存'));
  const freeze = useFreeze(() => void message.success('已开始评分，指标体系已冻结'));
  const can = usePermission();
  const locked = plan ? treeLocked(plan.status) : null;
  const editable = !locked && can('assessment:plan:update');
  const problems = treeProblems(tree);
  const set = (i: number, patch: Partial<Indicator>) =>
    setTree((t) => t.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <PlanPage
      title="考核指标体系"
      testId="assess-tree-page"
      plan={key}
      onPlan={setKey}
      actions={
        editable ? (
          <>
            <Button
              type="primary"
              disabled={problems.length > 0}
              loading={save.isPending}
              onClick={() => save.mutate({ ...key, indicators: tree })}
              data-testid="assess-save-tree"
            >
              保存
            </Button>
            <Popconfirm
              title="开始评分后指标体系冻结，不能再修改。确定开始？"
              onConfirm={() => freeze.mutate(key)}
            >
              <Button data-testid="assess-freeze">开始评分（冻结）</Button>
            </Popconfirm>
          </>
        ) : null
      }
    >
      {plan ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            状态：<Tag>{PLAN_STATUS_LABELS[plan.status]}</Tag>
            {plan.stored ? '' : '尚未保存：显示默认指标体系'}
          </span>
          {locked ? <Alert type="info" showIcon message={locked} /> : null}
          <NoRecordsCard editable={can('assessment:plan:update')} />
          {editable && problems.length ? (
            <Alert type="warning" showIcon message={problems.join('；')} />
          ) : null}
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={tree}
            columns={[
              { title: '编号', dataIndex: 'code', width: 64 },
              { title: '一级指标', dataIndex: 'category', width: 120 },
              {
                title: '二级指标',
                render: (_, r, i) =>
                  editable ? (
                    <Input
                      aria-label={`${r.code}名称`}
                      value={r.name}
                      onChange={(e) => set(i, { name: e.target.value })}
                    />
                  ) : (
                    r.name
                  ),
              },
              {
                title: '分值',
                width: 110,
                render: (_, r, i) =>
                  editable ? (
                    <InputNumber
                      aria-label={`${r.code}分值`}
                      min={0.01}
                      max={100}
                      step={1}
                      value={r.weight}
                      onChange={(v) => set(i, { weight: v ?? 0 })}
                    />
                  ) : (
                    r.weight
                  ),
              },
              {
                title: '计分方式',
                width: 200,
                render: (_, r) => (r.source ? SOURCE_LABELS[r.source] : METHOD_LABELS[r.method]),
              },
              {
                title: '评分标准',
                render: (_, r, i) =>
                  editable ? (
                    <Input.TextArea
                      aria-label={`${r.code}评分标准`}
                      autoSize
                      value={r.criteria}
                      onChange={(e) => set(i, { criteria: e.target.value })}
                    />
                  ) : (
                    r.criteria
                  ),
              },
            ]}
          />
          <span>合计：{tree.reduce((s, i) => s + Math.round(i.weight * 100), 0) / 100}分</span>
        </Space>
      ) : (
        '加载中…'
      )}
    </PlanPage>
  );
}

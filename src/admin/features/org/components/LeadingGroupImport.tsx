import { Alert, Button, Flex, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import {
  type LeadingGroup,
  type LeadingGroupPreview,
  orgApi,
  type UnitMatch,
} from '../../../../contracts/org';
import { uploadTo } from '../../../api';
import { StatusTag } from '../../../components/StatusTag';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { MatchedUnit, suggestionOption, UnitTreeSelect } from '../../../components/units';
import { WizardFacts } from '../../../components/WizardFacts';
import { useCallMutation } from '../../../queries';
import {
  commitBody,
  initialResolutions,
  MATCH_STATUS_COLORS,
  MATCH_STATUS_LABELS,
  type Resolution,
  unresolvedCount,
} from '../leadingGroupResolve';

const CREATE = '__create__';

/** 导入通知: upload the notice → check the parsed content and resolve every member unit → commit. */
export function LeadingGroupImport({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<WizardStep>(0);
  const [preview, setPreview] = useState<LeadingGroupPreview | null>(null);
  const [res, setRes] = useState<Resolution[]>([]);
  const [committed, setCommitted] = useState<LeadingGroup | null>(null);
  const commit = useCallMutation(orgApi.commitLeadingGroup, {
    toArgs: (p: LeadingGroupPreview) => ({ body: commitBody(p.notice, p.matches, res) }),
    onSuccess: (g) => {
      setCommitted(g);
      setStep(2);
      onDone();
    },
  });

  const setOne = (i: number, r: Resolution) => setRes((prev) => prev.map((x, j) => (j === i ? r : x)));
  const left = unresolvedCount(res);
  const duties = useMemo(
    () => new Map((preview?.notice.duties ?? []).map((d) => [d.unit, d.text])),
    [preview],
  );

  const resolver = (m: UnitMatch, i: number) => {
    const r = res[i] ?? null;
    const confident = m.unitId && m.status !== 'suggestion' && m.status !== 'unknown';
    if (confident) {
      return <MatchedUnit name={m.unitName} />;
    }
    if (m.suggestions.length > 0) {
      const value = r === null ? undefined : 'create' in r ? CREATE : r.unitId;
      return (
        <Select
          style={{ width: '100%' }}
          placeholder="请选择对应单位"
          aria-label={`为“${m.written}”选择单位`}
          data-testid={`resolve-${i}`}
          value={value}
          status={r === null ? 'warning' : undefined}
          onChange={(v: string) => setOne(i, v === CREATE ? { create: true } : { unitId: v })}
          options={[
            ...m.suggestions.map(suggestionOption),
            { value: CREATE, label: `新建单位“${m.written}”` },
          ]}
        />
      );
    }
    const creating = r !== null && 'create' in r;
    return (
      <Flex gap={8} align="center">
        <UnitTreeSelect
          style={{ flex: 1, minWidth: 180 }}
          placeholder="选择已有单位"
          aria-label={`为“${m.written}”选择已有单位`}
          data-testid={`resolve-${i}`}
          disabled={creating}
          status={r === null ? 'warning' : undefined}
          value={r !== null && 'unitId' in r ? r.unitId : undefined}
          onChange={(v: string | undefined) => setOne(i, v ? { unitId: v } : null)}
        />
        <Button
          size="small"
          type={creating ? 'primary' : 'default'}
          onClick={() => setOne(i, creating ? null : { create: true })}
          data-testid={`create-${i}`}
        >
          {creating ? '已选新建' : '新建单位'}
        </Button>
      </Flex>
    );
  };

  return (
    <div data-testid="lg-import">
      <UploadWizard<LeadingGroupPreview>
        titles={['上传通知', '核对成员单位', '完成']}
        step={step}
        testPrefix="lg"
        accept=".txt,.docx,.doc,.wps"
        text="点击或拖拽领导小组通知文件到此处"
        hint="支持 .txt、.docx、.doc、.wps；系统将识别组长、副组长和成员单位"
        upload={(file, onProgress) => uploadTo(orgApi.previewLeadingGroup, file, undefined, onProgress)}
        onParsed={(p) => {
          setPreview(p);
          setRes(initialResolutions(p.matches));
          setStep(1);
        }}
        done={
          committed && {
            title: `已导入 ${committed.members.length} 个成员单位`,
            subTitle: `${committed.title}${committed.docNumber ? `（${committed.docNumber}）` : ''}`,
            testId: 'lg-success',
          }
        }
      >
        {step === 1 && preview ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="lg-preview">
            <WizardFacts
              items={[
                { key: '标题', label: '标题', span: 2, children: <>{preview.notice.title}</> },
                { key: '文号', label: '文号', children: <>{preview.notice.docNumber || '—'}</> },
                { key: '日期', label: '日期', children: <>{preview.notice.date || '—'}</> },
                {
                  key: '组长',
                  label: '组长',
                  children: (
                    <>
                      {preview.notice.leader
                        ? `${preview.notice.leader.name}${preview.notice.leader.title ? `（${preview.notice.leader.title}）` : ''}`
                        : '—（未读出组长，不能提交）'}
                    </>
                  ),
                },
                {
                  key: '副组长',
                  label: '副组长',
                  children: (
                    <>
                      {preview.notice.deputyLeaders
                        .map((d) => `${d.name}${d.title ? `（${d.title}）` : ''}`)
                        .join('；') || '—'}
                    </>
                  ),
                },
                { key: '办公室', label: '办公室', children: <>{preview.notice.officeUnit || '—'}</> },
                {
                  key: '办公室主任',
                  label: '办公室主任',
                  children: <>{preview.notice.officeDirector || '—'}</>,
                },
              ]}
            />
            {preview.notice.warnings.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title="解析提示"
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {preview.notice.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <Table<UnitMatch>
              size="small"
              rowKey={(m) => `${preview.matches.indexOf(m)}-${m.written}`}
              dataSource={preview.matches}
              pagination={false}
              data-testid="lg-matches"
              title={() => `成员单位 ${preview.matches.length} 个`}
              columns={[
                { title: '#', key: 'i', width: 48, render: (_, _m, i) => i + 1 },
                { title: '通知中写法', dataIndex: 'written', width: 200 },
                {
                  title: '匹配',
                  dataIndex: 'status',
                  width: 110,
                  render: (_, m) => (
                    <StatusTag value={m.status} labels={MATCH_STATUS_LABELS} colors={MATCH_STATUS_COLORS} />
                  ),
                },
                { title: '对应单位', key: 'resolve', render: (_, m, i) => resolver(m, i) },
                {
                  title: '职责',
                  key: 'duty',
                  width: 220,
                  ellipsis: true,
                  render: (_, m) => duties.get(m.written) ?? '—',
                },
              ]}
            />
            <WizardFooter
              testPrefix="lg"
              unresolved={left > 0 ? `尚有 ${left} 个单位未确认` : null}
              resolvedText="全部成员单位已确认"
              extra={
                preview.matches.some((m, i) => m.status === 'unknown' && res[i] === null) ? (
                  <Button
                    data-testid="lg-create-all"
                    onClick={() =>
                      // An empty registry (a new district) has no units yet: create every unknown one at once.
                      setRes((prev) =>
                        prev.map((r, i) =>
                          r === null && preview.matches[i]?.status === 'unknown' ? { create: true } : r,
                        ),
                      )
                    }
                  >
                    未匹配的全部新建
                  </Button>
                ) : null
              }
              onRestart={() => {
                setStep(0);
                setPreview(null);
              }}
              onSubmit={() => commit.mutate(preview)}
              submitting={commit.isPending}
              disabled={left > 0}
              submitLabel="提交"
            />
          </Space>
        ) : null}
      </UploadWizard>
    </div>
  );
}

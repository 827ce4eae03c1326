// 保存期限与清理 (SECURITY.md 18 and 38): the retention settings and what the last daily purge removed.
import { Alert, App, Card, Descriptions, Form, Skeleton, Typography } from 'antd';
import type { RetentionRun, RetentionSettings } from '../../../../contracts/system';
import { RETENTION_FIELDS } from '../../../../domain/security/retention';
import { SubmitButton } from '../../../components/SubmitButton';
import { useRetention, useSaveRetention } from '../queries';
import { WholeNumberItem } from './WholeNumberItem';

const HELP: Record<keyof RetentionSettings, string> = {
  logDays: '超过该天数的审计日志与登录日志在每日清理时删除；不少于 180 天（等保三级）。删除后审计链仍可校验',
  requestYears: '依申请公开办结满该年限后，清除申请人姓名、证件号码、电话、地址等个人信息；案件与统计保留',
  letterYears: '信箱来信答复满该年限后，清除来信人姓名、电话、证件号码；来信与答复保留',
  consultationYears: '政策咨询答复满该年限后，清除咨询人姓名与联系方式',
  callYears: '来电（已答复或已转咨询）满该年限后，清除来电人姓名与电话',
  expiredSessionDays: '登录会话与一次性令牌过期满该天数后删除',
};

const RUN_ITEMS: { key: keyof RetentionRun; label: string }[] = [
  { key: 'auditRows', label: '审计日志（条）' },
  { key: 'loginRows', label: '登录日志（条）' },
  { key: 'requestCases', label: '依申请公开（件）' },
  { key: 'letters', label: '信箱来信（件）' },
  { key: 'consultations', label: '政策咨询（件）' },
  { key: 'calls', label: '来电（件）' },
  { key: 'sessions', label: '过期会话（个）' },
  { key: 'tokens', label: '过期令牌（个）' },
];

function LastRun({ run }: { run: RetentionRun | null }) {
  if (!run) return <Typography.Text type="secondary">尚未执行过清理（每日自动执行一次）</Typography.Text>;
  return (
    <>
      {run.logsSkipped ? (
        <Alert type="warning" showIcon title={run.logsSkipped} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        size="small"
        column={2}
        bordered
        title={`上次清理：${new Date(run.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`}
        data-testid="retention-last-run"
        items={RUN_ITEMS.map((i) => ({ key: i.key, label: i.label, children: String(run[i.key]) }))}
      />
    </>
  );
}

export function RetentionCard({ readOnly }: { readOnly: boolean }) {
  const { message } = App.useApp();
  const view = useRetention();
  const save = useSaveRetention(() => void message.success('保存期限已保存'));
  return (
    <Card title="保存期限与清理" style={{ maxWidth: 640, marginTop: 16 }} data-testid="retention-card">
      {view.data ? (
        <>
          <Form<RetentionSettings>
            layout="horizontal"
            labelCol={{ span: 10 }}
            wrapperCol={{ span: 14 }}
            initialValues={view.data.settings}
            disabled={readOnly}
            onFinish={(v) => save.mutate(v)}
          >
            {(Object.keys(RETENTION_FIELDS) as (keyof RetentionSettings)[]).map((name) => {
              const f = RETENTION_FIELDS[name];
              return (
                <WholeNumberItem
                  key={name}
                  name={name}
                  label={f.label}
                  help={HELP[name]}
                  unit={f.unit}
                  min={f.min}
                  max={f.max}
                  testId={`retention-${name}`}
                />
              );
            })}
            {readOnly ? null : (
              <Form.Item wrapperCol={{ offset: 10 }}>
                <SubmitButton saving={save} data-testid="retention-save">
                  保存
                </SubmitButton>
              </Form.Item>
            )}
          </Form>
          <LastRun run={view.data.lastRun} />
        </>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}

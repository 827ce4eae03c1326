// One website's checks: the latest result (verdict, vetoes, findings) and its 整改 items; 立即检查 for the office.
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Rectification, SiteCheck, WebsiteRow } from '../../../../contracts/media';
import { usePermission } from '../../../auth';
import { availabilityText, FINDING_LABELS, vetoLabel } from '../labels';
import { useAvailability, useChecks, useRectifications, useRunCheck } from '../queries';
import { VerdictTag } from './registerParts';

type Finding = SiteCheck['findings'][number];
const kindLabel = (k: string) => FINDING_LABELS[k as keyof typeof FINDING_LABELS] ?? k;

export function CheckDrawer({ site, onClose }: { site: WebsiteRow; onClose: () => void }) {
  const can = usePermission();
  const { message } = App.useApp();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const checks = useChecks(site.id);
  const rect = useRectifications(site.id);
  const avail = useAvailability(site.id);
  const run = useRunCheck(site.id, () => void message.success('检查完成'));
  const latest = checks.data?.[0];
  return (
    <Drawer open width={880} title={`网站检查：${site.name}`} onClose={onClose} data-testid="check-drawer">
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {can('media:check:run') ? (
          <Space>
            <DatePicker
              aria-label="检查基准日期"
              placeholder="基准日期（默认今天）"
              value={asOf}
              onChange={setAsOf}
            />
            <Button
              type="primary"
              loading={run.isPending}
              data-testid="run-check"
              onClick={() => run.mutate(asOf ? asOf.format('YYYY-MM-DD') : undefined)}
            >
              立即检查
            </Button>
          </Space>
        ) : null}
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label={`近${avail.data?.days ?? 7}天可用性`}>
            <span data-testid="availability-7d">{availabilityText(avail.data)}</span>
          </Descriptions.Item>
        </Descriptions>
        {latest ? (
          <>
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label="结论">
                <VerdictTag verdict={latest.verdict} testId="check-verdict" />
              </Descriptions.Item>
              <Descriptions.Item label="基准日期">{latest.asOf}</Descriptions.Item>
              <Descriptions.Item label="读取页面">{latest.pages}</Descriptions.Item>
              <Descriptions.Item label="发现问题">{latest.findings.length}</Descriptions.Item>
              <Descriptions.Item label="可用性" span={2}>
                <span data-testid="check-availability">{availabilityText(latest.availability)}</span>
              </Descriptions.Item>
            </Descriptions>
            {latest.vetoes.map((v) => (
              <Alert
                key={v.rule}
                type="error"
                showIcon
                title={`单项否决：${vetoLabel(v.rule)}`}
                description={v.detail}
              />
            ))}
            {latest.notes.map((n) => (
              <Alert key={n} type="info" title={n} />
            ))}
            <Table<Finding>
              size="small"
              rowKey={(f) => `${f.kind}|${f.page}|${f.target ?? ''}|${f.text ?? ''}`}
              dataSource={latest.findings}
              pagination={{ pageSize: 20 }}
              data-testid="findings-table"
              columns={[
                { title: '问题', dataIndex: 'kind', width: 130, render: kindLabel },
                { title: '说明', dataIndex: 'detail' },
                {
                  title: '页面',
                  dataIndex: 'page',
                  width: 260,
                  render: (p: string, f) => (
                    <Typography.Text style={{ wordBreak: 'break-all' }}>
                      {p}
                      {f.target ? ` → ${f.target}` : ''}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary">尚未检查</Typography.Text>
        )}
        <Typography.Title level={5}>整改事项</Typography.Title>
        <Table<Rectification>
          size="small"
          rowKey="id"
          loading={rect.isPending}
          dataSource={rect.data ?? []}
          data-testid="rectifications-table"
          columns={[
            { title: '问题', key: 'kind', width: 130, render: (_, r) => kindLabel(r.finding.kind) },
            { title: '说明', key: 'detail', render: (_, r) => r.finding.detail },
            { title: '整改时限', dataIndex: 'dueDate', width: 110 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: Rectification['status']) =>
                s === 'open' ? <Tag color="orange">整改中</Tag> : <Tag color="green">已整改</Tag>,
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}

// The checks panel of an item: the publication gate, each finding with its mask and (for a reviewer) a reasoned
// override, and one-click mask of all of them.
import { Alert, App, Button, Card, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import type { ItemDetail } from '../../../../contracts/disclosure';
import { PRE_PUBLICATION_STATUSES } from '../../../../domain/disclosure/workflow';
import { ALWAYS_BLOCKING_KINDS, type Finding } from '../../../../domain/review/types';
import { usePermission } from '../../../auth';
import { useMask, useOverride } from '../queries';
import { FINDING_KIND_LABELS, keyOf, REVIEW_ACTION_DONE } from '../shared';

export function ChecksPanel({ d, canEdit, meId }: { d: ItemDetail; canEdit: boolean; meId: string }) {
  const can = usePermission();
  const { message, modal } = App.useApp();
  const mask = useMask(d.id, (n) => void message.success(`已脱敏 ${n} 处`));
  const overrideFinding = useOverride(d.id, () => void message.success(REVIEW_ACTION_DONE.override));
  const findings = d.findings;
  // Masks and overrides are refused (409) once 终审 has passed: the buttons are not offered then.
  const open = PRE_PUBLICATION_STATUSES.includes(d.status);
  const override = (f: Finding) => {
    // The reason and the 个人信息保护影响评估 (PIPL Art. 55/56) the server keeps with the override; all required.
    const v = { reason: '', purpose: '', impact: '', measures: '' };
    const field = (k: keyof typeof v, label: string, placeholder: string) => (
      <div key={k}>
        <Typography.Text strong>{label}</Typography.Text>
        <Input.TextArea
          data-testid={`override-${k}`}
          rows={2}
          placeholder={placeholder}
          onChange={(e) => (v[k] = e.target.value)}
        />
      </div>
    );
    modal.confirm({
      title: `放行：${FINDING_KIND_LABELS[f.kind]}「${f.text}」`,
      width: 560,
      content: (
        <Flex vertical gap={8}>
          {field('reason', '放行理由', '请说明放行理由（将记入审核记录）')}
          <Typography.Text type="secondary">个人信息保护影响评估（均为必填）</Typography.Text>
          {field('purpose', '处理目的及依据', '公开该信息的目的和法律、法规依据')}
          {field('impact', '对个人权益的影响及风险', '公开对相关个人权益的影响和可能的安全风险')}
          {field('measures', '采取的保护措施', '已采取的保护措施，如最小范围公开、期满撤下等')}
        </Flex>
      ),
      okText: '放行',
      onOk: () => overrideFinding.mutateAsync({ key: keyOf(f), ...v }),
    });
  };
  return (
    <Card
      title="自动检查"
      size="small"
      data-testid="checks-panel"
      extra={
        canEdit &&
        findings.some((f) => f.masked !== f.text) &&
        open && (
          <Button
            size="small"
            danger
            data-testid="mask-all"
            loading={mask.isPending}
            onClick={() => mask.mutate(undefined)}
          >
            一键脱敏
          </Button>
        )
      }
    >
      {d.gate.allowed ? (
        <Alert type="success" showIcon message="没有未处理的阻断性问题" data-testid="gate-ok" />
      ) : (
        <Alert
          type="error"
          showIcon
          message={`${d.gate.unresolved.length} 个阻断性问题：脱敏或由审核人说明理由放行后才能发布`}
          data-testid="gate-blocked"
        />
      )}
      {findings.length === 0 ? (
        <Empty description="未发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={findings}
          renderItem={(f) => {
            const ov = d.overrides.find((o) => o.key === keyOf(f));
            return (
              <List.Item data-testid="finding" data-kind={f.kind}>
                <Flex vertical style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color={f.blocking ? (ov ? 'orange' : 'red') : 'gold'}>
                      {FINDING_KIND_LABELS[f.kind]}
                    </Tag>
                    <Typography.Text code>{f.text || '—'}</Typography.Text>
                    {f.masked !== f.text && <span>→ {f.masked}</span>}
                  </Space>
                  <Typography.Text type="secondary">
                    {f.source ?? ''}：{f.message}
                    {f.suggestion ? `（建议：${f.suggestion}）` : ''}
                  </Typography.Text>
                  {ov && <Typography.Text type="warning">已放行：{ov.reason}</Typography.Text>}
                  <Space>
                    {canEdit && f.masked !== f.text && open && (
                      <Button size="small" onClick={() => mask.mutate([keyOf(f)])}>
                        脱敏
                      </Button>
                    )}
                    {f.blocking &&
                      open &&
                      !ov &&
                      !ALWAYS_BLOCKING_KINDS.includes(f.kind) &&
                      can('disclosure:review:override') &&
                      d.createdBy !== meId && (
                        <Button size="small" onClick={() => override(f)}>
                          说明理由后放行
                        </Button>
                      )}
                  </Space>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

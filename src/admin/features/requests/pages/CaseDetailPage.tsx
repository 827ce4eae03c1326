// A case: what was applied for, what may be done next (with the clock's trace), the extension request, letters,
// remedies and the timeline.
import { Alert, Button, Card, Col, Row, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { chinaTime } from '../../../time';
import { ACTION_LABELS, type Action, ActionModal } from '../components/ActionModal';
import { CaseInfoCard } from '../components/CaseInfoCard';
import { ExtensionCard } from '../components/ExtensionCard';
import { LettersCard } from '../components/LettersCard';
import { ProactiveCard } from '../components/ProactiveCard';
import { RemediesCard } from '../components/RemediesCard';
import { useCase } from '../queries';

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const can = usePermission();
  const [action, setAction] = useState<Action | null>(null);
  const q = useCase(id);
  const d = q.data;
  if (!d)
    return (
      <PageContainer title="申请详情" testId="case-detail-page">
        {q.isError ? '无法加载' : '加载中…'}
      </PageContainer>
    );
  return (
    <PageContainer title={`申请 ${d.caseNo}`} testId="case-detail-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <CaseInfoCard detail={d} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title="可办理事项">
            {d.hints.map((h) => (
              <Alert key={h} type="info" showIcon title={h} style={{ marginBottom: 8 }} />
            ))}
            {can('requests:case:handle') && d.allowedActions.length > 0 ? (
              <Space wrap data-testid="case-actions">
                {d.allowedActions.map((a) => (
                  <Button
                    key={a}
                    onClick={() => setAction(a)}
                    data-testid={`action-${a}`}
                    type={a === 'reply' ? 'primary' : 'default'}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">无可办理事项</Typography.Text>
            )}
          </Card>
          <ExtensionCard detail={d} />
          <ProactiveCard detail={d} />
          <Card title="期限计算过程" style={{ marginTop: 16 }}>
            <ol data-testid="case-trace" style={{ paddingLeft: 20, margin: 0 }}>
              {d.trace.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ol>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <LettersCard detail={d} />
          <RemediesCard detail={d} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程">
            <Timeline
              data-testid="case-timeline"
              items={d.timeline.map((t) => ({
                content: (
                  <>
                    <Typography.Text>{t.text}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {t.by} · {chinaTime(t.at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionModal id={d.id} action={action} onClose={() => setAction(null)} />
    </PageContainer>
  );
}

import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { canSee, visibleModules } from '../../../menu';
import { ADMIN_MODULES, HOME_CARDS } from '../../../modules';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../roles';
import { TodoCard } from '../../todo/components/TodoCard';

export default function HomePage() {
  const user = useCurrentUser();
  const links = visibleModules(ADMIN_MODULES, user.permissions).flatMap((m) =>
    m.pages.filter((p) => p.quickLink),
  );
  const cards = HOME_CARDS.filter((c) => canSee({ path: '', label: '', anyOf: c.anyOf }, user.permissions));

  return (
    <PageContainer title="首页" testId="home-page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            您好，{user.name}
          </Typography.Title>
          <Descriptions
            column={{ xs: 1, md: 3 }}
            data-testid="home-profile"
            items={[
              { key: '所属单位', label: '所属单位', children: <>{user.unitName}</> },
              {
                key: '角色',
                label: '角色',
                children: (
                  <>
                    {user.roles.map((r) => (
                      <Tag key={r} color="blue">
                        {ROLE_LABELS[r] ?? r}
                      </Tag>
                    ))}
                  </>
                ),
              },
              { key: '数据范围', label: '数据范围', children: <>{DATA_SCOPE_LABELS[user.dataScope]}</> },
            ]}
          />
        </Card>
        <TodoCard />
        {cards.length > 0 ? (
          <Row gutter={[16, 16]}>
            {cards.map((c) => (
              <Col key={c.key} xs={24} lg={12}>
                <Suspense fallback={<Card loading />}>
                  <c.component />
                </Suspense>
              </Col>
            ))}
          </Row>
        ) : null}
        <Card title="快捷入口">
          <Row gutter={[16, 16]} data-testid="quick-links">
            {links.map((p) => (
              <Col key={p.path} xs={24} sm={12} lg={8} xl={6}>
                <Link to={p.path}>
                  <Card hoverable size="small">
                    <Typography.Text strong>{p.label}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{p.description}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
            {links.length === 0 ? (
              <Col span={24}>
                <Typography.Text type="secondary">暂无可用功能，请联系管理员分配角色。</Typography.Text>
              </Col>
            ) : null}
          </Row>
        </Card>
      </Space>
    </PageContainer>
  );
}

import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { LeadingGroupMember } from '../../../../contracts/org';
import { usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { LeadingGroupImport } from '../components/LeadingGroupImport';
import { useLeadingGroup, useRefreshOrg } from '../queries';

const person = (p: { name: string; title: string }) => `${p.name}${p.title ? `（${p.title}）` : ''}`;

export default function LeadingGroupPage() {
  const can = usePermission();
  const refresh = useRefreshOrg();
  const group = useLeadingGroup();
  const [importing, setImporting] = useState(false);
  const [importKey, setImportKey] = useState(0);
  const g = group.data;

  return (
    <PageContainer
      title="领导小组"
      testId="leading-group-page"
      extra={
        can('org:group:import') ? (
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => {
              setImportKey((k) => k + 1);
              setImporting(true);
            }}
            data-testid="lg-import-open"
          >
            导入通知
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card loading={group.isPending}>
          {g ? (
            <Descriptions
              title={g.title}
              column={{ xs: 1, md: 2 }}
              data-testid="lg-current"
              items={[
                { key: '文号', label: '文号', children: <>{g.docNumber || '—'}</> },
                { key: '日期', label: '日期', children: <>{g.date || '—'}</> },
                { key: '组长', label: '组长', children: <>{person(g.leader)}</> },
                {
                  key: '副组长',
                  label: '副组长',
                  children: <>{g.deputyLeaders.map(person).join('；') || '—'}</>,
                },
                { key: '办公室', label: '办公室', children: <>{g.officeUnitName ?? '—'}</> },
                { key: '办公室主任', label: '办公室主任', children: <>{g.officeDirector || '—'}</> },
              ]}
            />
          ) : (
            <Empty description="尚未导入领导小组通知" />
          )}
        </Card>
        {g ? (
          <Card title={`成员单位（${g.members.length}）`}>
            <Table<LeadingGroupMember>
              rowKey="unitId"
              size="middle"
              dataSource={g.members}
              pagination={false}
              data-testid="lg-members"
              columns={[
                { title: '#', key: 'i', width: 56, render: (_, _m, i) => i + 1 },
                { title: '成员单位', dataIndex: 'unitName', width: 220 },
                {
                  title: '通知中写法',
                  dataIndex: 'writtenAs',
                  width: 200,
                  render: (w: string, m) => (w === m.unitName ? '—' : w),
                },
                { title: '职责', dataIndex: 'duty', render: (d: string | null) => d ?? '—' },
                {
                  title: '联络员',
                  dataIndex: 'liaisons',
                  width: 200,
                  render: (l: LeadingGroupMember['liaisons']) =>
                    l.length ? (
                      l.map((x) => <Tag key={x.userId}>{x.name}</Tag>)
                    ) : (
                      <Tag color="orange">未设置</Tag>
                    ),
                },
              ]}
            />
          </Card>
        ) : null}
      </Space>
      <Drawer
        title="导入领导小组通知"
        open={importing}
        onClose={() => setImporting(false)}
        size={1000}
        destroyOnHidden
        data-testid="lg-import-drawer"
      >
        <LeadingGroupImport key={importKey} onDone={refresh} />
      </Drawer>
    </PageContainer>
  );
}

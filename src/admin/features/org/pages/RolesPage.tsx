import { Alert, App, Button, Card, Checkbox, Divider, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Role } from '../../../../contracts/org';
import type { PermissionCode } from '../../../../contracts/permissions';
import { SEPARATED_ROLES } from '../../../../contracts/roles';
import { rolePermissionRefusal } from '../../../../domain/org/separation';
import { useMe, usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { labelColumn } from '../../../components/StatusTag';
import { DATA_SCOPE_LABELS, groupPermissions } from '../../../roles';
import { usePermissionCatalog, useRoles, useSaveRole } from '../queries';

export default function RolesPage() {
  const can = usePermission();
  const { message } = App.useApp();
  const roles = useRoles();
  const perms = usePermissionCatalog();
  const [editing, setEditing] = useState<Role | null>(null);
  const [checked, setChecked] = useState<PermissionCode[]>([]);
  const groups = useMemo(() => groupPermissions(perms.data ?? []), [perms.data]);
  const labels = useMemo(() => new Map((perms.data ?? []).map((p) => [p.code, p.label])), [perms.data]);
  const me = useMe().data;
  // The same rule as the server (三权分立): only the security admin edits, never a 三员 role nor its own.
  const readOnlyFor = (r: Role | null) =>
    !r || !me || !can('org:role:update') || rolePermissionRefusal(me.roles, r.code, []) !== null;
  const readOnly = readOnlyFor(editing);

  const save = useSaveRole(() => {
    void message.success('权限已保存');
    setEditing(null);
  });

  const open = (r: Role) => {
    setEditing(r);
    setChecked(r.permissions);
  };

  return (
    <PageContainer title="角色权限" testId="roles-page">
      <Card>
        <Table<Role>
          rowKey="code"
          loading={roles.isPending}
          dataSource={roles.data ?? []}
          pagination={false}
          data-testid="data-table"
          columns={[
            {
              title: '角色',
              dataIndex: 'name',
              width: 160,
              render: (name: string, r) => (
                <Space>
                  {name}
                  {SEPARATED_ROLES.includes(r.code) ? <Tag color="gold">三权分立</Tag> : null}
                </Space>
              ),
            },
            { title: '编码', dataIndex: 'code', width: 110 },
            { title: '说明', dataIndex: 'description' },
            labelColumn('数据范围', 'dataScope', DATA_SCOPE_LABELS, 120),
            {
              title: '权限数',
              key: 'count',
              width: 80,
              align: 'right',
              render: (_, r) => r.permissions.length,
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => open(r)} data-testid={`role-edit-${r.code}`}>
                  {readOnlyFor(r) ? '查看' : '分配权限'}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        title={editing ? `${readOnly ? '查看' : '分配'}权限：${editing.name}` : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={560}
        data-testid="role-drawer"
        extra={
          readOnly ? null : (
            <Space>
              <Button onClick={() => setEditing(null)}>取消</Button>
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() => editing && save.mutate({ role: editing, permissions: checked })}
                data-testid="role-save"
              >
                保存
              </Button>
            </Space>
          )
        }
      >
        {editing && SEPARATED_ROLES.includes(editing.code) ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="三权分立：系统管理员、安全管理员、审计管理员的权限互不交叉，服务器会拒绝越权的分配。"
          />
        ) : null}
        <Checkbox.Group
          value={checked}
          onChange={(v) => setChecked(v as PermissionCode[])}
          disabled={readOnly}
          style={{ display: 'block' }}
        >
          {groups.map((g) => (
            <div key={g.module} data-testid={`perm-group-${g.module}`}>
              <Divider titlePlacement="start" style={{ marginTop: 8 }}>
                {g.label}
              </Divider>
              {g.entities.map((e) => (
                <div key={e.entity} style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary" style={{ display: 'inline-block', width: 88 }}>
                    {e.label}
                  </Typography.Text>
                  <Space wrap size={[12, 4]}>
                    {e.items.map((p) => (
                      <Checkbox key={p.code} value={p.code}>
                        {p.label}
                      </Checkbox>
                    ))}
                  </Space>
                </div>
              ))}
            </div>
          ))}
        </Checkbox.Group>
        {checked.some((c) => !labels.has(c)) && perms.data ? (
          <Typography.Paragraph type="secondary">
            另有未登记的权限：{checked.filter((c) => !labels.has(c)).join('、')}
          </Typography.Paragraph>
        ) : null}
      </Drawer>
    </PageContainer>
  );
}

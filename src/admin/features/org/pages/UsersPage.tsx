import { App, Badge, Button, Dropdown, Form, Input, Modal, Select, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../contracts/org';
import { ROLE_CODES, type RoleCode } from '../../../../contracts/roles';
import {
  type AccountAction,
  accountChangeRefusal,
  roleCombinationError,
} from '../../../../domain/org/separation';
import { useMe, usePermission } from '../../../auth';
import { DrawerForm } from '../../../components/DrawerForm';
import { FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import {
  actionsColumn,
  statusColumn,
  USER_STATUS_COLORS,
  USER_STATUS_LABELS,
} from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { passwordRule, policyText } from '../../../passwordPolicy';
import { ROLE_LABELS } from '../../../roles';
import { chinaTime } from '../../../time';
import { RegistryList } from '../components/Registry';
import {
  type UserForm,
  useDisableUser,
  useRefreshOrg,
  useResetPassword,
  useSaveUser,
  useUnlockUser,
} from '../queries';

const ROLE_OPTIONS = ROLE_CODES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const STATUS_OPTIONS = (['active', 'disabled'] as const).map((s) => ({
  value: s,
  label: USER_STATUS_LABELS[s],
}));

export default function UsersPage() {
  const can = usePermission();
  const { message, modal } = App.useApp();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [form] = Form.useForm<UserForm>();
  const [resetForm] = Form.useForm<{ password: string }>();

  const refresh = useRefreshOrg();
  const save = useSaveUser(editing, () => {
    void message.success(editing === 'new' ? '已创建，用户首次登录须修改密码' : '已保存');
    setEditing(null);
  });
  const resetPassword = useResetPassword(() => {
    void message.success('密码已重置，用户下次登录须修改密码');
    setResetFor(null);
  });
  const unlock = useUnlockUser(() => void message.success('已解除锁定'));
  const disable = useDisableUser(() => void message.success('已停用'));

  const initialValues: Partial<UserForm> =
    editing === null || editing === 'new'
      ? { unitId: unitId ?? undefined, roles: ['liaison'] }
      : {
          username: editing.username,
          name: editing.name,
          unitId: editing.unitId,
          roles: editing.roles,
          status: editing.status,
        };

  const me = useMe().data;
  // The same rules as the server (三权分立): an action on a 三员 account is offered to the security admin only.
  const may = (u: User, action: AccountAction) =>
    !!me &&
    accountChangeRefusal({
      actor: { id: me.id, roles: me.roles },
      action,
      target: { id: u.id, roles: u.roles },
      rolesAfter: u.roles,
    }) === null;

  const moreActions = (u: User) =>
    [
      can('org:user:resetPassword') && may(u, 'resetPassword') ? { key: 'reset', label: '重置密码' } : null,
      can('org:user:unlock') && u.locked && may(u, 'unlock') ? { key: 'unlock', label: '解除锁定' } : null,
      can('org:user:delete') && u.status === 'active' && may(u, 'disable')
        ? { key: 'disable', label: '停用', danger: true }
        : null,
    ].filter((x) => x !== null);

  const onAction = (u: User, key: string) => {
    if (key === 'reset') setResetFor(u);
    else if (key === 'unlock') unlock.mutate(u);
    else if (key === 'disable')
      modal.confirm({
        title: `确定停用用户“${u.name}”吗？`,
        content: '停用后该用户不能登录，历史记录保留。',
        okText: '停用',
        okButtonProps: { danger: true },
        onOk: () => disable.mutateAsync(u),
      });
  };

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      render: (name: string, u) => (
        <Space size={4}>
          {name}
          {u.locked ? <Badge status="error" text="已锁定" data-testid="user-locked" /> : null}
        </Space>
      ),
    },
    { title: '所属单位', dataIndex: 'unitName', ellipsis: true },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: RoleCode[]) =>
        roles.map((r) => (
          <Tag key={r} color="blue">
            {ROLE_LABELS[r] ?? r}
          </Tag>
        )),
    },
    { title: '手机号', dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
    statusColumn(USER_STATUS_LABELS, USER_STATUS_COLORS, 80),
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? chinaTime(v) : '从未登录'),
    },
    actionsColumn(150, (u) => {
      const more = moreActions(u);
      return (
        <Space size={0}>
          {can('org:user:update') && may(u, 'update') ? (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              修改
            </Button>
          ) : null}
          {more.length > 0 ? (
            <Dropdown menu={{ items: more, onClick: ({ key }) => onAction(u, key) }}>
              <Button type="link" size="small" aria-label={`更多操作：${u.name}`}>
                更多
              </Button>
            </Dropdown>
          ) : null}
        </Space>
      );
    }),
  ];

  const isNew = editing === 'new';
  return (
    <PageContainer title="用户管理" testId="users-page">
      <RegistryList<User>
        kind="user"
        columns={columns}
        scrollX={1100}
        unitId={unitId}
        onUnitChange={setUnitId}
        keyword={{ label: '用户名/姓名' }}
        filters={
          <>
            <FilterSelect name="role" label="角色" options={ROLE_OPTIONS} width={130} placeholder="全部" />
            <FilterSelect
              name="status"
              label="状态"
              options={STATUS_OPTIONS}
              width={100}
              placeholder="全部"
            />
          </>
        }
        onCreate={() => setEditing('new')}
        onImported={refresh}
      />
      <DrawerForm<UserForm>
        title={isNew ? '新增用户' : '修改用户'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        initialValues={initialValues}
        mutation={save}
        testId="user-drawer"
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3～32 位字母、数字、下划线、点或短横线' },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={required('请输入姓名')}>
          <Input maxLength={50} data-testid="user-name" />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={required('请选择所属单位')}>
          <UnitTreeSelect data-testid="user-unit" />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          rules={[
            { required: true, type: 'array', min: 1, message: '请至少选择一个角色' },
            {
              validator: (_, v: RoleCode[] | undefined) => {
                const why = v ? roleCombinationError(v) : null;
                return why ? Promise.reject(new Error(why)) : Promise.resolve();
              },
            },
          ]}
        >
          <Select mode="multiple" options={ROLE_OPTIONS} data-testid="user-roles" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          extra={isNew ? undefined : '留空表示不修改'}
          rules={[{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号' }]}
        >
          <Input maxLength={11} autoComplete="off" />
        </Form.Item>
        {isNew ? (
          <Form.Item
            name="password"
            label="初始密码"
            extra={`${policyText()}；用户首次登录须修改`}
            dependencies={['username']}
            rules={[{ required: true, message: '请输入初始密码' }, passwordRule()]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        ) : (
          <Form.Item name="status" label="状态">
            <Select options={STATUS_OPTIONS} />
          </Form.Item>
        )}
      </DrawerForm>
      <Modal
        title={resetFor ? `重置密码：${resetFor.name}（${resetFor.username}）` : '重置密码'}
        open={resetFor !== null}
        onCancel={() => setResetFor(null)}
        onOk={() => resetForm.submit()}
        okText="重置"
        confirmLoading={resetPassword.isPending}
        destroyOnHidden
      >
        <Form
          form={resetForm}
          layout="vertical"
          onFinish={(v) => resetFor && resetPassword.mutate({ user: resetFor, password: v.password })}
        >
          <Form.Item
            name="password"
            label="新密码"
            extra={`${policyText()}；用户下次登录须修改`}
            rules={[{ required: true, message: '请输入新密码' }, passwordRule(resetFor?.username)]}
          >
            <Input.Password autoComplete="new-password" data-testid="reset-password" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

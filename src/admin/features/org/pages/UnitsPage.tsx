import { DeleteOutlined, EditOutlined, FontSizeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  type TableProps,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../contracts/api';
import type { Unit } from '../../../../contracts/org';
import { usePermission } from '../../../auth';
import { DrawerForm } from '../../../components/DrawerForm';
import { FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { actionsColumn } from '../../../components/StatusTag';
import { UnitTreeSelect, unitNameIndex, useUnitTree } from '../../../components/units';
import { RegistryList } from '../components/Registry';
import {
  type RenameForm,
  type UnitForm,
  useDeleteUnit,
  useRefreshOrg,
  useRenameUnit,
  useSaveUnit,
} from '../queries';

const KIND_OPTIONS = optionsOf(UNIT_KIND_LABELS);

export default function UnitsPage() {
  const can = usePermission();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [form] = Form.useForm<UnitForm>();
  const tree = useUnitTree();
  const names = useMemo(() => unitNameIndex(tree.data ?? []), [tree.data]);

  const refresh = useRefreshOrg();
  const save = useSaveUnit(editing, () => {
    void message.success('已保存');
    setEditing(null);
  });
  const remove = useDeleteUnit(() => void message.success('已删除'));
  const [renaming, setRenaming] = useState<Unit | null>(null);
  const [renameForm] = Form.useForm<RenameForm>();
  const rename = useRenameUnit(renaming, () => {
    void message.success('已重命名');
    setRenaming(null);
    refresh();
  });

  const open = (u: Unit | 'new') => setEditing(u);
  // The drawer's form is mounted fresh each time (destroyOnHidden), so initial values are enough.
  const initialValues: Partial<UnitForm> =
    editing === null || editing === 'new'
      ? { kind: 'department', parentId: unitId ?? undefined, aliases: [], sort: 0 }
      : {
          name: editing.name,
          shortName: editing.shortName ?? undefined,
          fullName: editing.fullName ?? undefined,
          creditCode: editing.creditCode ?? undefined,
          kind: editing.kind,
          parentId: editing.parentId ?? undefined,
          aliases: editing.aliases,
          sort: editing.sort,
        };

  const columns: TableProps<Unit>['columns'] = [
    { title: '名称', dataIndex: 'name', width: 180, ellipsis: true },
    { title: '简称', dataIndex: 'shortName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kind', width: 100, render: (k: UnitKind) => UNIT_KIND_LABELS[k] },
    {
      title: '上级',
      dataIndex: 'parentId',
      width: 160,
      ellipsis: true,
      render: (id: string | null) => (id ? (names.get(id) ?? '—') : '—'),
    },
    {
      title: '别名',
      dataIndex: 'aliases',
      width: 280,
      // Long aliases wrap inside their tag instead of running over the next column.
      render: (a: string[]) =>
        a.length
          ? a.map((x) => (
              <Tag key={x} style={{ whiteSpace: 'normal', marginBlock: 2 }}>
                {x}
              </Tag>
            ))
          : '—',
    },
    { title: '用户数', dataIndex: 'userCount', width: 80, align: 'right' },
    actionsColumn(220, (u) => (
      <Space size={0}>
        {can('org:unit:update') ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => open(u)}>
            修改
          </Button>
        ) : null}
        {can('org:unit:update') ? (
          <Button
            type="link"
            size="small"
            icon={<FontSizeOutlined />}
            onClick={() => setRenaming(u)}
            data-testid="unit-rename"
          >
            重命名
          </Button>
        ) : null}
        {can('org:unit:delete') ? (
          <Popconfirm
            title={`确定删除“${u.name}”吗？`}
            description="有用户或下级单位的单位不能删除。"
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(u)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    )),
  ];

  return (
    <PageContainer title="单位管理" testId="units-page">
      <RegistryList<Unit>
        kind="unit"
        columns={columns}
        scrollX={1140}
        unitId={unitId}
        onUnitChange={setUnitId}
        keyword={{ label: '名称', placeholder: '名称或别名' }}
        filters={
          <FilterSelect name="kind" label="类型" options={KIND_OPTIONS} width={140} placeholder="全部" />
        }
        onCreate={() => open('new')}
        onImported={refresh}
      />
      <DrawerForm<UnitForm>
        title={editing === 'new' ? '新增单位' : '修改单位'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        initialValues={initialValues}
        mutation={save}
        testId="unit-drawer"
      >
        <Form.Item name="name" label="名称" rules={required('请输入单位名称')}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label="全称"
          extra="用于告知书等文书的落款，如 重庆市潼南区发展和改革委员会"
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          extra="或 9 位组织机构代码；设置后用于生成索引号"
          rules={[
            {
              pattern: /^([0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}|[0-9A-Za-z]{8}-?[0-9Xx])$/,
              message: '应为 18 位统一社会信用代码或 9 位组织机构代码',
            },
          ]}
        >
          <Input maxLength={18} data-testid="unit-credit-code" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={required('请选择类型')}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位">
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="aliases" label="别名" extra="通知中常见的其他写法，输入后按回车添加">
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder="如：区发改局" />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </DrawerForm>
      <Modal
        title={renaming ? `重命名“${renaming.name}”` : '重命名'}
        open={renaming !== null}
        onCancel={() => setRenaming(null)}
        onOk={() => renameForm.submit()}
        okText="重命名"
        confirmLoading={rename.isPending}
        destroyOnHidden
        data-testid="unit-rename-modal"
      >
        <Form<RenameForm>
          form={renameForm}
          layout="vertical"
          preserve={false}
          initialValues={{ name: renaming?.name ?? '', keepAlias: true }}
          onFinish={(v) => rename.mutate(v)}
        >
          <Form.Item name="name" label="新名称" rules={required('请输入新名称')}>
            <Input maxLength={60} data-testid="unit-rename-name" />
          </Form.Item>
          <Form.Item name="keepAlias" valuePropName="checked">
            <Checkbox>保留原名称为别名（以后导入的通知写原名称时，仍能识别为本单位）</Checkbox>
          </Form.Item>
          {rename.error ? <Alert type="error" showIcon message={rename.error.message} /> : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}

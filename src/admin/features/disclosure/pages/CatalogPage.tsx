// 公开目录: each unit's catalog tree (four standard columns, Art. 20/21 sub-columns), editable by the office; the
// disclosure paths of the unit's tasks (from imported notices) are listed with where they land, and missing columns
// are created from them in one click.
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TaskPathRow } from '../../../../contracts/disclosure';
import { useCurrentUser, usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { UnitTreeSelect } from '../../../components/units';
import {
  useColumns,
  useCreateColumn,
  useCreateFromPaths,
  useDeleteColumn,
  useRenameColumn,
  useResolvePath,
  useTaskPaths,
} from '../queries';
import { columnTree } from '../shared';

export default function CatalogPage() {
  const can = usePermission();
  const me = useCurrentUser();
  const edit = can('disclosure:catalog:update');
  // The office starts at the district government's catalog; a unit's staff at their own.
  const [unitId, setUnitId] = useState<string | null>(edit ? null : me.unitId);
  const cols = useColumns(unitId);
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [allUnits, setAllUnits] = useState(false);
  const [path, setPath] = useState('');
  const [mapped, setMapped] = useState<{
    matched: string[];
    missing: string[];
    columnId: string | null;
  } | null>(null);
  const taskPaths = useTaskPaths(unitId);
  const rows = cols.data ?? [];
  const sel = rows.find((r) => r.id === selected);
  const unitParam = unitId ? { unitId } : {};
  // Each write refreshes the disclosure queries (catalogs and task paths among them).
  const done = (msg: string) => void message.success(msg);
  const add = useCreateColumn((r) => {
    setName('');
    done(r.alsoCreated > 0 ? `已新增栏目，并添加到其他 ${r.alsoCreated} 个单位的目录` : '已新增栏目');
  });
  const rename = useRenameColumn(() => done('已重命名'));
  const remove = useDeleteColumn(() => {
    setSelected(null);
    done('已删除');
  });
  const resolve = useResolvePath(unitParam, (r, v) => {
    if (v.path === path) setMapped(r);
    if (v.create) done(`已创建 ${r.created} 个栏目`);
  });
  const createAll = useCreateFromPaths(unitParam, (n) => done(`已创建 ${n} 个栏目`));
  const missingPaths = (taskPaths.data ?? []).filter((t) => t.missing.length > 0);
  const nameOf = (id: string | null) => rows.find((r) => r.id === id)?.name ?? '';
  return (
    <PageContainer title="公开目录" testId="disclosure-catalog-page">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title="栏目"
            extra={
              <UnitTreeSelect
                value={unitId ?? undefined}
                onChange={(v) => {
                  setUnitId(v ?? null);
                  setSelected(null);
                  setMapped(null);
                }}
                placeholder="区政府（默认）"
                style={{ width: 240 }}
                aria-label="选择单位"
                data-testid="catalog-unit"
              />
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              每个单位有自己的公开目录；括号内为已发布信息数。
            </Typography.Paragraph>
            <Tree
              data-testid="catalog-tree"
              // Re-mount when the unit or its loaded rows change: defaultExpandAll only acts on mount.
              key={`${unitId ?? 'root'}:${cols.isSuccess}`}
              treeData={columnTree(rows)}
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(k) => {
                const id = (k[0] as string | undefined) ?? null;
                setSelected(id);
                setName(rows.find((r) => r.id === id)?.name ?? '');
              }}
              titleRender={(n) => {
                const r = rows.find((x) => x.id === n.key);
                return (
                  <span>
                    {n.title as string}
                    {r && r.itemCount > 0 ? ` (${r.itemCount})` : ''}
                  </span>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={16}>
            {edit && (
              <Card size="small" title={sel ? `选中：${sel.name}` : '未选中栏目（新增为一级栏目）'}>
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    placeholder="栏目名称"
                    aria-label="栏目名称"
                    data-testid="column-name"
                  />
                  <Button
                    type="primary"
                    onClick={() => add.mutate({ ...unitParam, name, parentId: selected, allUnits })}
                    disabled={!name.trim()}
                    data-testid="column-add"
                  >
                    新增下级
                  </Button>
                  <Button
                    onClick={() => sel && rename.mutate({ id: sel.id, name })}
                    disabled={!sel || !name.trim()}
                  >
                    重命名
                  </Button>
                  <Button danger onClick={() => sel && remove.mutate(sel.id)} disabled={!sel}>
                    删除
                  </Button>
                </Space.Compact>
                <Checkbox
                  style={{ marginTop: 8 }}
                  checked={allUnits}
                  onChange={(e) => setAllUnits(e.target.checked)}
                  data-testid="column-all-units"
                >
                  同时添加到其他单位目录的相同位置
                </Checkbox>
              </Card>
            )}
            <Card size="small" title="本单位任务中的公开路径" data-testid="task-paths">
              {(taskPaths.data ?? []).length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="本单位承担的任务中没有写明公开路径（导入任务分工通知后显示）"
                />
              ) : (
                <>
                  {edit && missingPaths.length > 0 && (
                    <Button
                      type="primary"
                      style={{ marginBottom: 8 }}
                      loading={createAll.isPending}
                      onClick={() => createAll.mutate(missingPaths)}
                      data-testid="task-paths-create-all"
                    >
                      创建全部缺少的栏目（{missingPaths.length} 条路径）
                    </Button>
                  )}
                  <Table<TaskPathRow>
                    size="small"
                    rowKey="path"
                    pagination={false}
                    dataSource={taskPaths.data}
                    columns={[
                      {
                        title: '公开路径',
                        render: (_, t) => (
                          <Space orientation="vertical" size={0}>
                            <Typography.Text>{t.segments.join(' › ')}</Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t.tasks.map((k) => `${k.ref}${k.isLead ? '（牵头）' : ''}`).join('、')}
                            </Typography.Text>
                          </Space>
                        ),
                      },
                      {
                        title: '对应栏目',
                        width: 170,
                        render: (_, t) =>
                          t.missing.length === 0 ? (
                            <Tag color="green">已对应：{nameOf(t.columnId)}</Tag>
                          ) : (
                            <Space wrap>
                              <Tooltip title={`缺少：${t.missing.join(' › ')}`}>
                                <Tag color="orange">缺少 {t.missing.length} 级</Tag>
                              </Tooltip>
                              {edit && (
                                <Button
                                  size="small"
                                  onClick={() => resolve.mutate({ path: t.path, create: true })}
                                >
                                  创建
                                </Button>
                              )}
                            </Space>
                          ),
                      },
                    ]}
                  />
                </>
              )}
            </Card>
            <Card size="small" title="公开路径对应">
              <Form layout="vertical">
                <Form.Item
                  label="任务通知中的公开路径"
                  extra="例：政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划"
                >
                  <Input
                    value={path}
                    onChange={(e) => setPath(e.target.value)}
                    aria-label="任务通知中的公开路径"
                    data-testid="path-input"
                  />
                </Form.Item>
                <Space>
                  <Button
                    onClick={() => resolve.mutate({ path, create: false })}
                    disabled={!path.trim()}
                    data-testid="path-resolve"
                  >
                    对应
                  </Button>
                  {edit && mapped && mapped.missing.length > 0 && (
                    <Button
                      type="primary"
                      onClick={() => resolve.mutate({ path, create: true })}
                      data-testid="path-create"
                    >
                      创建缺少的栏目
                    </Button>
                  )}
                </Space>
              </Form>
              {mapped && (
                <Alert
                  style={{ marginTop: 12 }}
                  type={mapped.missing.length ? 'warning' : 'success'}
                  message={
                    mapped.missing.length ? (
                      <Typography.Text>缺少栏目：{mapped.missing.join(' › ')}</Typography.Text>
                    ) : (
                      `已对应到：${nameOf(mapped.columnId)}`
                    )
                  }
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </PageContainer>
  );
}

// 公开目录: the catalog tree (four standard columns, Art. 20/21 sub-columns), editable by the office; a notice's
// disclosure path can be mapped onto it and missing columns created.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Space, Tree, Typography } from 'antd';
import { useState } from 'react';
import { del, post, put } from '../../../api';
import { usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { COLUMNS_KEY, columnTree, useColumns } from '../shared';

export default function CatalogPage() {
  const cols = useColumns();
  const can = usePermission();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [mapped, setMapped] = useState<{
    matched: string[];
    missing: string[];
    columnId: string | null;
  } | null>(null);
  const rows = cols.data ?? [];
  const sel = rows.find((r) => r.id === selected);
  const done = (msg: string) => {
    void message.success(msg);
    void qc.invalidateQueries({ queryKey: COLUMNS_KEY });
  };
  const add = useMutation({
    mutationFn: () => post('/disclosure/columns', { name, parentId: selected }),
    onSuccess: () => {
      setName('');
      done('已新增栏目');
    },
  });
  const rename = useMutation({
    mutationFn: () => put(`/disclosure/columns/${selected}`, { name }),
    onSuccess: () => done('已重命名'),
  });
  const remove = useMutation({
    mutationFn: () => del(`/disclosure/columns/${selected}`),
    onSuccess: () => {
      setSelected(null);
      done('已删除');
    },
  });
  const resolve = useMutation({
    mutationFn: (create: boolean) =>
      post<{ matched: string[]; missing: string[]; columnId: string | null }>(
        '/disclosure/columns/resolve-path',
        { path, create },
      ),
    onSuccess: (r, create) => {
      setMapped(r);
      if (create) done('已创建缺少的栏目');
    },
  });
  const edit = can('disclosure:catalog:update');
  return (
    <PageContainer title="公开目录" testId="disclosure-catalog-page">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title="栏目">
            <Tree
              data-testid="catalog-tree"
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
                    data-testid="column-name"
                  />
                  <Button
                    type="primary"
                    onClick={() => add.mutate()}
                    disabled={!name.trim()}
                    data-testid="column-add"
                  >
                    新增下级
                  </Button>
                  <Button onClick={() => rename.mutate()} disabled={!sel || !name.trim()}>
                    重命名
                  </Button>
                  <Button danger onClick={() => remove.mutate()} disabled={!sel}>
                    删除
                  </Button>
                </Space.Compact>
              </Card>
            )}
            <Card size="small" title="公开路径对应">
              <Form layout="vertical">
                <Form.Item
                  label="任务通知中的公开路径"
                  extra="例：政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划"
                >
                  <Input value={path} onChange={(e) => setPath(e.target.value)} data-testid="path-input" />
                </Form.Item>
                <Space>
                  <Button
                    onClick={() => resolve.mutate(false)}
                    disabled={!path.trim()}
                    data-testid="path-resolve"
                  >
                    对应
                  </Button>
                  {edit && mapped && mapped.missing.length > 0 && (
                    <Button type="primary" onClick={() => resolve.mutate(true)} data-testid="path-create">
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
                      `已对应到：${rows.find((r) => r.id === mapped.columnId)?.name ?? ''}`
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

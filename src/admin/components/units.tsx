import { Empty, Input, Spin, Tree, TreeSelect, type TreeSelectProps } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { orgApi, type UnitTreeNode } from '../../contracts/org';
import { keyOf, useCall } from '../queries';
import { filterTree } from './unitTree';

export { filterTree, unitNameIndex } from './unitTree';

export const UNIT_TREE_KEY = keyOf(orgApi.unitTree);

export function useUnitTree() {
  return useCall(orgApi.unitTree, undefined, { staleTime: 60_000 });
}

function toTreeData(nodes: readonly UnitTreeNode[]): DataNode[] {
  return nodes.map((n) => ({ key: n.id, title: n.name, children: toTreeData(n.children) }));
}

function toSelectData(nodes: readonly UnitTreeNode[]): NonNullable<TreeSelectProps['treeData']> {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toSelectData(n.children) }));
}

/** Left-hand unit tree used as a filter; selecting again clears the filter. */
export function UnitTreePanel({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (unitId: string | null) => void;
}) {
  const tree = useUnitTree();
  const [keyword, setKeyword] = useState('');
  const data = useMemo(() => toTreeData(filterTree(tree.data ?? [], keyword)), [tree.data, keyword]);
  return (
    <div data-testid="unit-tree">
      <Input.Search
        placeholder="搜索单位"
        allowClear
        aria-label="搜索单位"
        onChange={(e) => setKeyword(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {tree.isPending ? (
        <Spin />
      ) : data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无单位" />
      ) : (
        <Tree
          blockNode
          defaultExpandAll
          key={keyword /* re-expand after filtering */}
          treeData={data}
          selectedKeys={value ? [value] : []}
          onSelect={(keys) => onChange(keys.length > 0 ? String(keys[0]) : null)}
        />
      )}
    </div>
  );
}

/** Unit picker for forms (value = unit id). */
export function UnitTreeSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const tree = useUnitTree();
  const data = useMemo(() => toSelectData(tree.data ?? []), [tree.data]);
  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      allowClear
      placeholder="请选择单位"
      loading={tree.isPending}
      {...props}
      treeData={data}
    />
  );
}

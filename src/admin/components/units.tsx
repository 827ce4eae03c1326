import { CheckCircleTwoTone } from '@ant-design/icons';
import { Empty, Input, Space, Spin, Tree, TreeSelect, type TreeSelectProps } from 'antd';
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

/** A unit name an import matched for certain (exact, alias, normalized): a green tick and the unit's name. */
export function MatchedUnit({ name }: { name?: string }) {
  return (
    <Space size={4}>
      <CheckCircleTwoTone twoToneColor="#52c41a" />
      {name}
    </Space>
  );
}

/** A unit the matcher suggests for a written name, as a select option: the unit, how close (0–1) and why. */
export const suggestionOption = (s: {
  unitId: string;
  unitName: string;
  confidence: number;
  reason: string;
}) => ({
  value: s.unitId,
  label: `${s.unitName}（${Math.round(s.confidence <= 1 ? s.confidence * 100 : s.confidence)}%，${s.reason}）`,
});

// The unit names of an import preview: how each was matched, and the officer's choice where the registry could
// not decide (a suggestion to confirm, candidates of a group to pick from, a unit to choose).
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { UnitNameMatch } from '../../../../contracts/tasks';
import { MATCH_STATUS_LABELS } from '../../../../domain/units';
import { StatusTag } from '../../../components/StatusTag';
import {
  MatchedUnit,
  suggestionOption,
  UnitTreeSelect,
  unitNameIndex,
  useUnitTree,
} from '../../../components/units';
import { type Choices, type Decision, type Decisions, MATCH_COLORS } from '../importState';
import { useUnitGroups } from '../queries';

/** The decision as the 处理 select's value ('' = map to registered units). */
const decisionValue = (d: Decision | undefined): string =>
  !d ? '' : 'skip' in d ? 'skip' : 'create' in d ? `create:${d.create}` : `group:${d.groupId}`;

function decisionOf(value: string): Decision | undefined {
  if (value === 'skip') return { skip: true };
  if (value === 'create:department') return { create: 'department' };
  if (value === 'create:township') return { create: 'township' };
  if (value.startsWith('group:')) return { groupId: value.slice('group:'.length) };
  return undefined;
}

export function ImportUnitsTable({
  names,
  units,
  effective,
  setChoice,
  decisions,
  setDecision,
  left,
}: {
  names: string[];
  units: UnitNameMatch[];
  effective: Choices;
  setChoice: (written: string, ids: string[] | null) => void;
  decisions: Decisions;
  setDecision: (written: string, d: Decision | undefined) => void;
  left: string[];
}) {
  const tree = useUnitTree();
  const groups = useUnitGroups();
  // Groups that say which units they mean: a name may stand for one of them.
  const groupOptions = (groups.data ?? [])
    .filter((g) => !g.needsChoice)
    .map((g) => ({
      value: `group:${g.id}`,
      label: `对应分组：${g.name}（${g.memberUnitIds.length} 个单位）`,
    }));
  const unitNames = useMemo(() => unitNameIndex(tree.data ?? []), [tree.data]);
  const matches = useMemo(() => new Map(units.map((u) => [u.written, u])), [units]);
  /** Names the registry could not settle: the officer may skip them, create them, or choose a group. */
  const undecidable = (w: string) => {
    const m = matches.get(w);
    return (
      !m || m.status === 'suggestion' || m.status === 'unknown' || (m.status === 'group' && !!m.needsChoice)
    );
  };
  const handling = (w: string) =>
    undecidable(w) ? (
      <Select
        style={{ width: '100%' }}
        aria-label={`“${w}”的处理方式`}
        data-testid={`decide-${w}`}
        value={decisionValue(decisions[w])}
        onChange={(v: string) => setDecision(w, decisionOf(v))}
        options={[
          { value: '', label: '对应已有单位' },
          { value: 'skip', label: '跳过（不分配）' },
          { value: 'create:department', label: '新建单位：部门' },
          { value: 'create:township', label: '新建单位：镇街' },
          ...groupOptions,
        ]}
      />
    ) : null;
  /**
   * What the officer must still know of a name the registry settled by itself: "区住建委等相关单位" matched 区住建委, but
   * the notice meant others too. Unsettled names say it with their status and pickers.
   */
  const caveats = (w: string): string[] => {
    const m = matches.get(w);
    return m && !undecidable(w) ? m.warnings : [];
  };
  const resolver = (w: string) => {
    const m = matches.get(w);
    const v = effective[w];
    const label = `为“${w}”选择单位`;
    const d = decisions[w];
    if (d)
      return (
        <Typography.Text type="secondary" data-testid={`decided-${w}`}>
          {'skip' in d
            ? '不分配给任何单位'
            : 'create' in d
              ? `提交时在单位库中新建“${w}”，并记住此名称`
              : `提交时展开为该分组的成员单位，并记住此名称`}
        </Typography.Text>
      );
    if (m && (m.status === 'exact' || m.status === 'alias' || m.status === 'normalized') && m.unitId) {
      return <MatchedUnit name={m.unitName} />;
    }
    if (m?.status === 'group' && !m.needsChoice) {
      return <Typography.Text>展开为 {m.memberUnitIds?.length ?? 0} 个成员单位</Typography.Text>;
    }
    if (m?.status === 'group' && m.needsChoice) {
      return (
        <Flex gap={8} align="center">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            style={{ flex: 1, minWidth: 220 }}
            placeholder="请从候选单位中选择"
            aria-label={label}
            data-testid={`pick-${w}`}
            status={v ? undefined : 'warning'}
            value={v ?? []}
            onChange={(ids: string[]) => setChoice(w, ids.length ? ids : null)}
            options={(m.memberUnitIds ?? []).map((id) => ({ value: id, label: unitNames.get(id) ?? id }))}
          />
          <Button
            size="small"
            onClick={() => setChoice(w, m.memberUnitIds ?? [])}
            data-testid={`pick-all-${w}`}
          >
            全部候选（{m.memberUnitIds?.length ?? 0}）
          </Button>
        </Flex>
      );
    }
    // The one-unit pickers below (a suggestion confirmed, or any unit chosen) show the same state.
    const single = {
      style: { width: '100%' },
      'aria-label': label,
      'data-testid': `resolve-${w}`,
      status: v ? undefined : ('warning' as const),
      value: v?.[0],
    };
    if (m?.status === 'suggestion' && m.suggestions.length) {
      return (
        <Select
          {...single}
          placeholder="请确认对应单位"
          onChange={(id: string) => setChoice(w, [id])}
          options={m.suggestions.map(suggestionOption)}
        />
      );
    }
    return (
      <UnitTreeSelect
        {...single}
        placeholder="请选择对应单位"
        onChange={(id: string | undefined) => setChoice(w, id ? [id] : null)}
      />
    );
  };

  return (
    <Table<{ written: string }>
      size="small"
      rowKey="written"
      dataSource={names.map((written) => ({ written }))}
      pagination={false}
      data-testid="tasks-units"
      title={() => `通知中的单位 ${names.length} 个${left.length ? `，${left.length} 个待确认` : ''}`}
      onRow={(r) =>
        ({ 'data-unresolved': effective[r.written] || decisions[r.written] ? 'false' : 'true' }) as object
      }
      columns={[
        { title: '通知中写法', dataIndex: 'written', width: 200 },
        {
          title: '匹配',
          key: 'status',
          width: 120,
          render: (_, r) => {
            const m: UnitNameMatch | undefined = matches.get(r.written);
            return m ? (
              <StatusTag value={m.status} labels={MATCH_STATUS_LABELS} colors={MATCH_COLORS} />
            ) : (
              <Tag>手工录入</Tag>
            );
          },
        },
        { title: '处理', key: 'decide', width: 260, render: (_, r) => handling(r.written) },
        {
          title: '对应单位',
          key: 'resolve',
          render: (_, r) => (
            <Flex vertical gap={2}>
              {resolver(r.written)}
              {caveats(r.written).map((c) => (
                // (antd's warning yellow is 1.9:1 on white; the gold of the console's tags passes 4.5:1)
                <Typography.Text
                  key={c}
                  style={{ color: '#874d00' }}
                  data-testid={`unit-caveat-${r.written}`}
                >
                  <ExclamationCircleOutlined /> {c}
                </Typography.Text>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

// The task rows of an import preview, each cell editable: section, text and measures, units as written,
// deadlines (re-read as the officer types them), path hints. Edits change the plan the page will commit.
import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { ParsedPlan } from '../../../../contracts/tasks';
import { DEADLINE_KIND_LABELS } from '../../../../domain/tasks/deadlines';
import { FITS_1366 } from '../../../components/SearchTable';
import { useFocusableScroll } from '../../../components/scrollRegion';
import {
  type Choices,
  deadlinesFromText,
  deadlinesText,
  measuresFromText,
  pathsFromText,
  pathsText,
  splitTyped,
  warningsByRef,
} from '../importState';

export type Task = ParsedPlan['tasks'][number];

/**
 * A cell holding a list (measures, deadlines) edited as text, one entry per line. Typography's inline editing
 * drops line breaks, so this uses a plain text area with an explicit 确定.
 */
function LinesEditor({
  label,
  value,
  onSave,
  text,
}: {
  label: string;
  value: string;
  onSave: (s: string) => void;
  /** Words beside the pencil, for a list that is empty and would otherwise show a bare icon. */
  text?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        // The words shown stand first in the name (WCAG 2.5.3: what is seen is what a voice user says).
        aria-label={text ? `${text}：${label}` : label}
        title={label}
        data-testid="lines-edit"
        onClick={() => setDraft(value)}
      >
        {text}
      </Button>
    );
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={label}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <Space size={4}>
        <Button
          size="small"
          type="primary"
          data-testid="lines-save"
          onClick={() => {
            onSave(draft);
            setDraft(null);
          }}
        >
          确定
        </Button>
        <Button size="small" onClick={() => setDraft(null)}>
          取消
        </Button>
      </Space>
    </Space>
  );
}

export function ImportTasksTable({
  plan,
  year,
  effective,
  setTask,
  removeTask,
  selected,
  select,
}: {
  plan: ParsedPlan;
  year: number | null;
  /** Every written unit name and the units it is confirmed as (null: not yet). */
  effective: Choices;
  setTask: (ref: string, patch: Partial<Task>) => void;
  /** Leaves a row out of this import (a heading or a note read as a task); the last one stays. */
  removeTask: (ref: string) => void;
  /** Rows ticked for 批量填写单位. */
  selected: string[];
  select: (refs: string[]) => void;
}) {
  const previewRef = useRef<HTMLDivElement>(null);
  useFocusableScroll(previewRef, '任务预览表（可左右滚动）', [plan]);
  /** ref → deadline lines the officer typed that could not be read (the edit was not taken). */
  const [deadlineErrors, setDeadlineErrors] = useState<Record<string, string[]>>({});
  const rowWarnings = useMemo(() => warningsByRef(plan), [plan]);
  const editDeadlines = (t: Task, s: string) => {
    const read = deadlinesFromText(s, t.deadlines, year ?? plan.year ?? 0);
    setDeadlineErrors((e) => ({ ...e, [t.ref]: read.unreadable }));
    if (!read.unreadable.length) setTask(t.ref, { deadlines: read.deadlines });
  };
  /** 牵头单位 / 责任单位: the written names as tags (orange until confirmed), the list editable as typed text. */
  const unitsColumn = (
    title: string,
    key: string,
    field: 'leadUnits' | 'responsibleUnits',
    width: number,
  ): TableColumnType<Task> => ({
    title,
    key,
    width,
    render: (_, t) => (
      <>
        {t[field].map((w) => (
          <Tag key={w} color={effective[w] ? undefined : 'orange'}>
            {w}
          </Tag>
        ))}
        <Typography.Text
          editable={{
            text: t[field].join('、'),
            onChange: (s) => setTask(t.ref, { [field]: splitTyped(s) }),
            tooltip: `修改${title}`,
          }}
        />
      </>
    ),
  });

  return (
    <div ref={previewRef}>
      <Table<Task>
        size="small"
        rowKey="ref"
        dataSource={plan.tasks}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="tasks-preview-table"
        rowSelection={{
          // No select-all box in the header: antd copies the header into a hidden measuring row, where a checkbox
          // is focusable inside aria-hidden (axe); 批量填写单位 above has 选中全部 instead.
          hideSelectAll: true,
          selectedRowKeys: selected,
          onChange: (keys) => select(keys.map(String)),
          getCheckboxProps: (t) => ({ 'aria-label': `选择 ${t.ref}` }),
        }}
        title={() => `任务 ${plan.tasks.length} 项（单击文字可修改）`}
        // Every column on a 1366 px screen with the menu open: the parser's doubts stand under the task's number,
        // its 公开路径 under its measures.
        scroll={{ x: FITS_1366 }}
        columns={[
          {
            title: '编号',
            key: 'ref',
            width: 84,
            render: (_, t) => {
              const ws = rowWarnings.get(t.ref);
              return (
                <>
                  <div>{t.ref}</div>
                  {ws ? (
                    <Tooltip title={ws.join('；')}>
                      <Tag color="orange" data-testid={`warnings-${t.ref}`}>
                        请核对（{ws.length}）
                      </Tag>
                    </Tooltip>
                  ) : null}
                  {plan.tasks.length > 1 ? (
                    <Popconfirm
                      title={`不导入 ${t.ref}？`}
                      description="该项从本次导入中删除（不是任务的标题、说明等）"
                      okText="不导入"
                      cancelText="取消"
                      onConfirm={() => removeTask(t.ref)}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        style={{ padding: 0 }}
                        aria-label={`不导入 ${t.ref}`}
                        data-testid={`remove-${t.ref}`}
                      >
                        不导入
                      </Button>
                    </Popconfirm>
                  ) : null}
                </>
              );
            },
          },
          {
            title: '板块',
            key: 'section',
            width: 150,
            render: (_, t) => (
              <div data-testid={`section-${t.ref}`}>
                <Typography.Text type="secondary">{t.section.join(' / ')}</Typography.Text>
                <LinesEditor
                  label={`修改 ${t.ref} 的板块（每行一级）`}
                  value={t.section.join('\n')}
                  onSave={(s) => setTask(t.ref, { section: measuresFromText(s) })}
                />
              </div>
            ),
          },
          {
            title: '任务与举措',
            key: 'text',
            render: (_, t) => (
              <>
                <Typography.Paragraph
                  style={{ marginBottom: 0 }}
                  editable={{ onChange: (text) => setTask(t.ref, { text }), tooltip: '修改' }}
                  ellipsis={{ rows: 3, expandable: true }}
                >
                  {t.text}
                </Typography.Paragraph>
                <div data-testid={`measures-${t.ref}`}>
                  {t.measures.map((m, i) => (
                    <Typography.Paragraph
                      key={`${i}-${m}`}
                      type="secondary"
                      style={{ marginBottom: 0 }}
                      ellipsis={{ rows: 2, expandable: true }}
                    >
                      {m}
                    </Typography.Paragraph>
                  ))}
                  <LinesEditor
                    label={`修改 ${t.ref} 的举措（每行一条）`}
                    text={t.measures.length ? undefined : '分条举措'}
                    value={t.measures.join('\n')}
                    onSave={(s) => setTask(t.ref, { measures: measuresFromText(s) })}
                  />
                </div>
                <div data-testid={`paths-${t.ref}`}>
                  {t.disclosurePaths.map((p, i) => (
                    <div key={`${i}-${p.join('>')}`}>
                      <Typography.Text type="secondary">公开路径：{p.join(' > ')}</Typography.Text>
                    </div>
                  ))}
                  <LinesEditor
                    label={`修改 ${t.ref} 的公开路径（每行一条，层级用 > 分隔）`}
                    text={t.disclosurePaths.length ? undefined : '公开路径'}
                    value={pathsText(t.disclosurePaths)}
                    onSave={(s) => setTask(t.ref, { disclosurePaths: pathsFromText(s) })}
                  />
                </div>
              </>
            ),
          },
          unitsColumn('牵头单位', 'lead', 'leadUnits', 140),
          unitsColumn('责任单位', 'resp', 'responsibleUnits', 170),
          {
            title: '完成时限',
            key: 'deadlines',
            width: 140,
            render: (_, t) => (
              <div data-testid={`deadlines-${t.ref}`}>
                {t.deadlines.length
                  ? t.deadlines.map((d, i) => (
                      <div key={`${d.raw}-${i}`} title={d.raw}>
                        {d.date ?? d.raw}
                        {d.date ? null : <Tag style={{ marginLeft: 4 }}>{DEADLINE_KIND_LABELS[d.kind]}</Tag>}
                      </div>
                    ))
                  : '—'}
                <LinesEditor
                  label={`修改 ${t.ref} 的完成时限（每行一个，如“2021年6月底前”“每季度”“及时公开”或 2021-06-30）`}
                  value={deadlinesText(t.deadlines)}
                  onSave={(s) => editDeadlines(t, s)}
                />
                {deadlineErrors[t.ref]?.length ? (
                  <Typography.Text type="danger" data-testid={`deadline-error-${t.ref}`}>
                    无法识别：{deadlineErrors[t.ref]!.join('、')}（未修改）
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

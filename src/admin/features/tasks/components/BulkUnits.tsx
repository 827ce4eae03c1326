// Units for many tasks at once, in the import preview: a plan read by its numbered items names no unit, and a
// district often gives a whole group of tasks the same units. The officer ticks the rows (or all without units)
// and fills 牵头单位 / 责任单位 once, from the registered names or typed.
import { Button, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BulkUnits as Bulk } from '../importState';

function UnitsSelect({
  label,
  names,
  value,
  onChange,
}: {
  label: string;
  names: string[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  // The list closes once a name is chosen: left open, it covers the dialog's 填写 button.
  const [listOpen, setListOpen] = useState(false);
  return (
    <Select
      mode="tags"
      open={listOpen}
      onOpenChange={setListOpen}
      onSelect={() => setListOpen(false)}
      aria-label={label}
      placeholder="选择或输入单位名称（可多个）"
      tokenSeparators={['、', ',', '，', ';', '；']}
      options={names.map((n) => ({ value: n, label: n }))}
      value={value}
      onChange={onChange}
      data-testid={`bulk-${label}`}
    />
  );
}

export function BulkUnits({
  selected,
  all,
  unitless,
  select,
  names,
  apply,
}: {
  /** Refs of the rows ticked (those still in the plan). */
  selected: string[];
  /** Refs of every task of the plan. */
  all: string[];
  /** Refs of the tasks no unit takes on yet. */
  unitless: string[];
  select: (refs: string[]) => void;
  /** Registered unit names, offered first. */
  names: string[];
  apply: (bulk: Bulk) => void;
}) {
  const [open, setOpen] = useState(false);
  const [lead, setLead] = useState<string[]>([]);
  const [responsible, setResponsible] = useState<string[]>([]);
  const [replace, setReplace] = useState(false);
  const close = () => {
    setOpen(false);
    setLead([]);
    setResponsible([]);
    setReplace(false);
  };
  return (
    <Space wrap data-testid="tasks-bulk">
      <Typography.Text>已选 {selected.length} 项任务</Typography.Text>
      {selected.length < all.length ? (
        <Button size="small" onClick={() => select(all)} data-testid="tasks-select-all">
          选中全部 {all.length} 项
        </Button>
      ) : null}
      {unitless.length > 0 ? (
        <Button size="small" onClick={() => select(unitless)} data-testid="tasks-select-unitless">
          选中未填写单位的 {unitless.length} 项
        </Button>
      ) : null}
      <Button
        size="small"
        type="primary"
        disabled={selected.length === 0}
        onClick={() => setOpen(true)}
        data-testid="tasks-bulk-open"
      >
        批量填写单位
      </Button>
      {selected.length > 0 ? (
        <Button size="small" onClick={() => select([])}>
          取消选择
        </Button>
      ) : null}
      <Modal
        open={open}
        title={`为已选的 ${selected.length} 项任务填写单位`}
        okText="填写"
        cancelText="取消"
        okButtonProps={{
          disabled: lead.length + responsible.length === 0,
          'data-testid': 'tasks-bulk-apply',
        }}
        onOk={() => {
          apply({ leadUnits: lead, responsibleUnits: responsible, replace });
          close();
        }}
        onCancel={close}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="牵头单位">
            <UnitsSelect label="牵头单位" names={names} value={lead} onChange={setLead} />
          </Form.Item>
          <Form.Item label="责任单位">
            <UnitsSelect label="责任单位" names={names} value={responsible} onChange={setResponsible} />
          </Form.Item>
          <Form.Item label="已有单位的任务" extra="留空的一栏不作修改">
            <Radio.Group
              value={replace}
              onChange={(e) => setReplace(e.target.value)}
              options={[
                { value: false, label: '追加到原有单位之后' },
                { value: true, label: '替换原有单位' },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

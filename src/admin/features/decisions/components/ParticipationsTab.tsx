// 列席 (public, expert and media representatives at meetings) and 政府开放日 records: a list and a form.
import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { decisionsApi, type ParticipationRow } from '../../../../contracts/decisions';
import { PARTICIPATION_KIND_LABELS, type ParticipationKind } from '../../../../domain/disclosure/decisions';
import { useCurrentUser, usePermission } from '../../../auth';
import { DrawerForm } from '../../../components/DrawerForm';
import { FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { SearchTable } from '../../../components/SearchTable';
import { labelColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { useCreateParticipation } from '../queries';

const KIND_OPTIONS = optionsOf(PARTICIPATION_KIND_LABELS);

interface Values {
  unitId: string;
  kind: ParticipationKind;
  title: string;
  heldOn: Dayjs;
  place?: string;
  publicCount: number;
  expertCount: number;
  mediaCount: number;
  summary?: string;
}

export function ParticipationsTab() {
  const can = usePermission();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useCreateParticipation(() => setOpen(false));
  return (
    <>
      <SearchTable<ParticipationRow>
        endpoint={decisionsApi.participations}
        testId="participations-table"
        searchItems={<FilterSelect name="kind" label="类型" options={KIND_OPTIONS} width={140} />}
        toolbar={
          can('disclosure:decision:edit') ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              登记列席或开放日
            </Button>
          ) : null
        }
        columns={[
          labelColumn('类型', 'kind', PARTICIPATION_KIND_LABELS, 110),
          { title: '会议或活动', dataIndex: 'title' },
          { title: '单位', dataIndex: 'unitName', width: 140 },
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          {
            title: '公众 / 专家 / 媒体',
            key: 'counts',
            width: 150,
            render: (_: unknown, r) => `${r.publicCount} / ${r.expertCount} / ${r.mediaCount}`,
          },
        ]}
      />
      <DrawerForm<Values>
        title="登记列席或政府开放日"
        open={open}
        onClose={() => setOpen(false)}
        form={form}
        initialValues={{
          unitId: me.unitId,
          kind: 'attendance',
          publicCount: 0,
          expertCount: 0,
          mediaCount: 0,
        }}
        mutation={create}
        onFinish={(v) => create.mutate({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD') })}
      >
        <Form.Item name="unitId" label="单位" rules={required('请选择单位')}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="title" label="会议或活动名称" rules={required('请填写名称')}>
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={required('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input />
        </Form.Item>
        <Form.Item name="publicCount" label="公众代表（人）">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="expertCount" label="专家（人）">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="mediaCount" label="媒体（家）">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="summary" label="情况简述">
          <Input.TextArea rows={3} />
        </Form.Item>
      </DrawerForm>
    </>
  );
}

// 公开承诺台账: commitments in the user's scope (overdue in red), the 登记承诺 drawer, and a commitment's drawer with
// its progress entries, their evidence files (public on /hdjl/cn) and the form for the next entry.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Form, Input, List, Space, type TableProps, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  COMMITMENT_STATUS_LABELS,
  type CommitmentBody,
  type CommitmentInfo,
  type ProgressBody,
} from '../../../../contracts/hotline';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { DetailDrawer } from '../../../components/DetailDrawer';
import { DownloadButton } from '../../../components/DownloadButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { FITS_1366, SearchTable } from '../../../components/SearchTable';
import { statusColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { dueColumn } from '../components/deadlines';
import {
  hotlineApi,
  useAddProgress,
  useCancelCommitment,
  useCommitment,
  useCreateCommitment,
  useUploadEvidence,
} from '../hotline-queries';
import { COMMITMENT_STATUS_COLORS } from '../labels-hotline';

function NewCommitment({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<CommitmentBody>(onClose);
  const save = useCreateCommitment(saved);
  return (
    <DrawerForm<CommitmentBody>
      title="登记公开承诺"
      open={open}
      onClose={onClose}
      form={form}
      testId="commitment-new-drawer"
      saveLabel="登记"
      mutation={save}
    >
      <Form.Item name="content" label="承诺内容" rules={required('请填写承诺内容')}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="commitment-content" />
      </Form.Item>
      <Form.Item name="place" label="承诺场合" rules={required('请填写承诺场合')}>
        <Input placeholder="如：新闻发布会、舆情回应、信件答复" data-testid="commitment-place" />
      </Form.Item>
      <Form.Item name="unitId" label="责任单位" rules={required('请选择')}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="promisedOn" label="承诺日期" rules={required('请填写')}>
        <Input placeholder="YYYY-MM-DD" data-testid="commitment-promisedOn" />
      </Form.Item>
      <Form.Item name="dueOn" label="完成期限" rules={required('请填写')}>
        <Input placeholder="YYYY-MM-DD" data-testid="commitment-dueOn" />
      </Form.Item>
    </DrawerForm>
  );
}

function CommitmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const can = usePermission();
  const q = useCommitment(id);
  const [form] = Form.useForm<ProgressBody>();
  const add = useAddProgress(id ?? '', () => form.resetFields());
  const evidence = useUploadEvidence(id ?? '');
  const [reason, setReason] = useState('');
  const cancel = useCancelCommitment(id ?? '', () => setReason(''));
  const c = q.data;
  const editable = c?.status === 'ongoing' && can('interaction:commitment:edit');
  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      query={q}
      title={c ? `${c.commitNo} 落实进展` : '公开承诺'}
      width={760}
      testId="commitment-drawer"
    >
      {(c) => (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="承诺内容">{c.content}</Descriptions.Item>
            <Descriptions.Item label="承诺场合">{c.place}</Descriptions.Item>
            <Descriptions.Item label="责任单位">{c.unitName}</Descriptions.Item>
            <Descriptions.Item label="承诺日期 / 完成期限">
              {c.promisedOn} / {c.dueOn} {c.overdue ? <Tag color="red">已逾期</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              {COMMITMENT_STATUS_LABELS[c.status]}
              {c.completedOn ? `（${c.completedOn} 完成）` : ''}
            </Descriptions.Item>
          </Descriptions>
          <List
            header="落实进展（在门户“公开承诺”栏目公开）"
            dataSource={c.progress}
            locale={{ emptyText: '尚未填报进展' }}
            data-testid="commitment-progress"
            renderItem={(p) => (
              <List.Item
                actions={
                  editable
                    ? [
                        <Upload
                          key="up"
                          showUploadList={false}
                          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
                          beforeUpload={(file) => {
                            evidence.mutate({ pid: p.id, file });
                            return false;
                          }}
                        >
                          <Button size="small" icon={<UploadOutlined />} loading={evidence.isPending}>
                            佐证材料
                          </Button>
                        </Upload>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={`${p.on} · ${p.by}`}
                  description={
                    <>
                      <div>{p.text}</div>
                      {p.evidence.map((e) => (
                        <DownloadButton
                          key={e.fileId}
                          endpoint={hotlineApi.evidence}
                          args={{ params: { id: c.id, fileId: e.fileId } }}
                          fallbackName={e.name}
                          label={e.name}
                        />
                      ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {editable ? (
            <Form<ProgressBody>
              form={form}
              layout="vertical"
              initialValues={{ complete: false }}
              onFinish={(v) => add.mutate(v)}
              data-testid="progress-form"
            >
              <Form.Item name="on" label="进展日期" rules={required('请填写')}>
                <Input placeholder="YYYY-MM-DD" data-testid="progress-on" />
              </Form.Item>
              <Form.Item name="text" label="进展情况" rules={required('请填写进展情况')}>
                <Input.TextArea rows={3} data-testid="progress-text" />
              </Form.Item>
              <Form.Item name="complete" valuePropName="checked">
                <Checkbox>承诺事项已全部完成</Checkbox>
              </Form.Item>
              {add.error ? <div role="alert">{add.error.message}</div> : null}
              <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="progress-save">
                填报进展
              </Button>
            </Form>
          ) : null}
          {editable ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label="撤销理由"
                placeholder="撤销理由（撤销后不再在门户显示）"
                value={reason}
                onChange={(ev) => setReason(ev.target.value)}
                data-testid="commitment-cancel-reason"
              />
              <Button
                danger
                loading={cancel.isPending}
                onClick={() => cancel.mutate(reason)}
                data-testid="commitment-cancel"
              >
                撤销承诺
              </Button>
            </Space.Compact>
          ) : null}
          {cancel.error ? <div role="alert">{cancel.error.message}</div> : null}
        </>
      )}
    </DetailDrawer>
  );
}

export default function CommitmentsPage() {
  const [open, setOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const show = (id: string | null) => setParams(id ? { id } : {});
  const columns: TableProps<CommitmentInfo>['columns'] = [
    {
      title: '编号',
      dataIndex: 'commitNo',
      width: 120,
      render: (v: string, r) => (
        <Button type="link" onClick={() => show(r.id)} data-testid={`commitment-${v}`}>
          {v}
        </Button>
      ),
    },
    { title: '承诺内容', dataIndex: 'content', ellipsis: true },
    { title: '承诺场合', dataIndex: 'place', width: 160, ellipsis: true },
    { title: '责任单位', dataIndex: 'unitName', width: 140, ellipsis: true },
    dueColumn('完成期限', 'dueOn'),
    { title: '最近进展', dataIndex: 'lastProgress', width: 110, render: (v: string | null) => v ?? '—' },
    statusColumn(COMMITMENT_STATUS_LABELS, COMMITMENT_STATUS_COLORS, 100),
  ];
  return (
    <PageContainer
      title="公开承诺台账"
      testId="commitments-page"
      extra={
        <CreateButton
          permission="interaction:commitment:edit"
          onClick={() => setOpen(true)}
          testId="commitment-new"
        >
          登记承诺
        </CreateButton>
      }
    >
      <SearchTable<CommitmentInfo>
        endpoint={hotlineApi.listCommitments}
        columns={columns}
        scrollX={FITS_1366}
        testId="commitment-table"
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" placeholder="编号、内容或场合" width={180} />
            <FilterSelect name="status" label="状态" labels={COMMITMENT_STATUS_LABELS} width={110} />
            <FilterSelect name="overdue" label="逾期" labels={{ true: '已逾期' }} width={100} />
          </>
        }
      />
      <NewCommitment open={open} onClose={() => setOpen(false)} />
      <CommitmentDrawer id={selected} onClose={() => show(null)} />
    </PageContainer>
  );
}

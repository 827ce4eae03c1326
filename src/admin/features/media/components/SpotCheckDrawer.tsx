// 抽查 of one 政务新媒体 account: the records (verdict, vetoes, screenshots) and, for the office, a new spot check
// with its screenshots (uploaded first, type checked by content on the server).
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Space, Table, Tag, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccountRow, SpotCheck } from '../../../../contracts/media';
import { ACCOUNT_VETO_LABELS } from '../../../../domain/media/newmedia';
import { ApiError, downloadFrom, uploadTo } from '../../../api';
import { usePermission } from '../../../auth';
import { SubmitButton } from '../../../components/SubmitButton';
import { newMediaApi, useCreateSpotCheck, useSpotChecks } from '../queries';
import { VerdictTag } from './registerParts';

interface SpotForm {
  checkedOn?: Dayjs;
  interactionWorks: boolean;
  note?: string;
}

export function SpotCheckDrawer({ account, onClose }: { account: AccountRow; onClose: () => void }) {
  const can = usePermission();
  const { message } = App.useApp();
  const [form] = Form.useForm<SpotForm>();
  const [shots, setShots] = useState<{ fileId: string; name: string }[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const checks = useSpotChecks(account.id);
  const create = useCreateSpotCheck(account.id, () => {
    void message.success('抽查已记录');
    form.resetFields();
    setShots([]);
  });
  return (
    <Drawer open size={880} title={`抽查：${account.name}`} onClose={onClose} data-testid="spot-drawer">
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {can('media:spot:check') ? (
          <Form<SpotForm>
            form={form}
            layout="vertical"
            initialValues={{ interactionWorks: true }}
            onFinish={(v) =>
              create.mutate({
                ...(v.checkedOn ? { checkedOn: v.checkedOn.format('YYYY-MM-DD') } : {}),
                interactionWorks: v.interactionWorks,
                note: v.note ?? '',
                evidenceFileIds: shots.map((s) => s.fileId),
              })
            }
          >
            <Space wrap>
              <Form.Item name="checkedOn" label="抽查日期">
                <DatePicker placeholder="默认今天" />
              </Form.Item>
              <Form.Item name="interactionWorks" label="互动功能">
                <Radio.Group data-testid="spot-interaction">
                  <Radio value={true}>可用</Radio>
                  <Radio value={false}>不可用</Radio>
                </Radio.Group>
              </Form.Item>
            </Space>
            <Form.Item name="note" label="抽查说明">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item label="截图（至少一张，.png/.jpg/.pdf）" required>
              <Upload
                accept=".png,.jpg,.jpeg,.pdf"
                showUploadList={false}
                beforeUpload={(file) => {
                  setUploadError(null);
                  uploadTo(newMediaApi.uploadEvidence, file)
                    .then((r) => setShots((s) => [...s, { fileId: r.fileId, name: r.name }]))
                    .catch((e) => setUploadError(e instanceof ApiError ? e.message : '上传失败'));
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button data-testid="spot-upload">上传截图</Button>
              </Upload>
              <div data-testid="spot-shots">
                {shots.map((s) => (
                  <Tag key={s.fileId}>{s.name}</Tag>
                ))}
              </div>
              {uploadError ? <Alert type="error" showIcon title={uploadError} /> : null}
            </Form.Item>
            <SubmitButton saving={create} disabled={shots.length === 0} data-testid="spot-save">
              记录抽查
            </SubmitButton>
          </Form>
        ) : null}
        <Table<SpotCheck>
          size="small"
          rowKey="id"
          loading={checks.isLoading}
          dataSource={checks.data ?? []}
          pagination={{ pageSize: 10 }}
          data-testid="spot-table"
          columns={[
            { title: '抽查日期', dataIndex: 'checkedOn', width: 110 },
            {
              title: '结论',
              dataIndex: 'verdict',
              width: 80,
              render: (v: string) => <VerdictTag verdict={v} />,
            },
            { title: '最近发布', dataIndex: 'lastPost', width: 110, render: (d: string | null) => d ?? '无' },
            {
              title: '单项否决',
              dataIndex: 'vetoes',
              render: (vs: SpotCheck['vetoes']) =>
                vs.length
                  ? vs.map((v) => <div key={v.rule}>{`${ACCOUNT_VETO_LABELS[v.rule]}：${v.detail}`}</div>)
                  : '—',
            },
            {
              title: '截图',
              dataIndex: 'evidence',
              width: 180,
              render: (es: SpotCheck['evidence']) =>
                es.map((e) => (
                  <Button
                    key={e.fileId}
                    size="small"
                    type="link"
                    onClick={() =>
                      void downloadFrom(newMediaApi.evidence, e.name, { params: { fileId: e.fileId } }).catch(
                        () => void message.error('下载失败'),
                      )
                    }
                  >
                    {e.name}
                  </Button>
                )),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}

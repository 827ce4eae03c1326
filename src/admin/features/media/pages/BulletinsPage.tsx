// 检查通报: the office generates the quarterly or half-yearly .docx (公文 layout, 文号 from the settings), checks the
// figures, downloads it, and publishes it on the portal (/xxgk/wzjc).
import { App, Button, Form, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { type Bulletin, newMediaApi } from '../../../../contracts/media';
import { BULLETIN_PERIODS, type BulletinPeriod, periodRange } from '../../../../domain/media/bulletin';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { actionsColumn } from '../../../components/StatusTag';
import { chinaYear } from '../../../components/YearInput';
import { useBulletins, useCreateBulletin, usePublishBulletin } from '../queries';

const PERIOD_OPTIONS = BULLETIN_PERIODS.map((p) => ({
  value: p,
  label: periodRange(2000, p).label.replace(/^2000年/, ''),
}));

export default function BulletinsPage() {
  const can = usePermission();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; period: BulletinPeriod }>();
  const list = useBulletins();
  const create = useCreateBulletin(() => void message.success('通报已生成'));
  const publish = usePublishBulletin(() => void message.success('已在门户网站发布'));
  return (
    <PageContainer title="检查通报" testId="media-bulletins-page">
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {can('media:bulletin:manage') ? (
          <Form
            form={form}
            layout="inline"
            initialValues={{ year: chinaYear(), period: 'Q1' }}
            onFinish={(v) => create.mutate(v)}
          >
            <Form.Item name="year" label="年度" rules={required('请填写年度')}>
              <InputNumber min={2000} max={2100} aria-label="年度" />
            </Form.Item>
            <Form.Item name="period" label="期间">
              <Select options={PERIOD_OPTIONS} style={{ width: 120 }} aria-label="期间" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="bulletin-create">
              生成通报
            </Button>
          </Form>
        ) : null}
        <Table<Bulletin>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="bulletins-table"
          scroll={{ x: 1000 }}
          columns={[
            { title: '通报', dataIndex: 'title' },
            { title: '文号', dataIndex: 'docNumber', width: 150 },
            {
              title: '政府网站',
              key: 'sites',
              width: 170,
              render: (_, b) => `检查${b.figures.sites.checked}个，不合格${b.figures.sites.failed}个`,
            },
            {
              title: '政务新媒体',
              key: 'accounts',
              width: 170,
              render: (_, b) => `抽查${b.figures.accounts.checked}个，不合格${b.figures.accounts.failed}个`,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: Bulletin['status']) =>
                s === 'published' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>,
            },
            actionsColumn(
              200,
              (b) => (
                <Space size={0}>
                  <DownloadButton
                    endpoint={newMediaApi.bulletinFile}
                    args={{ params: { id: b.id } }}
                    fallbackName={`${b.title}.docx`}
                    label="下载"
                  />
                  {can('media:bulletin:manage') && b.status === 'draft' ? (
                    <Popconfirm title="在门户网站发布该通报？" onConfirm={() => publish.mutate(b.id)}>
                      <Button type="link" size="small" data-testid="bulletin-publish">
                        发布
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
              'op',
            ),
          ]}
        />
      </Space>
    </PageContainer>
  );
}

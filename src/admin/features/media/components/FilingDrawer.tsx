// 提交备案: 开设/变更/关停/注销 of a website or 政务新媒体 account, with the signed, sealed request scan (required).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type FilingInput, mediaApi } from '../../../../contracts/media';
import { FILING_KINDS, MEDIA_PLATFORMS } from '../../../../domain/media/registry';
import { uploadTo } from '../../../api';
import { DrawerForm } from '../../../components/DrawerForm';
import { required } from '../../../components/formRules';
import { UnitTreeSelect } from '../../../components/units';
import { showError } from '../../../queryClient';
import { FILING_KIND_LABELS, MEDIA_PLATFORM_LABELS } from '../labels';
import { useRegisterOptions, useSubmitFiling } from '../queries';

type Values = FilingInput;

export function FilingDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [scan, setScan] = useState<{ fileId: string; name: string } | null>(null);
  const kind = Form.useWatch('kind', form);
  const target = Form.useWatch('target', form);
  const options = useRegisterOptions();
  const submit = useSubmitFiling(() => {
    void message.success('备案申请已提交，待政务公开办审核');
    setScan(null);
    onClose();
  });
  const register = target === 'account' ? options.accounts.data?.items : options.websites.data?.items;
  return (
    <DrawerForm<Values>
      title="提交备案申请"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ kind: 'open', target: 'website' }}
      mutation={submit}
      saveLabel="提交"
      testId="filing-drawer"
      width={600}
      onFinish={(v) =>
        submit.mutate({ ...v, note: v.note ?? '', ...(scan ? { scanFileId: scan.fileId } : {}) })
      }
    >
      <Form.Item name="kind" label="备案类型" rules={[{ required: true }]}>
        <Select options={FILING_KINDS.map((k) => ({ value: k, label: FILING_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="target" label="渠道" rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'website', label: '政府网站' },
            { value: 'account', label: '政务新媒体账号' },
          ]}
        />
      </Form.Item>
      {kind === 'open' ? (
        <Form.Item name="unitId" label="主办单位" rules={required('请选择主办单位')}>
          <UnitTreeSelect />
        </Form.Item>
      ) : (
        <Form.Item name="targetId" label="登记册中的渠道" rules={required('请选择')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(register ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.unitName}）` }))}
          />
        </Form.Item>
      )}
      {kind === 'open' || kind === 'change' ? (
        target === 'account' ? (
          <>
            <Form.Item name={['account', 'platform']} label="平台" rules={required('请选择平台')}>
              <Select options={MEDIA_PLATFORMS.map((p) => ({ value: p, label: MEDIA_PLATFORM_LABELS[p] }))} />
            </Form.Item>
            <Form.Item name={['account', 'name']} label="账号名称" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={['account', 'accountId']} label="账号ID" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={['account', 'sponsor']} label="主办单位" initialValue="">
              <Input />
            </Form.Item>
            <Form.Item name={['account', 'maintainer']} label="运维单位" initialValue="">
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name={['website', 'name']} label="网站名称" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={['website', 'url']} label="网址" rules={[{ required: true }]}>
              <Input placeholder="https://" />
            </Form.Item>
            {(
              [
                ['siteCode', '网站标识码'],
                ['icp', 'ICP备案号'],
                ['psb', '公安机关备案号'],
                ['sponsor', '主办单位'],
                ['operator', '承办单位'],
              ] as const
            ).map(([name, label]) => (
              <Form.Item key={name} name={['website', name]} label={label} initialValue="">
                <Input />
              </Form.Item>
            ))}
          </>
        )
      ) : null}
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="申请扫描件（主要负责人签字并加盖公章）" required>
        <Upload
          accept=".pdf,.png,.jpg,.jpeg"
          showUploadList={false}
          beforeUpload={async (file) => {
            try {
              const r = await uploadTo(mediaApi.uploadScan, file);
              setScan({ fileId: r.fileId, name: r.name });
            } catch (e) {
              showError(e);
            }
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />}>上传扫描件</Button>
        </Upload>
        <Typography.Text type={scan ? undefined : 'secondary'} style={{ marginLeft: 8 }}>
          {scan ? scan.name : '未上传：没有扫描件的申请不予受理'}
        </Typography.Text>
      </Form.Item>
    </DrawerForm>
  );
}

// 年报设置 (issue 13 part 2): whose figures the 区人民政府's report counts (its own, as table 二, or the whole
// district) and the 镇街 deadline (the 条例 sets none). Shown to those who publish reports.
import { App, Card, Form, Input, Radio } from 'antd';
import type { ReportSettingsInput } from '../../../../contracts/reports';
import { SettingsForm } from '../../../components/SettingsForm';
import { useReportSettings, useSaveReportSettings } from '../queries';

export function ReportSettingsCard() {
  const { message } = App.useApp();
  const settings = useReportSettings();
  const save = useSaveReportSettings(() => void message.success('年报设置已保存'));
  if (!settings.data) return null;
  return (
    <Card size="small" title="年报设置" data-testid="report-settings">
      <SettingsForm<ReportSettingsInput>
        initialValues={settings.data}
        loadedAt={settings.dataUpdatedAt}
        save={save}
        saveLabel="保存年报设置"
      >
        <Form.Item
          name="governmentScope"
          label="区人民政府年报表三、表四的统计口径"
          extra="默认只统计区人民政府本级办理的申请，与表二一致；选“全区”时表三、表四和表二的规范性文件数含各部门、镇街。"
        >
          <Radio.Group
            options={[
              { value: 'own', label: '本级' },
              { value: 'district', label: '全区' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="townshipDeadline"
          label="镇街年报公布期限（次年 月-日）"
          extra="条例未规定乡镇、街道年报的公布日期，按本省要求填写，如 01-31、02-20。"
          rules={[
            { required: true, message: '请填写公布期限' },
            { pattern: /^\d{2}-\d{2}$/, message: '请按 月-日 填写，如 02-20' },
          ]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
      </SettingsForm>
    </Card>
  );
}

// 发布设置: 索引号 rule, 三同步 (and the minimum number of interpretation forms of a major policy), distinct
// reviewers, sensitive words, and per unit its review levels and its 政府信息公开指南 (条例 Art. 12), shown on the
// portal at /xxgk/guide?unit=….
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { DisclosureSettings, UnitGuide } from '../../../../contracts/disclosure';
import { useCurrentUser } from '../../../auth';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SettingsForm } from '../../../components/SettingsForm';
import { UnitTreeSelect } from '../../../components/units';
import { useInterpretationSettings, useSaveInterpretationSettings } from '../interpretation-queries';
import {
  useDisclosureSettings,
  useSaveSettings,
  useSaveUnitGuide,
  useSaveUnitLevels,
  useUnitGuide,
  useUnitSettings,
} from '../queries';

/** The 指南's fields (条例 Art. 12): name, label, required, several lines. */
const GUIDE_FIELDS: [keyof UnitGuide, string, boolean, boolean][] = [
  ['classification', '政府信息的分类与编排', true, true],
  ['howToObtain', '获取政府信息的方式', true, true],
  ['officeName', '工作机构名称', true, false],
  ['address', '办公地址', true, false],
  ['hours', '办公时间', true, false],
  ['phone', '联系电话', true, false],
  ['fax', '传真', false, false],
  ['website', '网址', false, false],
  ['email', '电子邮箱', false, false],
];

interface FormValues extends Omit<DisclosureSettings, 'sensitiveWords'> {
  sensitiveWords: string;
}

export default function SettingsPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [unitId, setUnitId] = useState(me.unitId);
  const [levels, setLevels] = useState<string[]>([]);
  const settings = useDisclosureSettings();
  const unitLevels = useUnitSettings(unitId);
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({ ...settings.data, sensitiveWords: settings.data.sensitiveWords.join('\n') });
  }, [settings.data, form]);
  useEffect(() => {
    if (unitLevels.data) setLevels(unitLevels.data.reviewLevels);
  }, [unitLevels.data]);
  const saveSettings = useSaveSettings(() => void message.success('已保存'));
  const save = {
    isPending: saveSettings.isPending,
    mutate: (v: FormValues) =>
      saveSettings.mutate({
        indexRule: v.indexRule,
        distinctReviewers: v.distinctReviewers,
        requireInterpretation: v.requireInterpretation,
        sensitiveWords: v.sensitiveWords
          .split(/[\n,，、]+/)
          .map((w) => w.trim())
          .filter(Boolean),
      }),
  };
  const interpretation = useInterpretationSettings();
  const saveInterpretation = useSaveInterpretationSettings(() => void message.success('解读形式要求已保存'));
  const unitGuide = useUnitGuide(unitId);
  const saveGuide = useSaveUnitGuide(unitId, () => void message.success('公开指南已保存'));
  const saveLevels = useSaveUnitLevels(unitId, () => void message.success('审核级别已保存'));
  return (
    <PageContainer title="发布设置" testId="disclosure-settings-page">
      <Flex vertical gap={16}>
        <Card size="small" title="全区设置">
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={(v) => save.mutate(v)}
            style={{ maxWidth: 640 }}
          >
            <Form.Item
              name="indexRule"
              label="索引号规则"
              extra="占位符：{unit} 单位代码、{cat} 第二十条类别、{year} 年份、{seq:5} 五位顺序号"
            >
              <Input />
            </Form.Item>
            <Form.Item name="distinctReviewers" valuePropName="checked">
              <Checkbox>各审核级别须由不同的人审核</Checkbox>
            </Form.Item>
            <Form.Item name="requireInterpretation" valuePropName="checked">
              <Checkbox>提示未同步发布解读的政策（三同步）</Checkbox>
            </Form.Item>
            <Form.Item name="sensitiveWords" label="敏感词（每行一个，命中即阻断发布）">
              <Input.TextArea rows={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          </Form>
        </Card>
        <Card size="small" title="政策解读（三同步）">
          {interpretation.data ? (
            <SettingsForm<{ majorMinForms: number }>
              initialValues={interpretation.data}
              loadedAt={interpretation.dataUpdatedAt}
              save={saveInterpretation}
              saveLabel="保存解读形式要求"
              testId="interpretation-settings"
            >
              <Form.Item
                name="majorMinForms"
                label="重大政策解读形式不得少于（种）"
                extra="文字、图解、音视频、问答、新闻发布会、访谈等不同形式；未达到的重大政策不能通过终审。"
                rules={required('请填写种数')}
              >
                <InputNumber min={1} max={10} precision={0} />
              </Form.Item>
            </SettingsForm>
          ) : null}
        </Card>
        <Card size="small" title="单位审核级别（默认 初审 → 复审 → 终审）">
          <Flex vertical gap={8} style={{ maxWidth: 640 }}>
            <UnitTreeSelect
              aria-label="单位"
              value={unitId}
              onChange={(v) => v && setUnitId(v)}
              style={{ width: '100%' }}
            />
            <Select
              aria-label="审核级别"
              mode="tags"
              value={levels}
              onChange={setLevels}
              placeholder="输入级别名称后回车"
            />
            <Button
              onClick={() => saveLevels.mutate(levels)}
              disabled={levels.length === 0}
              loading={saveLevels.isPending}
            >
              保存审核级别
            </Button>
          </Flex>
        </Card>
        <Card
          size="small"
          title="单位政府信息公开指南（条例第十二条）"
          extra={
            <a href={`/xxgk/guide?unit=${unitId}`} target="_blank" rel="noreferrer">
              在门户查看
            </a>
          }
        >
          {/* Remounted per unit and per load so initialValues always show the saved guide. */}
          <Form<UnitGuide>
            key={`${unitId}-${unitGuide.dataUpdatedAt}`}
            initialValues={unitGuide.data?.guide ?? undefined}
            layout="vertical"
            onFinish={(v) => saveGuide.mutate(v)}
            style={{ maxWidth: 640 }}
            data-testid="guide-form"
          >
            <Form.Item label="单位">
              <UnitTreeSelect
                aria-label="单位"
                value={unitId}
                onChange={(v) => v && setUnitId(v)}
                style={{ width: '100%' }}
              />
            </Form.Item>
            {GUIDE_FIELDS.map(([name, label, mandatory, long]) => (
              <Form.Item
                key={name}
                name={name}
                label={label}
                rules={name === 'email' ? [{ type: 'email' }] : mandatory ? [{ required: true }] : undefined}
              >
                {long ? <Input.TextArea rows={3} /> : <Input />}
              </Form.Item>
            ))}
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={saveGuide.isPending}>
                保存公开指南
              </Button>
              <Button onClick={() => saveGuide.mutate(null)} disabled={!unitGuide.data?.guide}>
                恢复为自动生成
              </Button>
            </Flex>
          </Form>
        </Card>
      </Flex>
    </PageContainer>
  );
}

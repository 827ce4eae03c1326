import { Alert, App, Button, Card, Form, Radio, Skeleton } from 'antd';
import {
  type SecuritySettings,
  TWO_FACTOR_SCOPE_LABELS,
  TWO_FACTOR_SCOPES,
} from '../../../../contracts/system';
import { usePermission } from '../../../auth';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { RetentionCard } from '../components/RetentionCard';
import { WholeNumberItem } from '../components/WholeNumberItem';
import { useSaveSecuritySettings, useSecuritySettings } from '../queries';

const FIELDS: {
  name: Exclude<keyof SecuritySettings, 'twoFactorScope'>;
  label: string;
  unit: string;
  min: number;
  max: number;
  help: string;
}[] = [
  { name: 'passwordMinLength', label: '密码最小长度', unit: '位', min: 8, max: 64, help: '不少于 8 位' },
  {
    name: 'passwordMinClasses',
    label: '密码字符种类',
    unit: '类',
    min: 1,
    max: 4,
    help: '大写字母、小写字母、数字、特殊字符中至少包含的种类数',
  },
  {
    name: 'challengeThreshold',
    label: '需验证的失败次数',
    unit: '次',
    min: 1,
    max: 10,
    help: '同一账号名或同一来源地址连续失败达到该次数后，再登录须先答对验证题，且每次尝试间隔逐步加长',
  },
  {
    name: 'hardLockThreshold',
    label: '登录失败锁定次数',
    unit: '次',
    min: 3,
    max: 100,
    help: '连续失败达到该次数后锁定账号（时长见下）并通知安全管理员；锁定到期自动解除，他人无法借此长期锁住账号',
  },
  {
    name: 'lockoutMinutes',
    label: '锁定时长',
    unit: '分钟',
    min: 1,
    max: 1440,
    help: '锁定后自动解锁的时间',
  },
  {
    name: 'sessionIdleMinutes',
    label: '会话空闲超时',
    unit: '分钟',
    min: 5,
    max: 720,
    help: '无操作超过该时长需重新登录',
  },
  {
    name: 'sessionAbsoluteMinutes',
    label: '会话最长有效期',
    unit: '分钟',
    min: 30,
    max: 1440,
    help: '自登录起超过该时长，无论是否操作都需重新登录（默认 12 小时）',
  },
  {
    name: 'passwordMaxAgeDays',
    label: '密码有效期',
    unit: '天',
    min: 0,
    max: 365,
    help: '密码设置超过该天数后，登录须先修改密码才能继续操作；0 表示不强制定期修改（默认 90 天）',
  },
];

export default function SecurityPage() {
  const can = usePermission();
  const { message } = App.useApp();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings(() => void message.success('安全策略已保存'));
  const readOnly = !can('system:security:update');

  return (
    <PageContainer title="安全策略" testId="security-page">
      <Card style={{ maxWidth: 640 }}>
        {readOnly ? <Alert type="info" showIcon title="您只有查看权限" style={{ marginBottom: 16 }} /> : null}
        {settings.data ? (
          <Form<SecuritySettings>
            layout="horizontal"
            labelCol={{ span: 8 }}
            wrapperCol={{ span: 16 }}
            initialValues={settings.data}
            disabled={readOnly}
            onFinish={(v) => save.mutate(v)}
          >
            {FIELDS.map((f) => (
              <WholeNumberItem key={f.name} {...f} testId={`security-${f.name}`} />
            ))}
            <Form.Item
              name="twoFactorScope"
              label="后台账号必须启用两步验证"
              extra="所选账号凭密码登录后只能先设置两步验证（手机验证器 TOTP），设置后每次登录须输入验证码。正式部署默认全部后台账号，演示区县默认仅三员；未配置短信网关，不提供短信验证码。"
              rules={required('请选择须启用两步验证的账号范围')}
            >
              <Radio.Group
                data-testid="security-twoFactorScope"
                options={TWO_FACTOR_SCOPES.map((v) => ({ value: v, label: TWO_FACTOR_SCOPE_LABELS[v] }))}
              />
            </Form.Item>
            {readOnly ? null : (
              <Form.Item wrapperCol={{ offset: 8 }}>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
                  保存
                </Button>
              </Form.Item>
            )}
          </Form>
        ) : (
          <Skeleton active />
        )}
      </Card>
      <RetentionCard readOnly={readOnly} />
    </PageContainer>
  );
}

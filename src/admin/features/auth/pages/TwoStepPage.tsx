import { Alert, App, Button, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { required } from '../../../components/formRules';
import { SubmitButton } from '../../../components/SubmitButton';
import { PageFallback } from '../../../layout/AdminLayout';
import { AccountCard } from '../components/AccountCard';
import { useTotpConfirm, useTotpDisable, useTotpSetup, useTotpStatus } from '../queries';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试');
/** A form item's error state from its mutation: the server's message under the field. */
const errorHelp = (error: unknown) =>
  error
    ? { validateStatus: 'error' as const, help: errorText(error) }
    : { validateStatus: undefined, help: undefined };

/**
 * 两步验证: set up an authenticator (the otpauth:// address and the secret as text, for any authenticator app),
 * confirm it with a code, and see the recovery codes once. Forced for the 三员 accounts while not set up.
 */
export function TwoStepPage() {
  const me = useMe();
  const status = useTotpStatus();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useTotpSetup();
  const confirm = useTotpConfirm(setCodes);
  const disable = useTotpDisable();

  if (me.isPending || status.isPending) return <PageFallback />;
  if (me.isError || status.isError) return <Navigate to="/login" replace />;
  if (me.data.mustChangePassword) return <Navigate to="/password" replace />;
  const s = status.data;
  const pending = setup.data && !s.enabled;

  return (
    <AccountCard
      title="两步验证"
      width={520}
      testId="two-step-page"
      forced={
        me.data.mustEnrollTotp
          ? {
              text: '系统管理员、安全管理员和审计管理员账号须先设置两步验证，才能使用系统。',
              testId: 'two-step-forced',
            }
          : null
      }
    >
      {codes ? (
        <>
          <Alert
            type="success"
            showIcon
            title="两步验证已开启。以下恢复码只显示这一次，请抄写或打印后妥善保管；每个恢复码只能使用一次。"
            style={{ marginBottom: 16 }}
          />
          <List
            size="small"
            bordered
            dataSource={codes}
            renderItem={(c) => (
              <List.Item>
                <Typography.Text code copyable>
                  {c}
                </Typography.Text>
              </List.Item>
            )}
            data-testid="two-step-recovery-codes"
          />
          <Button type="primary" style={{ marginTop: 16 }} onClick={() => navigate('/', { replace: true })}>
            我已保存恢复码，进入系统
          </Button>
        </>
      ) : s.enabled ? (
        <>
          <Alert
            type="info"
            showIcon
            title={`两步验证已开启，剩余恢复码 ${s.recoveryCodesLeft} 个。`}
            style={{ marginBottom: 16 }}
            data-testid="two-step-enabled"
          />
          {s.required ? (
            <Typography.Paragraph type="secondary">本账号必须使用两步验证，不能关闭。</Typography.Paragraph>
          ) : (
            <Form<{ password: string }>
              layout="vertical"
              onFinish={(v) =>
                disable.mutate(v.password, { onSuccess: () => void message.success('两步验证已关闭') })
              }
            >
              <Form.Item
                label="关闭两步验证（请输入登录密码）"
                name="password"
                rules={required('请输入密码')}
                {...errorHelp(disable.error)}
              >
                <Input.Password autoComplete="current-password" data-testid="two-step-disable-password" />
              </Form.Item>
              <Button danger htmlType="submit" loading={disable.isPending}>
                关闭两步验证
              </Button>
            </Form>
          )}
          <Button type="link" onClick={() => navigate('/')} style={{ paddingLeft: 0 }}>
            返回
          </Button>
        </>
      ) : pending ? (
        <>
          <Typography.Paragraph>
            1. 在手机上打开身份验证器应用（如 FreeOTP、Microsoft Authenticator
            等），选择“手动输入密钥”，输入下面的密钥； 或把下面的 otpauth
            地址交给支持它的应用或二维码生成工具。
          </Typography.Paragraph>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <Typography.Text>
              密钥：
              <Typography.Text code copyable data-testid="two-step-secret">
                {setup.data.secret}
              </Typography.Text>
            </Typography.Text>
            <Typography.Text
              type="secondary"
              copyable={{ text: setup.data.uri }}
              style={{ wordBreak: 'break-all' }}
            >
              {setup.data.uri}
            </Typography.Text>
          </Space>
          <Form<{ code: string }> layout="vertical" onFinish={(v) => confirm.mutate(v.code)}>
            <Form.Item
              label="2. 输入应用显示的 6 位验证码"
              name="code"
              rules={required('请输入验证码')}
              {...errorHelp(confirm.error)}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" data-testid="two-step-code" />
            </Form.Item>
            <SubmitButton saving={confirm} data-testid="two-step-confirm">
              确认开启
            </SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            开启后，登录时除密码外还需输入手机身份验证器应用生成的动态验证码，账号密码泄露后他人也无法登录。
          </Typography.Paragraph>
          {setup.error ? <Alert type="error" showIcon title={errorText(setup.error)} /> : null}
          <Space>
            <Button
              type="primary"
              loading={setup.isPending}
              onClick={() => setup.mutate({})}
              data-testid="two-step-start"
            >
              开始设置
            </Button>
            {me.data.mustEnrollTotp ? null : <Button onClick={() => navigate('/')}>返回</Button>}
          </Space>
        </>
      )}
    </AccountCard>
  );
}

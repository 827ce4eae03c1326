import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CurrentUser } from '../../../../contracts/api';
import { ApiError } from '../../../api';
import { ME_KEY } from '../../../auth';
import { required } from '../../../components/formRules';
import { challengeNext, loginErrorText } from '../lockInfo';
import { loginWithCode, loginWithPassword, newChallenge } from '../queries';

interface LoginForm {
  username: string;
  password: string;
  challengeAnswer?: string;
  code?: string;
}

type Step =
  | { kind: 'password'; challenge: { id: string; question: string } | null }
  | { kind: 'code'; mfaToken: string };

/** Only paths inside the console are accepted as redirect targets (no open redirect). */
function safeRedirect(raw: string | null): string {
  if (!raw) return '/';
  const inApp = raw.startsWith('/admin') ? raw.slice('/admin'.length) || '/' : raw;
  return inApp.startsWith('/') && !inApp.startsWith('//') && !inApp.startsWith('/login') ? inApp : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const qc = useQueryClient();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'password', challenge: null });

  const askChallenge = async () => {
    form.setFieldValue('challengeAnswer', undefined);
    setStep({ kind: 'password', challenge: await newChallenge() });
  };
  const enter = (user: CurrentUser) => {
    qc.clear();
    qc.setQueryData(ME_KEY, user);
    const next = user.mustChangePassword
      ? '/password'
      : user.mustEnrollTotp
        ? '/two-step'
        : safeRedirect(search.get('redirect'));
    navigate(next, { replace: true });
  };
  const login = useMutation({
    mutationFn: async (v: LoginForm) => {
      if (step.kind === 'code') return loginWithCode({ mfaToken: step.mfaToken, code: v.code ?? '' });
      return loginWithPassword({
        username: v.username,
        password: v.password,
        ...(step.challenge
          ? { challengeId: step.challenge.id, challengeAnswer: v.challengeAnswer ?? '' }
          : {}),
      });
    },
    meta: { silent: true },
    onSuccess: (r) => {
      if ('mfaRequired' in r) {
        form.setFieldValue('code', undefined);
        setStep({ kind: 'code', mfaToken: r.mfaToken });
      } else enter(r as CurrentUser);
    },
    onError: async (e) => {
      setError(e instanceof ApiError ? loginErrorText(e.message, e.details, Date.now()) : '登录失败，请重试');
      if (!(e instanceof ApiError)) return;
      // A pending second step that expired or took too many codes: back to the password.
      if (step.kind === 'code') {
        if (e.code === 'UNAUTHENTICATED' && /重新/.test(e.message))
          setStep({ kind: 'password', challenge: null });
      } else if (e.code === 'CHALLENGE_REQUIRED' || challengeNext(e.details) || step.challenge) {
        // A challenge is used up by any answer: a new one for the next try.
        await askChallenge().catch(() => {});
      }
    },
  });

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f0ff 0%, #f5f7fa 100%)',
      }}
    >
      <Card style={{ width: 380 }} data-testid="login-page">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          政务公开管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          请使用您的账号登录
        </Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setError(null);
            login.mutate(v);
          }}
        >
          {step.kind === 'password' ? (
            <>
              <Form.Item label="用户名" name="username" rules={required('请输入用户名')}>
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  data-testid="login-username"
                />
              </Form.Item>
              <Form.Item label="密码" name="password" rules={required('请输入密码')}>
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              {step.challenge ? (
                <Form.Item
                  label={`验证题：${step.challenge.question}`}
                  name="challengeAnswer"
                  extra={
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => void askChallenge()}
                    >
                      换一题
                    </Button>
                  }
                  rules={required('请输入计算结果')}
                >
                  <Input inputMode="numeric" autoComplete="off" data-testid="login-challenge" />
                </Form.Item>
              ) : null}
            </>
          ) : (
            <Form.Item
              label="动态验证码"
              name="code"
              extra="请输入身份验证器中的 6 位验证码；手机不在身边时可输入一个恢复码。"
              rules={required('请输入验证码')}
            >
              <Input autoComplete="one-time-code" autoFocus data-testid="login-code" />
            </Form.Item>
          )}
          {step.kind === 'code' ? (
            <Button
              type="link"
              style={{ padding: 0, marginBottom: 8 }}
              onClick={() => setStep({ kind: 'password', challenge: null })}
            >
              返回重新输入用户名和密码
            </Button>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CurrentUser } from '../../../../contracts/api';
import { ApiError, post } from '../../../api';
import { ME_KEY } from '../../../auth';
import { loginErrorText } from '../lockInfo';

interface LoginForm {
  username: string;
  password: string;
}

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
  const [error, setError] = useState<string | null>(null);
  const login = useMutation({
    mutationFn: (v: LoginForm) => post<CurrentUser>('/auth/login', v),
    meta: { silent: true },
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(ME_KEY, user);
      navigate(user.mustChangePassword ? '/password' : safeRedirect(search.get('redirect')), {
        replace: true,
      });
    },
    onError: (e) => {
      setError(e instanceof ApiError ? loginErrorText(e.message, e.details, Date.now()) : '登录失败，请重试');
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
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setError(null);
            login.mutate(v);
          }}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, post } from '../../../api';
import { ME_KEY, useLogout, useMe } from '../../../auth';
import { required } from '../../../components/formRules';
import { SubmitButton } from '../../../components/SubmitButton';
import { PageFallback } from '../../../layout/AdminLayout';
import { passwordRule, policyText } from '../../../passwordPolicy';
import { AccountCard } from '../components/AccountCard';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change password; forced (no way around it) while CurrentUser.mustChangePassword is set. */
export function PasswordPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (v: PasswordForm) =>
      post<{ ok: true }>('/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    meta: { silent: true },
    onSuccess: async () => {
      void message.success('密码已修改');
      await qc.invalidateQueries({ queryKey: ME_KEY });
      navigate('/', { replace: true });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : '修改失败，请重试'),
  });

  if (me.isPending) return <PageFallback />;
  if (me.isError) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;

  return (
    <AccountCard
      title="修改密码"
      width={440}
      testId="password-page"
      forced={
        forced
          ? { text: '首次登录、密码已被重置或已过期，请先修改密码后再使用系统。', testId: 'password-forced' }
          : null
      }
    >
      <Alert type="info" title={policyText()} style={{ marginBottom: 16 }} data-testid="password-policy" />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      ) : null}
      <Form<PasswordForm>
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          change.mutate(v);
        }}
      >
        <Form.Item label="原密码" name="oldPassword" rules={required('请输入原密码')}>
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[{ required: true, message: '请输入新密码' }, passwordRule(me.data.username)]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <SubmitButton saving={change} block data-testid="password-submit">
          确认修改
        </SubmitButton>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
          {forced ? <span /> : <Button onClick={() => navigate(-1)}>返回</Button>}
          <Button type="link" onClick={() => void logout()}>
            退出登录
          </Button>
        </div>
      </Form>
    </AccountCard>
  );
}

import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The centred card of the account pages a user may be sent to before the console opens (修改密码, 两步验证),
 * with the warning that says why when the visit is forced.
 */
export function AccountCard({
  title,
  width,
  testId,
  forced,
  children,
}: {
  title: string;
  width: number;
  testId: string;
  /** Shown as a warning while the page cannot be skipped. */
  forced?: { text: string; testId: string } | null;
  children: ReactNode;
}) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width }} data-testid={testId}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            title={forced.text}
            style={{ marginBottom: 16 }}
            data-testid={forced.testId}
          />
        ) : null}
        {children}
      </Card>
    </main>
  );
}

import { Card, Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';

export const APP_TITLE = '政务公开管理平台';

/** The browser tab names the page, so that a user with several tabs open (and a screen reader) knows which. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} - ${APP_TITLE}`;
  }, [title]);
}

/** Page frame: title row with actions, then the content (Ant Design Pro anatomy). */
export function PageContainer({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  useDocumentTitle(title);
  return (
    <section data-testid={testId} aria-label={title}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </section>
  );
}

/** A white panel for page content. */
export function Panel({
  children,
  title,
  extra,
}: {
  children: ReactNode;
  title?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Card title={title} extra={extra} styles={{ body: { padding: 16 } }}>
      {children}
    </Card>
  );
}

// The console's one drawer-with-a-form: title, 取消/保存 in the header, a vertical form that shows the server's
// field errors next to their fields. Pages give the fields and what saving does.
import { Button, Drawer, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { fieldErrorsOf } from '../api';

export function DrawerForm<V extends object>({
  title,
  open,
  onClose,
  form,
  initialValues,
  onFinish,
  saving,
  error,
  testId,
  saveLabel = '保存',
  width = 520,
  extra,
  children,
}: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  saving?: boolean;
  /** The last save error: its field errors are shown on the fields. */
  error?: unknown;
  /** data-testid of the drawer; the save button gets `${testId}-save` unless given by the page. */
  testId?: string;
  saveLabel?: string;
  width?: number;
  /** More header buttons, before 取消. */
  extra?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    const fields = fieldErrorsOf(error);
    const entries = Object.entries(fields).filter(([k]) => k !== '_');
    if (entries.length)
      form.setFields(
        entries.map(([name, message]) => ({ name: name.split('.'), errors: [message] })) as never,
      );
  }, [error, form]);
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={width}
      destroyOnHidden
      data-testid={testId}
      extra={
        <Space>
          {extra}
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid={testId ? `${testId.replace(/-drawer$/, '')}-save` : undefined}
          >
            {saveLabel}
          </Button>
        </Space>
      }
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Drawer>
  );
}

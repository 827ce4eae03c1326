// The console's one drawer-with-a-form: title, 取消/保存 in the header, a vertical form that shows the server's
// field errors next to their fields. Pages give the fields and what saving does.
import { Button, Drawer, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { fieldErrorsOf } from '../api';

/**
 * The form of a drawer (or dialog) that saves once and closes, and what a successful save does there: the form
 * emptied for the next record, then `onClose`. A page's mutation calls `saved` after its own message.
 */
export function useClosingForm<V>(onClose: () => void): [FormInstance<V>, () => void] {
  const [form] = Form.useForm<V>();
  return [
    form,
    () => {
      form.resetFields();
      onClose();
    },
  ];
}

/** What the drawer shows of its save (a mutation): pending on the button, the error on the fields. */
type Saving = { isPending: boolean; error: unknown };

type Save<V> =
  /** The form's values are the mutation's variables. */
  | { mutation: Saving & { mutate: (values: V) => void }; onFinish?: undefined }
  | { mutation?: Saving; onFinish: (values: V) => void };

export function DrawerForm<V extends object>({
  title,
  open,
  onClose,
  form,
  initialValues,
  onFinish,
  mutation,
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
  /** data-testid of the drawer; the save button gets `${testId}-save` unless given by the page. */
  testId?: string;
  saveLabel?: string;
  width?: number;
  /** More header buttons, before 取消. */
  extra?: ReactNode;
  children: ReactNode;
} & Save<V>) {
  const error = mutation?.error;
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
            loading={mutation?.isPending}
            onClick={() => form.submit()}
            data-testid={testId ? `${testId.replace(/-drawer$/, '')}-save` : undefined}
          >
            {saveLabel}
          </Button>
        </Space>
      }
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => (onFinish ? onFinish(v) : (mutation as { mutate: (v: V) => void }).mutate(v))}
      >
        {children}
      </Form>
    </Drawer>
  );
}

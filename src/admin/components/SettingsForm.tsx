import { Form } from 'antd';
import type { ReactNode } from 'react';
import { SubmitButton } from './SubmitButton';

/**
 * A form over saved settings: remounted on each load (`loadedAt`) so that its initialValues show what is saved,
 * sent whole with `save`, its submit button under the fields.
 */
export function SettingsForm<V extends object>({
  initialValues,
  loadedAt,
  save,
  saveLabel,
  testId,
  children,
}: {
  initialValues: Partial<V>;
  loadedAt: number;
  save: { isPending: boolean; mutate: (values: V) => void };
  saveLabel: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Form<V>
      key={loadedAt}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      style={{ maxWidth: 640 }}
      data-testid={testId}
    >
      {children}
      <SubmitButton saving={save}>{saveLabel}</SubmitButton>
    </Form>
  );
}

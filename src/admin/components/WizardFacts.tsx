// The check step of an import (UploadWizard): the summary of what was read from the file, two facts to a row, some
// of which the user may correct before importing (a notice's 标题, 文号, 成文日期; a directory's name).
import { Descriptions, type DescriptionsProps, Input, type InputProps } from 'antd';

/** The check step's summary of what was read (标题, 文号 …), two to a row; a full-width one has `span: 2`. */
export function WizardFacts({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions bordered size="small" column={2} items={items} />;
}

/** A fact of WizardFacts the user may correct before importing: a text box labelled with its name. */
export function editableFact(
  label: string,
  value: string,
  onChange: (value: string) => void,
  input: Pick<InputProps, 'maxLength' | 'placeholder' | 'status'> & { span?: number } = {},
): NonNullable<DescriptionsProps['items']>[number] {
  const { span, ...props } = input;
  return {
    key: label,
    label,
    span,
    children: (
      <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} {...props} />
    ),
  };
}

// The fields of the item form: metadata, normative-document validity and links, the policy an interpretation
// explains, 三同步, summary and the rich-text body.
import {
  Checkbox,
  Col,
  Form,
  type FormInstance,
  type FormItemProps,
  Input,
  Row,
  Select,
  TreeSelect,
} from 'antd';
import type { ColumnRow } from '../../../../contracts/disclosure';
import type { CatalogLevel } from '../../../../domain/disclosure/catalog';
import { optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { RichTextField } from '../../../components/RichTextField';
import { UnitTreeSelect } from '../../../components/units';
import { dateRule, type FormValues } from '../itemForm';
import {
  categoryOptions,
  columnCategory,
  columnTree,
  INTERPRETATION_FORM_LABELS,
  ITEM_KIND_LABELS,
  VALIDITY_LABELS,
} from '../shared';

type Option = { value: string; label: string };

/** A field of the form's grid: its Form.Item in a column `span` (of 24) wide. */
function GridItem({ span, children, ...item }: { span: number } & FormItemProps) {
  return (
    <Col span={span}>
      <Form.Item {...item}>{children}</Form.Item>
    </Col>
  );
}

const NORMATIVE_DATES = [
  ['effectiveDate', '施行日期'],
  ['expiryDate', '有效期至'],
  ['repealedDate', '废止日期'],
] as const;
const NORMATIVE_LINKS = [
  ['repealedById', '废止本文件的文件'],
  ['replacedById', '替代本文件的文件'],
] as const;

export function ItemFields({
  form,
  kind,
  isNew,
  pickUnit,
  readOnly,
  columns,
  level,
  normativeOptions,
  policyOptions,
}: {
  form: FormInstance<FormValues>;
  kind: FormValues['kind'];
  isNew: boolean;
  /** The office may draft for any unit. */
  pickUnit: boolean;
  readOnly: boolean;
  /** The catalog of the item's unit. */
  columns: readonly ColumnRow[];
  /** The unit's level: which Art. 21 list its 公开类别 come from. */
  level: CatalogLevel;
  normativeOptions: Option[];
  policyOptions: Option[];
}) {
  return (
    <>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Select
          disabled={!isNew}
          options={optionsOf(ITEM_KIND_LABELS)}
          // A normative document is (一) 行政法规、规章和规范性文件 unless the author chooses otherwise.
          onChange={(k) => {
            if (k === 'normative' && !form.getFieldValue('art20')) form.setFieldsValue({ art20: 'art20_1' });
          }}
        />
      </Form.Item>
      {isNew && pickUnit && (
        <Form.Item name="unitId" label="发布单位" extra="信息归入该单位的公开目录，由该单位的审核人审核">
          <UnitTreeSelect
            allowClear={false}
            data-testid="item-unit"
            // Another unit has another catalog, and perhaps another Art. 21 list.
            onChange={() => form.setFieldsValue({ columnId: null, art20: null })}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label="标题（名称）" rules={required('请填写标题')}>
        <Input data-testid="item-title" maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <GridItem span={12} name="columnId" label="栏目">
          <TreeSelect
            data-testid="item-column"
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={columnTree(columns)}
            placeholder="本单位公开目录栏目（不选则按公开类别归入）"
            // A column under a category (规划信息, 社会救助, …) fills the 公开类别 in; the author may change it.
            onChange={(id?: string) => {
              const category = columnCategory(columns, id);
              if (category) form.setFieldsValue({ art20: category });
            }}
          />
        </GridItem>
        <GridItem
          span={12}
          name="art20"
          label="公开类别"
          extra="条例第二十条的类别或第二十一条的事项（PUB-6）"
          rules={required('请选择公开类别')}
        >
          <Select
            data-testid="item-category"
            showSearch
            optionFilterProp="label"
            options={categoryOptions(level)}
            placeholder="请选择公开类别"
          />
        </GridItem>
        <GridItem span={12} name="docNumber" label="发文字号">
          <Input />
        </GridItem>
        <GridItem span={12} name="writtenDate" label="成文日期（信息形成日期）" rules={[dateRule]}>
          <Input data-testid="item-written-date" placeholder="YYYY-MM-DD" />
        </GridItem>
        <GridItem span={12} name="topic" label="主题分类">
          <Input />
        </GridItem>
        <GridItem
          span={12}
          name="publishAt"
          label="预定发布时间（留空则终审通过即发布）"
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, message: '格式 YYYY-MM-DD HH:mm' }]}
        >
          <Input placeholder="YYYY-MM-DD HH:mm" />
        </GridItem>
      </Row>
      {kind === 'normative' && (
        <Row gutter={12}>
          <GridItem span={6} name="validity" label="有效性">
            <Select options={optionsOf(VALIDITY_LABELS)} />
          </GridItem>
          {NORMATIVE_DATES.map(([name, label]) => (
            <GridItem key={name} span={6} name={name} label={label} rules={[dateRule]}>
              <Input placeholder="YYYY-MM-DD" />
            </GridItem>
          ))}
          {NORMATIVE_LINKS.map(([name, label]) => (
            <GridItem key={name} span={12} name={name} label={label}>
              <Select allowClear showSearch optionFilterProp="label" options={normativeOptions} />
            </GridItem>
          ))}
        </Row>
      )}
      {kind === 'interpretation' && (
        <Row gutter={12}>
          <GridItem
            span={16}
            name="policyRootId"
            label="解读的政策文件"
            rules={required('请选择所解读的政策')}
          >
            <Select showSearch optionFilterProp="label" options={policyOptions} />
          </GridItem>
          <GridItem span={8} name="interpretationForm" label="解读形式">
            <Select options={optionsOf(INTERPRETATION_FORM_LABELS)} />
          </GridItem>
        </Row>
      )}
      {kind !== 'interpretation' && (
        <Form.Item name="needsInterpretation" valuePropName="checked">
          <Checkbox>需同步发布政策解读（三同步）</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="summary" label="内容概述">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="body"
        label="正文（可从 Word 直接粘贴，保留段落、加粗、列表和表格；保存时自动清理不安全内容）"
      >
        <RichTextField testId="item-body" ariaLabel="正文" readOnly={readOnly} />
      </Form.Item>
    </>
  );
}

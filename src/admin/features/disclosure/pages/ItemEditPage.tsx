// Item editor with the checks panel (issue 5 parts 2, 5, 6): metadata, body, attachments, automatic findings with
// one-click mask and reviewer override, review actions and history. The parts are in ../components.
import { App, Button, Card, Col, Flex, Form, Row, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PRE_PUBLICATION_STATUSES } from '../../../../domain/disclosure/workflow';
import { useCurrentUser, usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { StatusTag } from '../../../components/StatusTag';
import { useUnitTree } from '../../../components/units';
import { AttachmentsCard } from '../components/AttachmentsCard';
import { ChecksPanel } from '../components/ChecksPanel';
import { InterpretationPlanCard } from '../components/InterpretationPlanCard';
import { ItemFields } from '../components/ItemFields';
import { ReviewPanel } from '../components/ReviewPanel';
import { type FormValues, fromDetail, toInput } from '../itemForm';
import { useColumns, useCreateItem, useItem, useItems, useUpdateItem } from '../queries';
import { ITEM_STATUS_COLORS, ITEM_STATUS_LABELS, publishingUnit, unitLevel } from '../shared';

export default function ItemEditPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const me = useCurrentUser();
  const can = usePermission();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'general';
  const detail = useItem(id, !isNew);
  // The item's own unit's catalog. A new draft belongs to the author's unit, or for an 内设科室 to the unit above it
  // (the server's publishingUnitOf); the office may pick any unit.
  const unitTree = useUnitTree();
  const defaultUnit = publishingUnit(unitTree.data ?? [], me.unitId);
  const chosenUnit = Form.useWatch('unitId', form);
  const itemUnit = isNew ? (chosenUnit ?? defaultUnit) : (detail.data?.unitId ?? null);
  const cols = useColumns(itemUnit);
  const policies = useItems(
    { status: 'published', kind: 'general', pageSize: 200 },
    kind === 'interpretation',
  );
  const normative = useItems({ kind: 'normative', pageSize: 500 }, kind === 'normative');
  const normativeOptions = (normative.data?.items ?? [])
    .filter((r) => r.id !== id)
    .map((r) => ({ value: r.id, label: r.title }));
  const d = detail.data;
  useEffect(() => {
    if (isNew) form.setFieldsValue({ kind: 'general' });
    else if (d) form.setFieldsValue(fromDetail(d));
  }, [d, isNew, form]);
  // The default 发布单位 is known once the unit tree has loaded.
  useEffect(() => {
    if (isNew) form.setFieldsValue({ unitId: defaultUnit });
  }, [isNew, form, defaultUnit]);

  const saved = () => void message.success('已保存');
  const create = useCreateItem((newId) => {
    saved();
    navigate(`/disclosure/items/${newId}`, { replace: true });
  });
  const update = useUpdateItem(id, saved);
  const save = (v: FormValues) => (isNew ? create.mutate(toInput(v)) : update.mutate(toInput(v)));

  const editable = isNew || (d && (d.status === 'draft' || d.status === 'returned'));
  const canEdit = can('disclosure:item:update') || can('disclosure:item:create');

  return (
    <PageContainer
      title={isNew ? '起草信息' : (d?.title ?? '信息')}
      testId="disclosure-item-page"
      extra={
        d && (
          <Space>
            <StatusTag value={d.status} labels={ITEM_STATUS_LABELS} colors={ITEM_STATUS_COLORS} />
            {d.levelName && <Tag color="blue">待{d.levelName}</Tag>}
            {d.version > 1 && <Tag>第 {d.version} 版</Tag>}
          </Space>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="信息内容" size="small">
            <Form<FormValues>
              form={form}
              layout="vertical"
              disabled={!editable || !canEdit}
              onFinish={save}
              data-testid="item-form"
            >
              <ItemFields
                form={form}
                kind={kind}
                isNew={isNew}
                pickUnit={me.dataScope === 'all'}
                readOnly={!editable || !canEdit}
                columns={cols.data ?? []}
                level={unitLevel(unitTree.data ?? [], itemUnit)}
                normativeOptions={normativeOptions}
                policyOptions={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
              />
              {editable && canEdit && (
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={create.isPending || update.isPending}
                  data-testid="item-save"
                >
                  保存
                </Button>
              )}
            </Form>
          </Card>
          {d && <AttachmentsCard d={d} editable={!!editable} canEdit={canEdit} />}
        </Col>
        <Col xs={24} lg={9}>
          {d && (
            <Flex vertical gap={16}>
              <ChecksPanel d={d} canEdit={canEdit} meId={me.id} />
              <ReviewPanel d={d} canEdit={canEdit} editable={!!editable} />
              {d.needsInterpretation && d.kind !== 'interpretation' && (
                <InterpretationPlanCard
                  id={d.id}
                  canEdit={canEdit && PRE_PUBLICATION_STATUSES.includes(d.status)}
                />
              )}
            </Flex>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}

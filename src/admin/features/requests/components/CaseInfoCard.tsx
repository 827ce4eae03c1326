import { Alert, Card, Descriptions, Tag } from 'antd';
import { CASE_STATUS_LABELS, type CaseDetail } from '../../../../contracts/requests';
import {
  APPLICANT_KIND_LABELS,
  LEGAL_BASIS_LABELS,
  OUTCOME_LABELS,
} from '../../../../domain/requests/outcomes';
import { SUBMISSION_CHANNEL_LABELS } from '../../../../domain/requests/receipt';
import { DownloadButton } from '../../../components/DownloadButton';
import { StatusTag } from '../../../components/StatusTag';
import { CASE_STATUS_COLORS, DUE_COLORS, dueLevel } from '../labels';
import { idProofPath } from '../queries';

/** The application as registered: status, due date, applicant, what is asked for, the outcome. */
export function CaseInfoCard({ detail }: { detail: CaseDetail }) {
  const level = dueLevel(detail.workingDaysLeft);
  return (
    <Card title="申请信息">
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="状态">
          <span data-testid="case-status">
            <StatusTag value={detail.status} labels={CASE_STATUS_LABELS} colors={CASE_STATUS_COLORS} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="答复期限">
          <Tag color={DUE_COLORS[level]} data-testid="case-due">
            {detail.replyDue ?? '—'}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="受理机关">{detail.unitName}</Descriptions.Item>
        <Descriptions.Item label="查询码">{detail.queryCode}</Descriptions.Item>
        <Descriptions.Item label="申请人">
          {detail.applicant.name}（{APPLICANT_KIND_LABELS[detail.applicantKind]}）
        </Descriptions.Item>
        <Descriptions.Item label="证件号码">{detail.applicant.idNumber}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{detail.applicant.phone}</Descriptions.Item>
        <Descriptions.Item label="渠道">{SUBMISSION_CHANNEL_LABELS[detail.channel]}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{detail.receivedOn ?? '待确认'}</Descriptions.Item>
        <Descriptions.Item label="确认人">{detail.receiptConfirmedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="所需信息" span={2}>
          {detail.description || '（未填写）'}
        </Descriptions.Item>
        {detail.receiptRule ? (
          <Descriptions.Item label="收到日期依据" span={2}>
            {detail.receiptRule}
          </Descriptions.Item>
        ) : null}
        {detail.outcome ? (
          <Descriptions.Item label="办理结果" span={2}>
            <span data-testid="case-outcome">{OUTCOME_LABELS[detail.outcome]}</span>
            {detail.legalBasis ? `（${LEGAL_BASIS_LABELS[detail.legalBasis]}）` : ''}
            {detail.onTime === false ? <Tag color="red">逾期答复</Tag> : null}
          </Descriptions.Item>
        ) : null}
        {detail.feeAmount !== null ? (
          <Descriptions.Item label="信息处理费">{detail.feeAmount} 元</Descriptions.Item>
        ) : null}
        {detail.idProofFileId ? (
          <Descriptions.Item label="身份证明">
            <DownloadButton path={idProofPath(detail.id)} fallbackName="身份证明" label="下载" />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {detail.intake.route !== 'accept' && detail.intake.message ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={detail.intake.message}
          data-testid="case-intake"
        />
      ) : null}
      {detail.duplicateOf ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title="疑似重复申请：同一申请人有内容相同的未办结申请"
        />
      ) : null}
    </Card>
  );
}

import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../contracts/requests';
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind } from '../../../../domain/requests/letters';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { letterDownloadPath, useGenerateLetter } from '../queries';

function LetterForm({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<LetterKind | undefined>();
  const [date, setDate] = useState('');
  const gen = useGenerateLetter(detail.id, (r) => void message.success(`已生成第 ${r.version} 版`));
  return (
    <Space wrap>
      <Select<LetterKind>
        style={{ width: 300 }}
        placeholder="文书类型"
        value={kind}
        onChange={setKind}
        data-testid="letter-kind"
        options={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))}
      />
      <Input
        style={{ width: 140 }}
        placeholder="落款日期 YYYY-MM-DD"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        data-testid="letter-date"
        aria-label="落款日期"
      />
      <Button
        type="primary"
        disabled={!kind || !date}
        loading={gen.isPending}
        onClick={() => kind && gen.mutate({ kind, date })}
        data-testid="letter-generate"
      >
        生成文书
      </Button>
    </Space>
  );
}

/** The case's letters, versioned, and the form that generates one. */
export function LettersCard({ detail }: { detail: CaseDetail }) {
  const can = usePermission();
  return (
    <Card title="文书">
      {can('requests:case:handle') ? <LetterForm detail={detail} /> : null}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="letters-table"
        dataSource={detail.letters}
        columns={[
          { title: '文书', dataIndex: 'kind', render: (k: LetterKind) => LETTER_KIND_LABELS[k] },
          { title: '版本', dataIndex: 'version', width: 60 },
          { title: '落款日期', dataIndex: 'letterDate', width: 110 },
          { title: '生成人', dataIndex: 'createdBy', width: 100 },
          {
            title: '下载',
            width: 100,
            render: (_: unknown, l) => (
              <DownloadButton
                path={letterDownloadPath(l.id)}
                fallbackName={`${LETTER_KIND_LABELS[l.kind]}.docx`}
                label="下载"
                testId={`letter-download-${l.kind}-${l.version}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

// The attachments of an item: download, and (while it is a draft) upload, checked by the server on arrival.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Typography } from 'antd';
import { useRef } from 'react';
import { disclosureApi, type ItemDetail } from '../../../../contracts/disclosure';
import { downloadFrom, uploadTo } from '../../../api';
import { DISCLOSURE_KEY } from '../queries';

export function AttachmentsCard({
  d,
  editable,
  canEdit,
}: {
  d: ItemDetail;
  editable: boolean;
  canEdit: boolean;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const uploadFile = useMutation({
    mutationFn: (f: File) => uploadTo(disclosureApi.addAttachment, f, { params: { id: d.id } }),
    onSuccess: (r) => {
      void message.success(
        r.findings.length ? `附件已上传，发现 ${r.findings.length} 个检查项` : '附件已上传',
      );
      void qc.invalidateQueries({ queryKey: DISCLOSURE_KEY });
    },
  });
  return (
    <Card title="附件" size="small" style={{ marginTop: 16 }}>
      <List
        data-testid="item-attachments"
        locale={{ emptyText: '暂无附件' }}
        dataSource={d.attachments}
        renderItem={(a) => (
          <List.Item>
            <Typography.Link
              onClick={() =>
                void downloadFrom(disclosureApi.downloadAttachment, a.name, { params: { attId: a.id } })
              }
            >
              {a.name}
            </Typography.Link>
            <span>{Math.max(1, Math.round(a.size / 1024))} KB</span>
          </List.Item>
        )}
      />
      {editable && canEdit && (
        <>
          <input
            ref={fileRef}
            type="file"
            hidden
            data-testid="item-upload-input"
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) uploadFile.mutate(f);
              e.target.value = '';
            }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={uploadFile.isPending}
            onClick={() => fileRef.current?.click()}
            data-testid="item-upload"
          >
            上传附件（.pdf .docx .xlsx 图片）
          </Button>
        </>
      )}
    </Card>
  );
}

import { uploadTo } from '../../../api';
import { RowsImport } from '../../../components/RowsImport';
import { hotlineApi, useImportCalls } from '../hotline-queries';

export function CallImport({ onDone }: { onDone: () => void }) {
  const save = useImportCalls(onDone);
  return (
    <RowsImport
      testPrefix="call-import"
      accept=".xlsx"
      text="点击或拖拽 12345 工单导出文件到此处"
      hint="支持 .xlsx；表头按常用名称识别：工单编号、来电时间、诉求内容、承办单位，可选 来电人、联系电话、办理结果"
      preview={(f, onProgress) => uploadTo(hotlineApi.previewCallImport, f, undefined, onProgress)}
      save={save}
      nothingImported="不会导入任何工单"
      columns={[
        { title: '工单编号', dataIndex: 'workOrderNo', width: 150 },
        {
          title: '来电时间',
          dataIndex: 'calledAt',
          width: 170,
          render: (v: string) => v.slice(0, 16).replace('T', ' '),
        },
        { title: '诉求内容', dataIndex: 'question' },
        { title: '承办单位', dataIndex: 'unitName', width: 150 },
        { title: '已办结', dataIndex: 'answered', width: 80, render: (v: boolean) => (v ? '是' : '否') },
      ]}
      resolvedText={(p) => `共 ${p.total} 条工单，可以导入`}
      doneTitle={(r) => `已导入 ${r.created} 条 12345 工单`}
    />
  );
}

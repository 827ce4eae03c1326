// 导入问答库: upload (.xlsx/.csv) → the preview's problems and near-duplicates → import all rows (awaiting review)
// or nothing.
import { Alert } from 'antd';
import { uploadTo } from '../../../api';
import { RowsImport } from '../../../components/RowsImport';
import { interactionApi, useImportQa } from '../queries';

export function QaImport({ onDone }: { onDone: () => void }) {
  const save = useImportQa(onDone);
  return (
    <RowsImport
      testPrefix="qa-import"
      accept=".xlsx,.csv"
      text="点击或拖拽问答库文件到此处"
      hint="支持 .xlsx、.csv（UTF-8）；列：问题、答复、主管单位，可选 政策依据、关键词；一次最多 20000 行"
      preview={(f, onProgress) => uploadTo(interactionApi.previewQaImport, f, undefined, onProgress)}
      save={save}
      nothingImported="不会导入任何内容"
      warnings={(p) =>
        p.nearDuplicates.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`${p.nearDuplicates.length} 个问题与其他问题相近，请确认不是重复`}
            description={
              <ul data-testid="qa-import-near">
                {p.nearDuplicates.slice(0, 100).map((d) => (
                  <li key={`${d.row}-${d.similarTo}`}>
                    第 {d.row} 行“{d.question}”相近于 {d.similarTo}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null
      }
      columns={[
        { title: '问题', dataIndex: 'question' },
        { title: '主管单位', dataIndex: 'unitName', width: 160 },
        { title: '关键词', dataIndex: 'keywords', width: 160, render: (k: string[]) => k.join('、') },
      ]}
      resolvedText={(p) => `共 ${p.total} 条，可以导入`}
      submitLabel="导入（待审核）"
      doneTitle={(r) => `已导入 ${r.created} 条问答，审核通过后公开`}
    />
  );
}

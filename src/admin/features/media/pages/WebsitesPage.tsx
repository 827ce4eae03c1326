// 政府网站登记册: the register (SearchTable), the .xlsx import for the office, and each site's checks and 整改.

import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { mediaApi, type WebsiteRow } from '../../../../contracts/media';
import { usePermission } from '../../../auth';
import { ImportButton } from '../../../components/ImportButton';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { actionsColumn } from '../../../components/StatusTag';
import { keyOf } from '../../../queries';
import { CheckDrawer } from '../components/CheckDrawer';
import { channelStatusColumn, lastVerdictColumn, RegisterSearch } from '../components/registerParts';

export default function WebsitesPage() {
  const can = usePermission();
  const qc = useQueryClient();
  const [open, setOpen] = useState<WebsiteRow | null>(null);
  return (
    <PageContainer title="政府网站" testId="media-websites-page">
      <SearchTable<WebsiteRow>
        endpoint={mediaApi.websites}
        testId="websites-table"
        scrollX={1100}
        searchItems={<RegisterSearch label="名称或网址" placeholder="网站名称或网址" />}
        toolbar={
          can('media:registry:import') ? (
            <ImportButton<{ imported: number }>
              endpoint={mediaApi.importWebsites}
              label="导入登记册"
              testId="import-websites"
              describe={(r) => `已导入 ${r.imported} 个网站`}
              onDone={() => void qc.invalidateQueries({ queryKey: keyOf(mediaApi.websites) })}
            />
          ) : null
        }
        columns={[
          { title: '网站名称', dataIndex: 'name', width: 180 },
          { title: '网址', dataIndex: 'url', width: 220, ellipsis: true },
          { title: '主办单位', dataIndex: 'unitName', width: 150 },
          { title: '网站标识码', dataIndex: 'siteCode', width: 120 },
          { title: 'ICP备案号', dataIndex: 'icp', width: 140 },
          channelStatusColumn(),
          lastVerdictColumn(
            '最近检查',
            (r) => r.lastCheck && { on: r.lastCheck.asOf, verdict: r.lastCheck.verdict },
            '未检查',
          ),
          { title: '整改中', dataIndex: 'openRectifications', width: 80 },
          actionsColumn(
            100,
            (r) => (
              <Button size="small" type="link" onClick={() => setOpen(r)} aria-label={`检查 ${r.name}`}>
                检查与整改
              </Button>
            ),
            'op',
          ),
        ]}
      />
      {open ? <CheckDrawer site={open} onClose={() => setOpen(null)} /> : null}
    </PageContainer>
  );
}

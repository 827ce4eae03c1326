import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { auditApi, type LoginRecord } from '../../../../contracts/audit';
import { FilterInput, FilterRange, FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { statusColumn } from '../../../components/StatusTag';
import { chinaTime } from '../../../time';
import { rangeParams } from '../range';
import { describeUserAgent } from '../userAgent';

type LoginResult = LoginRecord['result'];
export const LOGIN_RESULT_LABELS: Record<LoginResult, string> = {
  success: '成功',
  bad_password: '密码错误',
  locked: '账号锁定',
  unknown_user: '用户不存在',
  disabled: '账号停用',
  throttled: '需验证或限速',
  mfa_pending: '待两步验证',
  mfa_failed: '验证码错误',
};
const LOGIN_RESULT_COLORS: Record<LoginResult, string> = {
  success: 'green',
  bad_password: 'orange',
  locked: 'red',
  unknown_user: 'default',
  disabled: 'default',
  throttled: 'orange',
  mfa_pending: 'blue',
  mfa_failed: 'orange',
};

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  result?: LoginResult;
}

const columns: TableProps<LoginRecord>['columns'] = [
  {
    title: '时间',
    dataIndex: 'at',
    width: 180,
    render: (v: string) => chinaTime(v),
  },
  { title: '用户名', dataIndex: 'username', width: 140 },
  statusColumn(LOGIN_RESULT_LABELS, LOGIN_RESULT_COLORS, 110, '结果', 'result'),
  { title: 'IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
  {
    title: '浏览器和系统',
    dataIndex: 'userAgent',
    ellipsis: true,
    render: (v: string | null) => <span title={v ?? undefined}>{describeUserAgent(v)}</span>,
  },
];

export default function LoginLogsPage() {
  return (
    <PageContainer title="登录日志" testId="login-logs-page">
      <SearchTable<LoginRecord, Filters>
        endpoint={auditApi.logins}
        columns={columns}
        toParams={(f) => ({ ...rangeParams(f.range), username: f.username?.trim(), result: f.result })}
        searchItems={
          <>
            <FilterRange label="时间范围" />
            <FilterInput name="username" label="用户名" width={140} />
            <FilterSelect
              name="result"
              label="结果"
              options={optionsOf(LOGIN_RESULT_LABELS)}
              width={130}
              placeholder="全部"
            />
          </>
        }
      />
    </PageContainer>
  );
}

import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Space, Table, type TableProps, Tooltip } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Paged } from '../../contracts/api';
import type { CallArgs, Endpoint } from '../../contracts/http';
import { buildQuery, call, get, LIST_PAGE_SIZE, pathFor } from '../api';
import { earlyInitial } from '../early';
import { keyOf } from '../queries';
import { useFocusableScroll } from './scrollRegion';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** The list endpoint's query key prefix: invalidate with queryClient.invalidateQueries({ queryKey: [path] }). */
export function listKey(path: string, params?: QueryParams): unknown[] {
  return params ? [path, params] : [path];
}

/** The query key of a list endpoint contract for these parameters (the keyOf convention of admin/queries.ts). */
export function searchKey(e: Endpoint, params: QueryParams): readonly unknown[] {
  return keyOf(e, { query: params } as unknown as CallArgs<Endpoint>);
}

/**
 * A search form above a paged table (RuoYi anatomy). Form values become query parameters (through toParams
 * when they need converting, e.g. date ranges); extraParams come from outside (e.g. the unit tree).
 */
/**
 * A table floor that fits a 1366 px screen with the menu open (a content box of about 1,060 px): every column shows
 * without a sideways scroll there, and narrower screens (phones, a half-width window) scroll.
 */
export const FITS_1366 = 1040;

export function SearchTable<T extends object, V extends object = Record<string, unknown>>({
  endpoint,
  path,
  searchItems,
  toParams,
  extraParams,
  columns,
  rowKey = 'id',
  toolbar,
  testId,
  pageSize: initialPageSize = LIST_PAGE_SIZE,
  scrollX,
  onFiltersChange,
  expandable,
  enabled = true,
}: {
  /** The list endpoint contract (GET, answering `{ items, total }`). */
  endpoint?: Endpoint;
  /** Transitional: a list path for features whose contracts are not yet in src/contracts. */
  path?: string;
  searchItems?: ReactNode;
  toParams?: (values: V) => QueryParams;
  extraParams?: QueryParams;
  columns: TableProps<T>['columns'];
  /** Default: the rows' `id`. */
  rowKey?: TableProps<T>['rowKey'];
  toolbar?: ReactNode;
  testId?: string;
  pageSize?: number;
  /** The table's minimum width (px): narrower screens scroll it sideways. `FITS_1366` fits a 1366 px screen. */
  scrollX?: number;
  /** Told the applied filters (e.g. to export with the same filters). */
  onFiltersChange?: (params: QueryParams) => void;
  /** Rows that open onto sub-rows (e.g. a task's units). */
  expandable?: TableProps<T>['expandable'];
  /** False while an outside filter is still loading (e.g. the ledger's plan): no request without it. */
  enabled?: boolean;
}) {
  const [form] = Form.useForm<V>();
  const [filters, setFilters] = useState<QueryParams>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const params: QueryParams = { ...filters, ...extraParams, page, pageSize };
  // A new outside filter (e.g. another unit in the tree) starts again at page 1.
  const extraKey = JSON.stringify(extraParams ?? {});
  useEffect(() => setPage(1), [extraKey]);
  const query = useQuery({
    queryKey: endpoint ? searchKey(endpoint, params) : listKey(path ?? '', params),
    queryFn: ({ signal }) =>
      endpoint
        ? (call(endpoint, { query: params } as unknown as CallArgs<Endpoint>, signal) as Promise<Paged<T>>)
        : get<Paged<T>>(`${path}${buildQuery(params)}`, signal),
    ...earlyInitial<Paged<T>>(
      endpoint
        ? pathFor(endpoint, { query: params } as unknown as CallArgs<Endpoint>)
        : `${path}${buildQuery(params)}`,
    ),
    placeholderData: keepPreviousData,
    enabled,
  });
  const tableRef = useRef<HTMLDivElement>(null);
  useFocusableScroll(tableRef, '表格（可左右滚动）', [query.data, scrollX]);

  const apply = (values: V) => {
    const next = toParams ? toParams(values) : (values as QueryParams);
    setFilters(next);
    onFiltersChange?.(next);
    setPage(1);
  };

  return (
    <Flex vertical gap={16} data-testid={testId}>
      {searchItems ? (
        <Card styles={{ body: { paddingBottom: 0 } }}>
          <Form<V> form={form} layout="inline" onFinish={apply} data-testid="search-form">
            {searchItems}
            <Form.Item>
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SearchOutlined />}
                  data-testid="search-submit"
                >
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    apply(form.getFieldsValue());
                  }}
                >
                  重置
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
      <Card>
        <Flex justify="space-between" style={{ marginBottom: 12 }} gap={8} wrap>
          <Space wrap>{toolbar}</Space>
          <Tooltip title="刷新">
            <Button
              aria-label="刷新"
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              loading={query.isFetching}
            />
          </Tooltip>
        </Flex>
        <div ref={tableRef}>
          <Table<T>
            rowKey={rowKey}
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isPending}
            scroll={scrollX ? { x: scrollX } : undefined}
            expandable={expandable}
            size="middle"
            data-testid="data-table"
            pagination={{
              current: page,
              pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              },
            }}
          />
        </div>
      </Card>
    </Flex>
  );
}

// 来电登记 rules (issue 11 part 5, seed 001 "建立来电登记台账"): the two hotline channels, the state of a call, and
// reading a 12345 work-order sheet whose header is recognised by vocabulary (each platform names its columns a
// little differently: 工单编号/工单号, 来电时间/受理时间, 诉求内容/问题描述 …). Every problem is reported with its
// row before anything is stored.
import { codesOf } from '../codes';

export const CALL_CHANNEL_LABELS = { local: '本地热线', hotline_12345: '12345' } as const;
export type CallChannel = keyof typeof CALL_CHANNEL_LABELS;
export const CALL_CHANNELS = codesOf(CALL_CHANNEL_LABELS);

/** answered: answered on the phone; open: logged, not yet answered; handed_over: registered as a consultation. */
export const CALL_STATUS_LABELS = {
  open: '待答复',
  answered: '已当场答复',
  handed_over: '已转政策咨询',
} as const;
export type CallStatus = keyof typeof CALL_STATUS_LABELS;
export const CALL_STATUSES = codesOf(CALL_STATUS_LABELS);

/** A call may be handed over to a consultation once, unless it was already answered on the phone. */
export function canHandOver(status: CallStatus): boolean {
  return status === 'open';
}

/** The status a call gets from what was recorded with it. */
export function callStatusOf(answer: string | null | undefined, handedOver: boolean): CallStatus {
  if (handedOver) return 'handed_over';
  return answer?.trim() ? 'answered' : 'open';
}

// ---- 12345 work orders ----

export const WORK_ORDER_LABELS = {
  workOrderNo: '工单编号',
  calledAt: '来电时间',
  callerName: '来电人',
  callerPhone: '联系电话',
  question: '诉求内容',
  unitName: '承办单位',
  answer: '办理结果',
} as const;
export type WorkOrderField = keyof typeof WORK_ORDER_LABELS;
export const WORK_ORDER_FIELDS = codesOf(WORK_ORDER_LABELS);

/** Header words per field, compared after removing spaces, stars and brackets; the first field that matches wins. */
export const WORK_ORDER_VOCABULARY: Record<WorkOrderField, readonly string[]> = {
  workOrderNo: ['工单编号', '工单号', '工单号码', '编号', '受理编号', '工单流水号'],
  calledAt: ['来电时间', '受理时间', '来电日期', '登记时间', '创建时间', '派单时间'],
  callerName: ['来电人', '来电人姓名', '诉求人', '市民姓名', '姓名', '联系人'],
  callerPhone: ['联系电话', '来电号码', '电话', '联系方式', '手机号码', '来电电话'],
  question: ['诉求内容', '问题描述', '来电内容', '诉求描述', '工单内容', '反映内容', '主要内容'],
  unitName: ['承办单位', '办理单位', '处理单位', '责任单位', '主办单位', '承办部门'],
  answer: ['办理结果', '处理结果', '答复内容', '办结情况', '回复内容', '处理情况'],
};
const REQUIRED: readonly WorkOrderField[] = ['workOrderNo', 'calledAt', 'question', 'unitName'];
export const WORK_ORDER_MAX_ROWS = 5000;
/** The header may follow a title row or two (an export's "12345 工单明细表"). */
const HEADER_SEARCH_ROWS = 5;
export const CALL_QUESTION_MAX = 2000;
export const CALL_ANSWER_MAX = 5000;

const headerKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s*＊:：()（）[\]【】]/gu, '')
    .trim();

/** Which field a header cell names, or null. */
export function fieldOfHeader(cell: string): WorkOrderField | null {
  const k = headerKey(cell);
  if (!k) return null;
  for (const f of WORK_ORDER_FIELDS) if (WORK_ORDER_VOCABULARY[f].includes(k)) return f;
  return null;
}

/** The header row (0-based) and the column of each field it names, or null when no row names the required ones. */
export function findHeader(
  table: readonly (readonly string[])[],
): { at: number; columns: Partial<Record<WorkOrderField, number>> } | null {
  let best: { at: number; columns: Partial<Record<WorkOrderField, number>>; n: number } | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, table.length); r++) {
    const columns: Partial<Record<WorkOrderField, number>> = {};
    (table[r] ?? []).forEach((cell, i) => {
      const f = fieldOfHeader(cell ?? '');
      if (f && columns[f] === undefined) columns[f] = i;
    });
    const n = Object.keys(columns).length;
    if (!best || n > best.n) best = { at: r, columns, n };
  }
  return best && best.n > 0 ? { at: best.at, columns: best.columns } : null;
}

/**
 * A China local date-time as an ISO instant with +08:00 ('2026-03-02 09:15', '2026/3/2 9:15:00', '2026-03-02',
 * '2026年3月2日 9时15分'), or null. The offset is written out: the result does not depend on the machine's zone.
 */
export function parseCallTime(s: string): string | null {
  const m = s
    .normalize('NFKC')
    .trim()
    .match(
      /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$/u,
    );
  if (!m) return null;
  const [Y, M, D, H, MI, S] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (M < 1 || M > 12 || D < 1 || H > 23 || MI > 59 || S > 59) return null;
  const days = new Date(Date.UTC(Y, M, 0)).getUTCDate();
  if (D > days) return null;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${Y}-${p(M)}-${p(D)}T${p(H)}:${p(MI)}:${p(S)}+08:00`;
}

export interface WorkOrderRow {
  /** 1-based row of the sheet. */
  row: number;
  workOrderNo: string;
  calledAt: string;
  callerName: string;
  callerPhone: string;
  question: string;
  unitName: string;
  answer: string;
}

export interface WorkOrderRead {
  rows: WorkOrderRow[];
  errors: { row: number; message: string }[];
}

/** Reads a 12345 work-order sheet: header by vocabulary, required cells, dates, repeated work-order numbers. */
export function readWorkOrders(table: readonly (readonly string[])[]): WorkOrderRead {
  const header = findHeader(table);
  const missing = REQUIRED.filter((f) => header?.columns[f] === undefined);
  if (!header || missing.length)
    return {
      rows: [],
      errors: [
        {
          row: (header?.at ?? 0) + 1,
          message: `未识别到表头列：${missing.map((f) => WORK_ORDER_LABELS[f]).join('、')}（表头应含 ${REQUIRED.map((f) => WORK_ORDER_LABELS[f]).join('、')}，可选 来电人、联系电话、办理结果）`,
        },
      ],
    };
  const data = table.slice(header.at + 1);
  if (data.length > WORK_ORDER_MAX_ROWS)
    return {
      rows: [],
      errors: [
        {
          row: 1,
          message: `一次最多导入 ${WORK_ORDER_MAX_ROWS} 条工单，文件有 ${data.length} 行，请分批导入`,
        },
      ],
    };
  const rows: WorkOrderRow[] = [];
  const errors: WorkOrderRead['errors'] = [];
  const seen = new Map<string, number>();
  data.forEach((r, i) => {
    const row = header.at + i + 2;
    const cell = (f: WorkOrderField) => {
      const c = header.columns[f];
      return c === undefined ? '' : (r[c] ?? '').replace(/^\uFEFF/u, '').trim();
    };
    const v = Object.fromEntries(WORK_ORDER_FIELDS.map((f) => [f, cell(f)])) as Record<
      WorkOrderField,
      string
    >;
    if (WORK_ORDER_FIELDS.every((f) => !v[f])) return;
    const empty = REQUIRED.filter((f) => !v[f]);
    if (empty.length)
      errors.push({ row, message: `${empty.map((f) => WORK_ORDER_LABELS[f]).join('、')}为空` });
    const calledAt = v.calledAt ? parseCallTime(v.calledAt) : null;
    if (v.calledAt && !calledAt) errors.push({ row, message: `来电时间“${v.calledAt}”无法识别` });
    if (v.question.length > CALL_QUESTION_MAX)
      errors.push({ row, message: `诉求内容超过 ${CALL_QUESTION_MAX} 字` });
    if (v.answer.length > CALL_ANSWER_MAX)
      errors.push({ row, message: `办理结果超过 ${CALL_ANSWER_MAX} 字` });
    if (v.workOrderNo) {
      const first = seen.get(v.workOrderNo);
      if (first) errors.push({ row, message: `工单编号 ${v.workOrderNo} 与第 ${first} 行重复` });
      else seen.set(v.workOrderNo, row);
    }
    rows.push({ row, ...v, calledAt: calledAt ?? '' });
  });
  if (!rows.length && !errors.length) errors.push({ row: header.at + 2, message: '文件中没有任何工单' });
  return { rows, errors };
}

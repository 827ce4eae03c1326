// The 基层政务公开标准目录 (国办发〔2019〕54号; REGULATIONS.md §6, CAT-1/CAT-2): the 26 domains, and reading a
// catalogue table (from .xlsx or .docx, merged cells exact) into rows. Vertically merged cells carry their text
// down; a merge that crosses from one domain into another is refused, as are missing columns.
import { codesOf } from '../codes';
import { type Cell, type DocBlock, type TableBlock, tableGrid } from '../tasks/blocks';

/** The 26 pilot domains (§6 table order), with names seen in published catalogues as aliases. */
export const DIRECTORY_DOMAINS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: '城乡规划', aliases: ['规划'] },
  { name: '重大建设项目', aliases: [] },
  { name: '公共资源交易', aliases: [] },
  { name: '财政预决算', aliases: ['财政预算决算', '预决算'] },
  { name: '安全生产', aliases: [] },
  { name: '税收管理', aliases: [] },
  { name: '征地补偿', aliases: ['征地'] },
  { name: '国有土地上房屋征收与补偿', aliases: ['房屋征收与补偿', '房屋征收'] },
  { name: '环境保护', aliases: ['生态环境'] },
  { name: '公共文化服务', aliases: ['公共文化'] },
  { name: '公共法律服务', aliases: ['法律服务'] },
  { name: '扶贫', aliases: ['脱贫攻坚', '乡村振兴'] },
  { name: '救灾', aliases: [] },
  { name: '社会救助', aliases: [] },
  { name: '养老服务', aliases: ['养老'] },
  { name: '户籍管理', aliases: ['户籍'] },
  { name: '涉农补贴', aliases: [] },
  { name: '义务教育', aliases: [] },
  { name: '卫生计生', aliases: ['卫生健康'] },
  { name: '食品药品监管', aliases: ['食品药品监督管理', '食品药品'] },
  { name: '城市综合执法', aliases: ['城市管理综合执法'] },
  { name: '就业', aliases: [] },
  { name: '社会保险', aliases: ['社保'] },
  { name: '农村危房改造', aliases: ['危房改造'] },
  { name: '保障性住房', aliases: ['保障房'] },
  { name: '市政服务', aliases: [] },
];
export const OTHER_DOMAIN = '其他领域';

export const AUDIENCES = ['all', 'specific'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const METHODS = ['active', 'apply'] as const;
export type Method = (typeof METHODS)[number];
export type Level = 'county' | 'township';
export const LEVEL_LABELS: Record<Level, string> = { county: '县级', township: '乡级' };
export const LEVELS = codesOf(LEVEL_LABELS);

export interface DirectoryRowInput {
  /** One of the 26 names, or 其他领域 (then `otherDomain` names it). */
  domain: string;
  otherDomain: string | null;
  seq: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  subject: string;
  channels: string[];
  audience: Audience[];
  methods: Method[];
  levels: Level[];
  /** Where the row was read: "表1第5行". */
  source: string;
}

export interface DomainNote {
  domain: string;
  note: string;
}

export interface ParsedDirectory {
  rows: DirectoryRowInput[];
  notApplicable: DomainNote[];
  errors: string[];
  warnings: string[];
}

const clean = (s: string) =>
  s
    .replace(/[\s　]+/g, '')
    .replace(/[（(]/g, '（')
    .replace(/[）)]/g, '）');

/** A domain named in a title ("三、财政预决算领域基层政务公开标准目录"), or null. */
export function findDomain(text: string): string | null {
  const t = clean(text);
  for (const d of DIRECTORY_DOMAINS) if (t.includes(d.name)) return d.name;
  for (const d of DIRECTORY_DOMAINS) if (d.aliases.some((a) => t.includes(a))) return d.name;
  return null;
}

/** Every domain a 未涉及 note names. */
function domainsIn(text: string): string[] {
  const t = clean(text);
  return DIRECTORY_DOMAINS.filter((d) => t.includes(d.name) || d.aliases.some((a) => t.includes(a))).map(
    (d) => d.name,
  );
}

type Key =
  | 'seq'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'content'
  | 'basis'
  | 'timeLimit'
  | 'subject'
  | 'channel'
  | 'audience'
  | 'method'
  | 'level'
  | 'aud_all'
  | 'aud_specific'
  | 'm_active'
  | 'm_apply'
  | 'lv_county'
  | 'lv_town';

const LABELS: [Key, RegExp][] = [
  ['seq', /^序号$/],
  ['domain', /^(所属)?领域$/],
  ['level1', /一级事项/],
  ['level2', /二级事项/],
  ['content', /公开内容/],
  ['basis', /公开依据/],
  ['timeLimit', /公开时限/],
  ['subject', /公开主体/],
  ['channel', /公开渠道|公开载体/],
  ['audience', /^公开对象$/],
  ['method', /^公开方式$/],
  ['level', /^公开层级$/],
  ['aud_all', /^全社会$/],
  ['aud_specific', /^特定(群众|群体)$/],
  ['m_active', /^主动(公开)?$/],
  ['m_apply', /^依申请(公开)?$/],
  ['lv_county', /^(县|区|县（区）|县（市、区）)级$/],
  ['lv_town', /^(乡|乡镇|镇|镇街|乡（镇）|乡镇（街道）)级$/],
];
const keyOf = (text: string): Key | null => LABELS.find(([, re]) => re.test(clean(text)))?.[0] ?? null;

const REQUIRED: [string, Key[]][] = [
  ['序号', ['seq']],
  ['一级事项', ['level1']],
  ['二级事项', ['level2']],
  ['公开内容（要素）', ['content']],
  ['公开依据', ['basis']],
  ['公开时限', ['timeLimit']],
  ['公开主体', ['subject']],
  ['公开渠道和载体', ['channel']],
  ['公开对象', ['audience', 'aud_all', 'aud_specific']],
  ['公开方式', ['method', 'm_active', 'm_apply']],
  ['公开层级', ['level', 'lv_county', 'lv_town']],
];

/** The CAT-1 column names, in the order published catalogues use (a header written this way needs no sub-row). */
export const CAT1_COLUMNS: readonly string[] = REQUIRED.map(([name]) => name);

const CHECKED = /[√✓✔■☑●是Y]/iu;
const CHANNELS_SPLIT = /[、，,；;/\n]+|\s{2,}/;

/** 公开渠道和载体: a checkbox list ("■政府网站 □政务服务中心") keeps the ticked ones; else a written list. */
export function readChannels(text: string): string[] {
  if (/[■□☑☐]/.test(text)) {
    return [...text.matchAll(/[■☑]\s*([^■□☑☐]+)/g)].map((m) => m[1]!.trim()).filter(Boolean);
  }
  return text
    .split(CHANNELS_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Columns {
  map: Map<Key, number>;
  headerRows: number;
}

/** The header: the first row naming ≥ 3 columns, and a second row when it holds the sub-columns. */
function findHeader(grid: (Cell | undefined)[][]): { at: number; cols: Columns } | null {
  for (let r = 0; r < Math.min(grid.length, 8); r++) {
    const row = grid[r] ?? [];
    const keys = row.map((c) => (c ? keyOf(c.text) : null));
    if (keys.filter(Boolean).length < 3 && !row.some((c) => c && /公开事项/.test(clean(c.text)))) continue;
    const map = new Map<Key, number>();
    const next = grid[r + 1] ?? [];
    const nextKeys = next.map((c, i) => (c && c !== row[i] ? keyOf(c.text) : null));
    // A second header row only under a parent label spanning columns (公开事项, 公开对象, …): a data row's
    // "主动" must not be taken for a sub-column.
    const parents = row.some((c) => c && c.colSpan > 1 && /公开(事项|对象|方式|层级)/.test(clean(c.text)));
    const twoRows = parents && nextKeys.some(Boolean);
    row.forEach((_, i) => {
      const k = (twoRows ? nextKeys[i] : null) ?? keys[i];
      if (k && !map.has(k)) map.set(k, i);
    });
    return { at: r, cols: { map, headerRows: twoRows ? 2 : 1 } };
  }
  return null;
}

/** A row that is one cell across the table (a domain title or a note), with its text. */
function spanningText(row: (Cell | undefined)[]): string | null {
  const cells = [...new Set(row.filter((c): c is Cell => !!c && c.text.trim() !== ''))];
  if (cells.length !== 1) return null;
  const c = cells[0]!;
  return c.colSpan >= Math.max(2, row.length - 1) || row.filter(Boolean).length === 1 ? c.text.trim() : null;
}

function tableName(t: TableBlock, i: number): string {
  return t.name ? `「${t.name}」` : `表${i + 1}`;
}

/** Reads every catalogue table of a document; nothing is dropped silently (errors and warnings say what). */
export function parseDirectory(blocks: readonly DocBlock[]): ParsedDirectory {
  const out: ParsedDirectory = { rows: [], notApplicable: [], errors: [], warnings: [] };
  let contextDomain: { domain: string; other: string | null } | null = null;
  let tableNo = 0;
  const noteNA = (text: string) => {
    for (const d of domainsIn(text)) out.notApplicable.push({ domain: d, note: text.trim() });
  };
  for (const b of blocks) {
    if (b.type === 'p') {
      if (/未涉及/.test(b.text)) noteNA(b.text);
      else if (/领域/.test(b.text) && b.text.length <= 60) {
        const d = findDomain(b.text);
        contextDomain = d ? { domain: d, other: null } : otherOf(b.text);
      }
      continue;
    }
    const name = tableName(b, tableNo++);
    const grid = tableGrid(b);
    const header = findHeader(grid);
    if (!header) continue;
    const { map, headerRows } = header.cols;
    const missing = REQUIRED.filter(([, keys]) => !keys.some((k) => map.has(k))).map(([n]) => n);
    if (missing.length) {
      out.errors.push(`${name}缺少列：${missing.join('、')}`);
      continue;
    }
    let domain = b.name && findDomain(b.name) ? { domain: findDomain(b.name)!, other: null } : contextDomain;
    const domainOfRow = new Map<number, string>();
    const get = (row: (Cell | undefined)[], k: Key) => {
      const i = map.get(k);
      return i === undefined ? '' : (row[i]?.text ?? '').trim();
    };
    const ticked = (row: (Cell | undefined)[], k: Key) => CHECKED.test(get(row, k));
    let last1 = '';
    for (let r = header.at + headerRows; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const where = `${name}第${r + 1}行`;
      const span = spanningText(row);
      if (span !== null) {
        if (/未涉及/.test(span)) noteNA(span);
        else {
          const d = findDomain(span);
          domain = d ? { domain: d, other: null } : otherOf(span);
          last1 = '';
        }
        continue;
      }
      if (row.every((c) => !c || c.text.trim() === '') || keyOf(get(row, 'seq')) === 'seq') continue;
      const written = get(row, 'domain');
      const rowDomain = written
        ? findDomain(written)
          ? { domain: findDomain(written)!, other: null }
          : otherOf(written)
        : domain;
      if (!rowDomain) {
        out.errors.push(`${where}：未能确定所属领域（请在表格前写明“××领域”或增加“领域”列）`);
        continue;
      }
      const key = rowDomain.other ?? rowDomain.domain;
      domainOfRow.set(r, key);
      // A merged cell that began in another domain's rows.
      for (const c of new Set(row)) {
        if (!c || c.row === r) continue;
        const from = domainOfRow.get(c.row);
        if (from && from !== key)
          out.errors.push(
            `${where}：合并单元格「${c.text.trim().slice(0, 20)}」跨越了「${from}」和「${key}」两个领域`,
          );
      }
      let level1 = get(row, 'level1');
      // Flattened text cannot tell an empty cell from a merged one: an empty 一级事项 continues the one above.
      if (!level1) level1 = last1;
      last1 = level1;
      const audience: Audience[] = map.has('audience')
        ? ([
            /全社会/.test(get(row, 'audience')) && 'all',
            /特定/.test(get(row, 'audience')) && 'specific',
          ].filter(Boolean) as Audience[])
        : ([ticked(row, 'aud_all') && 'all', ticked(row, 'aud_specific') && 'specific'].filter(
            Boolean,
          ) as Audience[]);
      const methods: Method[] = map.has('method')
        ? ([/主动/.test(get(row, 'method')) && 'active', /依申请/.test(get(row, 'method')) && 'apply'].filter(
            Boolean,
          ) as Method[])
        : ([ticked(row, 'm_active') && 'active', ticked(row, 'm_apply') && 'apply'].filter(
            Boolean,
          ) as Method[]);
      const levels: Level[] = map.has('level')
        ? ([
            /[县区]/.test(get(row, 'level')) && 'county',
            /[乡镇街]/.test(get(row, 'level')) && 'township',
          ].filter(Boolean) as Level[])
        : ([ticked(row, 'lv_county') && 'county', ticked(row, 'lv_town') && 'township'].filter(
            Boolean,
          ) as Level[]);
      const item: DirectoryRowInput = {
        domain: rowDomain.domain,
        otherDomain: rowDomain.other,
        seq: get(row, 'seq'),
        level1,
        level2: get(row, 'level2'),
        content: get(row, 'content'),
        basis: get(row, 'basis'),
        timeLimit: get(row, 'timeLimit'),
        subject: get(row, 'subject'),
        channels: readChannels(get(row, 'channel')),
        audience,
        methods,
        levels,
        source: where,
      };
      if (!item.level1) out.errors.push(`${where}：缺少一级事项`);
      if (!item.subject) out.errors.push(`${where}：缺少公开主体`);
      if (item.levels.length === 0) out.errors.push(`${where}：未标明公开层级（县级或乡级）`);
      if (!item.level2) item.level2 = item.level1;
      out.rows.push(item);
    }
  }
  if (out.rows.length === 0 && out.errors.length === 0)
    out.errors.push('未找到标准目录表格（表头应包含：序号、一级事项、二级事项、公开内容（要素）等列）');
  const covered = new Set(out.rows.map((r) => r.domain));
  for (const n of out.notApplicable)
    if (covered.has(n.domain)) out.warnings.push(`「${n.domain}」既有目录事项又注明未涉及，请核对`);
  return out;
}

function otherOf(text: string): { domain: string; other: string } | null {
  const t = clean(text)
    .replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\d+[.、．]/, '')
    .replace(/基层政务公开标准目录|政务公开标准目录|标准目录/g, '');
  const name = t.replace(/^其他领域[：:]?/, '').replace(/领域$/, '');
  return name ? { domain: OTHER_DOMAIN, other: name } : null;
}

/** The identity of a row across versions: domain, 一级事项, 二级事项 (spaces ignored). */
export function rowKey(r: Pick<DirectoryRowInput, 'domain' | 'otherDomain' | 'level1' | 'level2'>): string {
  return [r.otherDomain ?? r.domain, r.level1, r.level2].map(clean).join('|');
}

const COMPARED: (keyof DirectoryRowInput)[] = [
  'content',
  'basis',
  'timeLimit',
  'subject',
  'channels',
  'audience',
  'methods',
  'levels',
];

export interface DirectoryChanges {
  added: string[];
  removed: string[];
  changed: { key: string; fields: string[] }[];
}

const FIELD_LABELS: Record<string, string> = {
  content: '公开内容',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  methods: '公开方式',
  levels: '公开层级',
};

/** What a new version changes (动态调整): rows added, removed, and changed with the fields that differ. */
export function diffDirectory(
  before: readonly DirectoryRowInput[],
  after: readonly DirectoryRowInput[],
): DirectoryChanges {
  const old = new Map(before.map((r) => [rowKey(r), r]));
  const now = new Map(after.map((r) => [rowKey(r), r]));
  const changed: DirectoryChanges['changed'] = [];
  for (const [k, r] of now) {
    const o = old.get(k);
    if (!o) continue;
    const fields = COMPARED.filter((f) => JSON.stringify(o[f]) !== JSON.stringify(r[f])).map(
      (f) => FIELD_LABELS[f]!,
    );
    if (fields.length) changed.push({ key: k, fields });
  }
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    changed,
  };
}

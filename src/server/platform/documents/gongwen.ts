// The pieces of a .docx in 公文 layout (GB/T 9704: A4, margins 37/35/28/26 mm, 方正小标宋 二号 title, 仿宋_GB2312
// 三号 body, 黑体 level-1 and 楷体 level-2 headings, "— n —" page numbers), shared by every 通报 the platform writes
// (tasks 督办通报, media 检查通报, assessment 考核通报): `gongwenBulletin` puts a 通报 together from them.
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type Block = Paragraph | Table;

const FS = '仿宋_GB2312';
export const run = (text: string, font = FS, size = 32, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });
export const body = (text: string) =>
  new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 } });
export const heading = (text: string) =>
  new Paragraph({ children: [run(text, '黑体')], indent: { firstLine: 640 }, spacing: { line: 560 } });
export const sub = (text: string) =>
  new Paragraph({ children: [run(text, '楷体_GB2312')], indent: { firstLine: 640 }, spacing: { line: 560 } });

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一, 二, … for heading numbers. */
export const cn = (n: number) => CN_NUM[n - 1] ?? String(n);

/** The level-1 headings of one document, numbered in order (一、二、…): each call makes the next. */
export function numberedHeadings(): (title: string) => Paragraph {
  let n = 0;
  return (title) => heading(`${cn(++n)}、${title}`);
}

/** A level-2 part (（一）, （二）, … `title`) and its items as body paragraphs numbered 1．, 2．, … . */
export const numberedPart = (n: number, title: string, items: readonly string[]) => [
  sub(`（${cn(n)}）${title}`),
  ...items.map((text, i) => body(`${i + 1}．${text}`)),
];

/**
 * A 通报's section naming units (予以通报表扬/批评的单位): its heading and "甲、乙等 2 个单位<why>"; nothing when
 * no unit is named.
 */
export const unitsSection = (
  h: (title: string) => Paragraph,
  title: string,
  units: readonly string[],
  why: string,
) => (units.length ? [h(title), body(`${units.join('、')}等 ${units.length} 个单位${why}`)] : []);

/** 2026-12-05 → 2026年12月5日. */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FS, 24, bold)] })],
  });

/** A full-width table: a header row repeated on every page, then the rows. */
export function gridTable(head: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })),
    ],
  });
}

/** 版头: the issuer's 文件 line, the 文号, the title and the 主送机关; then the opening paragraph when given. */
export function gongwenHead(h: {
  issuer: string;
  docNumber: string;
  title: string;
  to: string;
  opening?: string;
}): Block[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 560 },
      children: [run(`${h.issuer.replace(/办公室$/, '')}办公室文件`, '方正小标宋简体', 44)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480 },
      children: [run(h.docNumber)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 560, after: 480 },
      children: [run(h.title, '方正小标宋简体', 44)],
    }),
    new Paragraph({ spacing: { line: 560 }, children: [run(`${h.to}：`)] }),
    ...(h.opening ? [body(h.opening)] : []),
  ];
}

/** 落款 (issuer and date, right-aligned), then an 附件 on its own page when given. */
export function gongwenTail(t: {
  issuer: string;
  date: string;
  annex?: { title: string; table: Table };
}): Block[] {
  const out: Block[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 960 }, children: [run(t.issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(chineseDate(t.date))] }),
  ];
  if (t.annex)
    out.push(
      new Paragraph({ pageBreakBefore: true, children: [run('附件', '黑体')] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(t.annex.title, '方正小标宋简体', 36)],
      }),
      t.annex.table,
    );
  return out;
}

/** The document: A4 with the 公文 margins and centred "— n —" page numbers. */
export async function gongwenDocx(title: string, children: Block[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Gongkai',
    title,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: '宋体' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A 通报 to 各有关单位: 版头 with the opening paragraph, the numbered sections `sections` writes (given the heading
 * maker, so that the numbers run on), 工作要求 as the last section, 落款 and the 附件 when given.
 */
export function gongwenBulletin(
  b: {
    issuer: string;
    docNumber: string;
    title: string;
    opening: string;
    requirements: string;
    date: string;
    annex?: { title: string; table: Table };
  },
  sections: (h: (title: string) => Paragraph) => Block[],
): Promise<Uint8Array> {
  const h = numberedHeadings();
  return gongwenDocx(b.title, [
    ...gongwenHead({ ...b, to: '各有关单位' }),
    ...sections(h),
    h('工作要求'),
    body(b.requirements),
    ...gongwenTail(b),
  ]);
}

// The 检查通报 .docx: 版头 with the 文号, the figures (sites checked, 合格/不合格, vetoes, findings by kind, 政务新媒体
// results), the units praised and criticised, the channels found 不合格 with their vetoes, the requirements, 落款,
// and the per-channel table as 附件. Layout from platform/documents/gongwen.ts (shared with the tasks 通报).
import type { BulletinFigures } from '../../../domain/media/bulletin';
import { ACCOUNT_VETO_LABELS, type AccountVetoRule } from '../../../domain/media/newmedia';
import { availabilityShare, vetoLabel } from '../../../domain/media/rules';
import {
  type Block,
  body,
  gongwenBulletin,
  gridTable,
  numberedPart,
  unitsSection,
} from '../../platform/documents/gongwen';

export interface ChannelLine {
  unitName: string;
  name: string;
  verdict: string;
  vetoes: { rule: string; detail: string }[];
  findings: { kind: string }[];
  /** MON-1 samples the check used (sites only). */
  availability: { failed: number; total: number } | null;
  /** The day of the check counted. */
  lastOn: string;
}

const accountVetoLabel = (rule: string) =>
  Object.hasOwn(ACCOUNT_VETO_LABELS, rule) ? ACCOUNT_VETO_LABELS[rule as AccountVetoRule] : rule;

const listCounts = (c: { label: string; count: number }[]) =>
  c.map((x) => `${x.label}${x.count}个`).join('、');

export async function bulletinDocx(input: {
  title: string;
  periodLabel: string;
  issuer: string;
  docNumber: string;
  today: string;
  figures: BulletinFigures;
  sites: ChannelLine[];
  accounts: ChannelLine[];
}): Promise<Uint8Array> {
  const f = input.figures;
  const availabilityCell = (c: ChannelLine) => {
    if (!c.availability || c.availability.total === 0) return '—';
    const a = availabilityShare(c.availability);
    return `${c.availability.total}次/失败${c.availability.failed}次（${a.share}%${a.veto ? '，否决' : ''}）`;
  };
  const line = (c: ChannelLine, kind: string, i: number) => [
    String(i),
    c.unitName,
    kind,
    c.name,
    c.lastOn,
    c.verdict,
    String(c.findings.length),
    kind === '政府网站' ? availabilityCell(c) : '—',
  ];
  const rows = [
    ...input.sites.map((s, i) => line(s, '政府网站', i + 1)),
    ...input.accounts.map((a, i) => line(a, '政务新媒体', input.sites.length + i + 1)),
  ];
  return gongwenBulletin(
    {
      ...input,
      date: input.today,
      opening: `根据《国务院办公厅秘书局关于印发政府网站与政务新媒体检查指标、监管工作年度考核指标的通知》（国办秘函〔2019〕19号）要求，现将${input.periodLabel}全区政府网站和政务新媒体检查情况通报如下。`,
      requirements:
        '请检查不合格的单位立即整改，于5个工作日内通过政务公开平台报送整改情况；各单位要落实网站和政务新媒体内容保障责任，确保按时更新、互动回应及时。整改情况将纳入年度政务公开考核。',
      annex: {
        title: `${input.periodLabel}政府网站和政务新媒体检查结果`,
        table: gridTable(['序号', '单位', '类别', '名称', '检查日期', '结论', '问题数', '可用性抽测'], rows),
      },
    },
    (h) => {
      const children: Block[] = [h('总体情况')];
      children.push(
        body(
          `本期共检查政府网站 ${f.sites.checked} 个，合格 ${f.sites.passed} 个，不合格 ${f.sites.failed} 个；抽查政务新媒体账号 ${f.accounts.checked} 个，合格 ${f.accounts.passed} 个，不合格 ${f.accounts.failed} 个。`,
        ),
      );
      const sampled = f.availability ?? [];
      if (sampled.length) {
        const vetoed = sampled.filter((a) => a.veto);
        children.push(
          body(
            `可用性抽测（每个网站检查前7天，约每72分钟访问首页1次，超过15秒未打开计为失败，失败比例达到5%即单项否决）：抽测网站 ${sampled.length} 个，${
              vetoed.length ? `其中 ${vetoed.length} 个触发“站点无法访问”单项否决` : '均未触发单项否决'
            }；${sampled.map((a) => `${a.unitName}“${a.name}”抽测${a.probes}次、失败${a.failures}次（${a.share}%）${a.veto ? '，否决' : ''}`).join('；')}。`,
          ),
        );
      }
      if (f.sites.checked > sampled.length)
        children.push(body(`另有 ${f.sites.checked - sampled.length} 个网站检查时尚无可用性抽测记录。`));
      if (f.siteVetoes.length)
        children.push(body(`政府网站触发单项否决的情形：${listCounts(f.siteVetoes)}。`));
      if (f.findings.length)
        children.push(
          body(`检查发现的问题按类型统计：${f.findings.map((x) => `${x.label}${x.count}处`).join('、')}。`),
        );
      if (f.accountVetoes.length)
        children.push(body(`政务新媒体触发单项否决的情形：${listCounts(f.accountVetoes)}。`));
      children.push(
        ...unitsSection(
          h,
          '予以通报表扬的单位',
          f.praised,
          '所属网站和政务新媒体检查全部合格，予以通报表扬。',
        ),
      );
      const failedSites = input.sites.filter((s) => s.verdict !== '合格');
      const failedAccounts = input.accounts.filter((a) => a.verdict !== '合格');
      if (f.criticised.length) {
        children.push(
          ...unitsSection(
            h,
            '予以通报批评的单位',
            f.criticised,
            '所属网站或政务新媒体检查不合格，予以通报批评。',
          ),
        );
        // The channels found 不合格, each with its vetoes: a numbered part for sites, then one for accounts.
        const parts = [
          { title: '不合格的政府网站', list: failedSites, label: vetoLabel },
          { title: '不合格的政务新媒体', list: failedAccounts, label: accountVetoLabel },
        ].filter((p) => p.list.length);
        for (const [k, { title, list, label }] of parts.entries())
          children.push(
            ...numberedPart(
              k + 1,
              title,
              list.map(
                (c) =>
                  `${c.unitName}“${c.name}”：${c.vetoes.map((v) => `${label(v.rule)}（${v.detail}）`).join('；')}。`,
              ),
            ),
          );
      }
      if (!f.sites.checked && !f.accounts.checked) {
        children.push(h('说明'));
        children.push(body('本期未开展政府网站检查和政务新媒体抽查。'));
      }
      return children;
    },
  );
}

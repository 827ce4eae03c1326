// Sample published items for the demo district (`npm start`), so the portal's catalog, item pages, normative
// query, interpretation links and search have something to show. Titles say 示例 so nobody takes them for real
// documents. Written directly as published with a "demo" history step (the review workflow has its own tests);
// once per database (setting demo.contentSeeded).
import type { DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import { systemActor } from '../../platform/context';
import { getSetting, putSetting } from '../../platform/settings';
import { findUnitByName, findUserByUsername } from '../org';
import { ensureUnitCatalog, itemCategoryIn, rootUnitId } from './catalog';
import { nextIndexNo } from './index-number';
import { unitColumnByCode } from './repo/catalog';
import { insertItem, insertStep } from './repo/items';
import { bodyToText, sanitizeBody } from './sanitize';
import { indexItem } from './search';
import { getDisclosureSettings } from './settings';

interface DemoItem {
  key: string;
  /** Unit name; null = the district government. */
  unit: string | null;
  /** Column code in the unit's catalog. */
  column: string;
  kind: 'general' | 'normative' | 'interpretation';
  title: string;
  docNumber?: string;
  written: string;
  published: string;
  /** 公开类别 (PUB-6) when it is not the column's. */
  art20?: string;
  interprets?: string;
  body: string[];
}

export const DEMO_ITEMS: DemoItem[] = [
  {
    key: 'rules',
    unit: null,
    column: 'art20_1',
    kind: 'normative',
    title: '潼南区政务公开工作制度（示例）',
    docNumber: '潼南府办发〔2026〕1号',
    written: '2026-01-05',
    published: '2026-01-09',
    body: [
      '第一条 为推进政务公开工作规范化、标准化，根据《中华人民共和国政府信息公开条例》，结合本区实际，制定本制度。',
      '第二条 各镇街、区政府各部门应当依照条例第二十条、第二十一条主动公开政府信息，自信息形成或者变更之日起20个工作日内予以公开。',
      '第三条 拟公开的政府信息须经初审、复审、终审三级审核，并进行保密审查和个人信息检查。',
      '第四条 本制度自印发之日起施行。',
    ],
  },
  {
    key: 'rules-qa',
    unit: null,
    column: 'art20_1',
    kind: 'interpretation',
    title: '《潼南区政务公开工作制度》政策解读（示例）',
    written: '2026-01-09',
    published: '2026-01-09',
    interprets: 'rules',
    body: [
      '一、制定背景：落实《中华人民共和国政府信息公开条例》，统一全区主动公开的时限和审核要求。',
      '二、主要内容：明确主动公开范围、20个工作日的公开时限、三级审核和保密审查。',
      '三、适用范围：各镇街、区政府各部门。',
    ],
  },
  {
    key: 'secrecy',
    unit: null,
    column: 'zd',
    kind: 'general',
    title: '潼南区政府信息公开保密审查制度（示例）',
    written: '2026-01-12',
    published: '2026-01-15',
    art20: 'art20_15',
    body: [
      '政府信息公开前，应当依照《中华人民共和国保守国家秘密法》及其他法律、法规和国家有关规定进行审查。',
      '不能确定政府信息是否可以公开的，应当依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。',
    ],
  },
  {
    key: 'fgw-plan',
    unit: '区发展改革委',
    column: 'art20_3',
    kind: 'general',
    title: '区发展改革委2026年重点项目投资计划（示例）',
    written: '2026-02-10',
    published: '2026-02-20',
    body: [
      '为扎实推进2026年重点项目建设，现将本年度重点项目投资计划公布如下。',
      '全年安排重点项目若干个，涵盖交通、水利、教育、医疗卫生等领域，具体项目清单详见区政府门户网站。',
    ],
  },
  {
    key: 'jw-enrol',
    unit: '区教委',
    column: 'art20_11',
    kind: 'general',
    title: '2026年秋季义务教育阶段招生入学工作方案（示例）',
    written: '2026-05-20',
    published: '2026-05-28',
    body: [
      '一、招生原则：坚持免试就近入学，保障适龄儿童少年平等接受义务教育。',
      '二、时间安排：6月上旬公布学区划分，7月中旬完成新生登记，8月下旬公布录取结果。',
      '三、咨询方式：请向区教委基础教育科咨询。',
    ],
  },
  {
    key: 'sj-chouzi',
    unit: '双江镇',
    // A 镇街's own Art. 21 topic (the township list).
    column: 'art21t_5',
    kind: 'general',
    title: '双江镇2026年村级公益事业建设筹资筹劳方案公示（示例）',
    written: '2026-03-10',
    published: '2026-03-16',
    body: [
      '根据村民代表会议决议，现将本镇2026年村级公益事业建设筹资筹劳方案公示如下。',
      '一、项目内容：村内道路硬化和小型水利设施维修。',
      '二、筹资筹劳标准：按村民代表会议议定的标准执行，不得超过规定上限。',
      '三、公示期间如有意见，请向镇农业服务中心反映。',
    ],
  },
];

/** Publishes DEMO_ITEMS once. Returns how many items were written (0 when already done or no demo units). */
export async function seedDisclosureDemo(db: DbOrTx): Promise<number> {
  if (await getSetting<boolean>(db, 'demo.contentSeeded')) return 0;
  const root = await rootUnitId(db);
  const author = await findUserByUsername(db, 'office');
  if (!root || !author) return 0;
  const settings = await getDisclosureSettings(db);
  const roots = new Map<string, string>();
  let written = 0;
  for (const d of DEMO_ITEMS) {
    const unitId = d.unit ? (await findUnitByName(db, d.unit))?.id : root;
    if (!unitId) continue;
    await ensureUnitCatalog(db, unitId);
    const col = await unitColumnByCode(db, unitId, d.column);
    const columnId = col?.id ?? null;
    // The same rule as a drafted item: the column gives the category unless the sample names one.
    const art20 = await itemCategoryIn(db, { unitId, columnId, chosen: d.art20, kind: d.kind });
    const bodyHtml = sanitizeBody(d.body.map((p) => `<p>${p}</p>`).join(''));
    const id = crypto.randomUUID();
    const at = new Date(`${d.published}T09:00:00+08:00`);
    await insertItem(db, {
      id,
      rootId: id,
      kind: d.kind,
      unitId,
      columnId,
      title: d.title,
      indexNo: await nextIndexNo(db, unitId, Number(d.written.slice(0, 4)), art20, settings.indexRule),
      docNumber: d.docNumber ?? null,
      writtenDate: d.written,
      formedDate: d.written,
      publishDate: d.published,
      art20,
      summary: d.body[0]!.slice(0, 80),
      bodyHtml,
      bodyText: bodyToText(bodyHtml),
      status: 'published',
      publishedAt: at,
      validity: d.kind === 'normative' ? 'in_force' : null,
      effectiveDate: d.kind === 'normative' ? d.published : null,
      policyRootId: d.interprets ? (roots.get(d.interprets) ?? null) : null,
      interpretationForm: d.kind === 'interpretation' ? 'qa' : null,
      createdBy: author.id,
      createdAt: at,
      updatedAt: at,
    });
    await insertStep(db, id, { id: null, name: '演示数据' }, 'publish', '演示区县的示例信息', null, at);
    await indexItem(db, id);
    roots.set(d.key, id);
    written++;
  }
  await putSetting(db, 'demo.contentSeeded', true);
  await audit(db, systemActor('demo'), {
    action: 'disclosure.demo.seed',
    objectType: 'disclosureItem',
    objectId: null,
    detail: { items: written },
  });
  return written;
}

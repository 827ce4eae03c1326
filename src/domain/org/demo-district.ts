// The demo district: 重庆市潼南区, built from seed 000 (潼南府办〔2023〕18号). Plain data (names, parent by name,
// aliases); ids are given by whoever stores it (see unitRefsFromPlain in domain/units).
import type { PlainUnit, PlainUnitGroup } from '../units/plain';

export const DEMO_DISTRICT = {
  name: '重庆市潼南区',
  /** stripped before unit names are compared: 重庆市潼南区发展和改革委员会 → 发展和改革委员会 */
  regionPrefixes: ['重庆市', '潼南'],
  level: '区',
} as const;

export const DEMO_ROOT_UNIT = '区政府';
export const DEMO_OFFICE_UNIT = '区政府办公室';

const dept = (name: string, ...aliases: string[]): PlainUnit => ({
  name,
  kind: 'department',
  parent: DEMO_ROOT_UNIT,
  aliases,
});

/** The 25 member units of the leading group, in the order of seed 000, with the names written there. */
export const DEMO_MEMBER_UNITS: readonly PlainUnit[] = [
  dept('区政府办公室', '区政府办', '重庆市潼南区人民政府办公室', '潼南区人民政府办公室'),
  dept('区委宣传部', '区政府新闻办', '区委宣传部（区政府新闻办）', '中共重庆市潼南区委宣传部'),
  dept('区委网信办', '区网信办', '区委网信办（区网信办）', '中共重庆市潼南区委网络安全和信息化委员会办公室'),
  dept('区发展改革委', '区发改委', '重庆市潼南区发展和改革委员会'),
  dept('区教委', '重庆市潼南区教育委员会'),
  dept('区民政局', '重庆市潼南区民政局'),
  dept('区司法局', '重庆市潼南区司法局'),
  dept('区财政局', '重庆市潼南区财政局'),
  dept('区人力社保局', '区人社局', '重庆市潼南区人力资源和社会保障局'),
  dept('区规划自然资源局', '重庆市潼南区规划和自然资源局'),
  dept('区生态环境局', '重庆市潼南区生态环境局'),
  dept('区住房城乡建委', '区住建委', '重庆市潼南区住房和城乡建设委员会'),
  dept('区城市管理局', '重庆市潼南区城市管理局'),
  dept('区交通局', '重庆市潼南区交通局'),
  dept('区水利局', '重庆市潼南区水利局'),
  dept('区农业农村委', '重庆市潼南区农业农村委员会'),
  dept('区文化旅游委', '区文旅委', '重庆市潼南区文化和旅游发展委员会'),
  dept('区卫生健康委', '区卫健委', '重庆市潼南区卫生健康委员会'),
  dept('区应急局', '重庆市潼南区应急管理局'),
  dept('区政务服务管理办', '重庆市潼南区政务服务管理办公室'),
  dept('区国资委', '重庆市潼南区国有资产监督管理委员会'),
  dept('区乡村振兴局', '重庆市潼南区乡村振兴局'),
  // A municipal agency's branch: written "潼南市场监管局", not "区市场监管局", in the seeds.
  dept('潼南市场监管局', '区市场监管局', '重庆市潼南区市场监督管理局'),
  dept('区国家保密局', '区保密局'),
  dept('区档案局', '重庆市潼南区档案局'),
];

export const DEMO_UNITS: readonly PlainUnit[] = [
  {
    name: DEMO_ROOT_UNIT,
    kind: 'government',
    parent: null,
    aliases: ['区人民政府', '重庆市潼南区人民政府', '潼南区人民政府'],
  },
  ...DEMO_MEMBER_UNITS,
  {
    // seed 000: 领导小组办公室日常工作由区政府办公室信息科（政务公开科）承担
    name: '信息科（政务公开科）',
    kind: 'subdivision',
    parent: DEMO_OFFICE_UNIT,
    aliases: ['区政府办公室信息科', '区政府办公室政务公开科', '区政府办公室信息科（政务公开科）'],
  },
  { name: '梓潼街道', kind: 'township', parent: DEMO_ROOT_UNIT, aliases: ['梓潼街道办事处'] },
  { name: '桂林街道', kind: 'township', parent: DEMO_ROOT_UNIT, aliases: ['桂林街道办事处'] },
  { name: '双江镇', kind: 'township', parent: DEMO_ROOT_UNIT, aliases: ['双江镇人民政府'] },
  { name: '柏梓镇', kind: 'township', parent: DEMO_ROOT_UNIT, aliases: ['柏梓镇人民政府'] },
];

export const DEMO_GROUPS: readonly PlainUnitGroup[] = [
  {
    name: '区政府各部门',
    aliases: ['区政府部门', '区政府各部门、单位', '区政府工作部门'],
    needsChoice: false,
    members: { kinds: ['department'] },
  },
  {
    // Broader wording (区级, 单位) used by 003 (通川); same members in the demo tree.
    name: '区级各部门（单位）',
    aliases: ['区级各部门', '区级各部门、各单位', '区级国家机关各部门', '各部门（单位）', '各部门、单位'],
    needsChoice: false,
    members: { kinds: ['department'] },
  },
  {
    name: '各镇人民政府、街道办事处',
    aliases: [
      '各镇街',
      '各镇（街道）',
      '各乡镇（街道）',
      '各乡镇街委',
      '各乡镇人民政府、街道办事处',
      '各镇街道',
    ],
    needsChoice: false,
    members: { kinds: ['township'] },
  },
  {
    // "有关" does not say which: the importer must ask (needsChoice); candidates are all departments.
    name: '区政府有关部门',
    aliases: ['区级有关部门', '区级有关部门（单位）', '区政府相关部门', '有关部门'],
    needsChoice: true,
    members: { kinds: ['department'] },
  },
  {
    name: '有关单位',
    aliases: ['各有关单位', '相关单位'],
    needsChoice: true,
    members: { kinds: ['department', 'township'] },
  },
  {
    name: '领导小组各成员单位',
    aliases: ['各成员单位', '成员单位'],
    needsChoice: false,
    members: { unitNames: DEMO_MEMBER_UNITS.map((u) => u.name) },
  },
];

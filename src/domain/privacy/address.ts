// Addresses truncated to 乡镇/街道 level (SECURITY.md 33, /work/shared: "addresses truncated to 乡镇/街道 level";
// the same idea as the court rule for published judgments, 最高人民法院《关于人民法院在互联网公布裁判文书的规定》
// 2016 第十条: a natural person's home address is removed, the area may stay). The rule, in one place:
// - the administrative levels at the start are kept: 省/自治区/直辖市, 市/自治州/地区/盟, 区/县/旗/县级市, and
//   乡/镇/街道/苏木 (a 街道办事处 keeps 街道);
// - everything finer (村, 社区, 小区, 路, 号, 栋, 单元, 室, a group of a village) becomes one run of six stars, which
//   hides the length as well;
// - without a 乡镇/街道 the address is kept down to its 区/县; with no level at all nothing of it is kept.

const HAN = '\\p{Script=Han}';
// A level's name: Han characters that do not already belong to something finer (a road, a number, a village).
const name = (max: number) => `(?:(?!路|街道|大道|号|村|社区|小区|园区|校区|组)${HAN}){1,${max}}?`;
const GAP = '[ \\u3000]*';
const LEVELS = [
  // 省级: a province, an autonomous region, a municipality (直辖市), Hong Kong or Macao.
  `(?:${name(7)}(?:省|自治区|特别行政区)|(?:北京|天津|上海|重庆)市)`,
  // 地级: a city, an autonomous prefecture, a prefecture, a league (not 市场).
  `${name(8)}(?:自治州|地区|盟|市(?!场))`,
  // 县级: a district, a county, a banner, a county-level city, a forest district.
  `${name(8)}(?:自治县|自治旗|林区|特区|区|县|旗|市(?!场))`,
  // 乡级: a street office (办事处 dropped; some are named after a road: 正东路街道), a town, a township, a sumu;
  // not the start of a road name (城乡路).
  `${name(8)}(?:路?街道|镇|乡|苏木)(?![路街巷道])`,
];
const LEVEL_RES = LEVELS.map((l) => new RegExp(`^${GAP}${l}`, 'u'));
const TOWNSHIP = LEVEL_RES.length - 1;
const COUNTY = TOWNSHIP - 1;

export const ADDRESS_STARS = '******';

/** How many characters at the start of `address` name its 乡镇/街道 (or else its 区/县) level; 0 if none. */
export function addressKeptLength(address: string): number {
  let at = 0;
  // The end of each level found, in order; a level may be missing (a municipality has no 地级 city).
  const ends: number[] = [];
  for (const re of LEVEL_RES) {
    const m = re.exec(address.slice(at));
    if (!m) continue;
    at += m[0].length;
    ends[LEVEL_RES.indexOf(re)] = at;
  }
  return ends[TOWNSHIP] ?? ends[COUNTY] ?? ends.findLast((e) => e !== undefined) ?? 0;
}

/**
 * 「重庆市潼南区桂林街道办事处解放碑路12号3栋2单元101室」→「重庆市潼南区桂林街道******」; an address with nothing
 * finer than its kept levels stays as it is.
 */
export function truncateAddress(address: string): string {
  const s = address.trim();
  const kept = addressKeptLength(s);
  return kept >= s.length ? s : `${s.slice(0, kept)}${ADDRESS_STARS}`;
}

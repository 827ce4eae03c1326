// Normalisation of written unit names: the key under which two spellings of one unit compare equal.
// Pure; no I/O.

/**
 * The ONE table of abbreviation equivalences. Each row lists spellings of the same name part; the first entry is
 * the canonical (shortest) form every other entry is rewritten to. Rows are name parts, not whole names, so
 * "区城市管理局" and "潼南城管局" both become "城管局" once the region prefix is gone.
 * Add rows here, never elsewhere.
 */
export const UNIT_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['发改委', '发展改革委', '发展和改革委员会', '发展改革委员会', '发展和改革委'],
  ['发改局', '发展改革局', '发展和改革局'],
  ['人社局', '人力社保局', '人力资源和社会保障局', '人力资源社会保障局'],
  ['住建委', '住房城乡建委', '住房和城乡建设委员会', '住房城乡建设委员会', '住房城乡建设委'],
  ['住建局', '住房城乡建设局', '住房和城乡建设局'],
  ['城管局', '城市管理局'],
  ['卫健委', '卫生健康委', '卫生健康委员会', '卫生和健康委员会'],
  ['卫健局', '卫生健康局', '卫生和健康局'],
  ['规划自然资源局', '规划和自然资源局'],
  ['经信委', '经济信息委', '经济和信息化委员会', '经济信息化委员会', '经济和信息化委'],
  ['经信局', '经济和信息化局', '经济信息化局'],
  ['农业农村委', '农业农村委员会'],
  ['文旅委', '文化旅游委', '文化和旅游发展委员会', '文化和旅游委员会', '文化旅游委员会'],
  ['市场监管局', '市场监督管理局'],
  ['应急局', '应急管理局'],
  ['政府办', '政府办公室'],
  ['新闻办', '新闻办公室'],
  ['网信办', '网络安全和信息化委员会办公室', '网络安全和信息化办公室'],
  ['教委', '教育委员会'],
  ['国资委', '国有资产监督管理委员会'],
  ['商务委', '商务委员会'],
  ['医保局', '医疗保障局'],
  ['退役军人局', '退役军人事务局'],
  ['科技局', '科学技术局'],
  ['交运局', '交通运输局'],
  ['政务服务管理办', '政务服务管理办公室'],
  ['保密局', '国家保密局'],
  // Township and government endings: 双江镇人民政府 = 双江镇, 梓潼街道办事处 = 梓潼街道, 区人民政府 = 区政府.
  ['镇', '镇人民政府', '镇政府'],
  ['乡', '乡人民政府', '乡政府'],
  ['街道', '街道办事处'],
  ['政府', '人民政府'],
];

interface Rewrite {
  from: string;
  to: string;
}

// Longest first, so "镇人民政府" wins over "人民政府" at the same position.
const REWRITES: readonly Rewrite[] = UNIT_ABBREVIATIONS.flatMap((row) => {
  const to = row[0] ?? '';
  return row.slice(1).map((from) => ({ from, to }));
}).sort((a, b) => b.from.length - a.from.length);

const OPEN_BRACKETS = /[（(〔【[［{｛「『〈《]/g;
const CLOSE_BRACKETS = /[）)〕】\]］}｝」』〉》]/g;

/** Width, whitespace and brackets only: keeps the words. */
export function cleanUnitName(s: string): string {
  return (
    s
      .normalize('NFKC')
      .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
      .replace(OPEN_BRACKETS, '(')
      .replace(CLOSE_BRACKETS, ')')
      .replace(/^[、，,；;。.：:]+|[、，,；;。.：:]+$/g, '')
      // "各镇人民政府，街道办事处" and "各镇人民政府、街道办事处" are one group name.
      .replace(/[，,；;]/g, '、')
  );
}

/** Strip 中共, the region ("重庆市", "潼南", "潼南区") and then one level prefix 区/县. */
export function stripRegionPrefix(cleaned: string, regionPrefixes: readonly string[] = []): string {
  // 中共潼南区委宣传部 = 区委宣传部: the party prefix comes before the region.
  let s = cleaned.replace(/^(中国共产党|中共)(?=.)/, '');
  const prefixes = [...regionPrefixes].map(cleanUnitName).sort((a, b) => b.length - a.length);
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of prefixes) {
      // Keep at least one character: "潼南" alone is not a unit name to strip to nothing.
      if (p && s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  if (/^[区县]./.test(s) && !s.startsWith('区县')) s = s.slice(1);
  return s;
}

/**
 * Rewrite abbreviation variants to their canonical form: left-to-right passes, longest spelling first,
 * repeated until nothing changes (人民政府办公室 → 政府办公室 → 政府办).
 */
export function applyAbbreviations(s: string): string {
  let cur = s;
  for (let pass = 0; pass < 5; pass++) {
    const next = rewriteOnce(cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

function rewriteOnce(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const hit = REWRITES.find((r) => s.startsWith(r.from, i));
    if (hit) {
      out += hit.to;
      i += hit.from.length;
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}

/**
 * The key used for 'normalized' matches: NFKC width folding, no whitespace, brackets unified to ASCII "()",
 * region prefix and one 区/县 stripped, abbreviations rewritten through UNIT_ABBREVIATIONS.
 */
export function normalizeUnitName(s: string, regionPrefixes: readonly string[] = []): string {
  return applyAbbreviations(stripRegionPrefix(cleanUnitName(s), regionPrefixes));
}

/** Split "外(内)" into its outer and inner names; null when the name has no single trailing parenthesis. */
export function splitParenthesised(cleaned: string): { outer: string; inner: string } | null {
  const m = /^([^()]+)\(([^()]+)\)$/.exec(cleaned);
  if (!m) return null;
  return { outer: m[1] ?? '', inner: m[2] ?? '' };
}

// Radical code points that PDF fonts map characters to: a printed PDF's text layer may say "⼯作" (KANGXI RADICAL
// WORK) for 工作, or "⼈⺠政府" for 人民政府. They look the same and match nothing, so text is read through this.

/**
 * The simplified radicals of the CJK Radicals Supplement as the characters a simplified-Chinese text means
 * (NFKC leaves them alone), and ⼾ (KANGXI RADICAL DOOR), which NFKC turns into the traditional 戶.
 */
const SIMPLIFIED: Record<string, string> = {
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2eca': '足',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2eef': '龙',
  '\u2f3e': '户',
};

/** Kangxi radicals, the radicals supplement and compatibility ideographs as the ideographs they stand for. */
export function unifiedIdeographs(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => SIMPLIFIED[c] ?? c.normalize('NFKC'));
}

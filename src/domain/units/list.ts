// Resolving a cell or clause that lists several units: "区财政局、区人力社保局", "各镇人民政府、街道办事处，
// 区政府各部门及有关单位", "区发改局、区经信局等部门（单位），各乡镇街委。"
import {
  ET_CETERA,
  etCeteraWarning,
  lookupRegistered,
  type Resolution,
  resolveUnit,
  type UnitIndex,
} from './resolve';

interface Token {
  start: number;
  end: number;
}

// 及 joins two names ("区政府各部门及有关单位"); names themselves practically never contain it.
const SEPARATOR = /[、，,；;及\n]/;
const OPEN = /[（(〔【[［]/;
const CLOSE = /[）)〕】\]］]/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (OPEN.test(c)) depth += 1;
    else if (CLOSE.test(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATOR.test(c)) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out.filter((t) => text.slice(t.start, t.end).trim() !== '');
}

/**
 * Split a written list of units and resolve each name. Adjacent pieces are joined again when the joined text
 * is a registered name or group ("各镇人民政府、街道办事处" is one group, not two names).
 */
export function resolveUnitList(index: UnitIndex, text: string): Resolution[] {
  const tokens = tokenize(text);
  const out: Resolution[] = [];
  let i = 0;
  while (i < tokens.length) {
    let taken = 1;
    let hit: Resolution | null = null;
    for (let j = tokens.length; j > i + 1; j--) {
      const a = tokens[i];
      const b = tokens[j - 1];
      if (!a || !b) continue;
      const joined = text.slice(a.start, b.end).trim();
      const r = lookupRegistered(index, joined);
      if (r && r.status !== 'suggestion') {
        hit = r;
        taken = j - i;
        break;
      }
    }
    if (!hit) {
      const t = tokens[i];
      const piece = t
        ? text
            .slice(t.start, t.end)
            .trim()
            .replace(/[。.]$/, '')
        : '';
      const m = ET_CETERA.exec(piece);
      if (m && m.index > 0) {
        const name = piece.slice(0, m.index);
        const r = resolveUnit(index, name);
        hit = { ...r, warnings: [...r.warnings, etCeteraWarning(piece)] };
      } else {
        hit = resolveUnit(index, piece);
      }
    }
    out.push(hit);
    i += taken;
  }
  return out;
}

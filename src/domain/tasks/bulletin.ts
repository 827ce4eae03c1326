// The 督办通报 (issue 14 part 7): what it says about each unit, and the 公文 conventions it must follow — a real
// 文号 from the office's 机关代字 (never "〔2026〕　号"), and book-title marks that never nest (a title inside a
// title takes 〈〉, GB/T 15834).

/** 《title》, with any 《》 inside it turned into 〈〉: 《关于印发〈2026年政务公开工作要点〉的通知》. */
export function quoteTitle(title: string): string {
  const inner = title
    .replace(/^《(.*)》$/s, '$1')
    .replace(/《/g, '〈')
    .replace(/》/g, '〉');
  return `《${inner}》`;
}

/** 潼府办〔2026〕12号. */
export function bulletinDocNumber(agencyCode: string, year: number, n: number): string {
  return `${agencyCode}〔${year}〕${n}号`;
}

/** The issuing office of a district's 通报: 重庆市潼南区 → 潼南区人民政府办公室. */
export function bulletinIssuer(districtName: string): string {
  return `${districtName.replace(/^.*?市/, '')}人民政府办公室`;
}

/** The usual 机关代字 of a district government's office: 重庆市潼南区 → 潼府办, 某某县 → 某府办. */
export function defaultAgencyCode(districtName: string): string {
  let local = districtName;
  // Strip the province and city in front (a county-level 市 keeps its own name: nothing follows it).
  for (
    let m = /^.+?(?:省|自治区|市|自治州|盟)(.+)$/u.exec(local);
    m;
    m = /^.+?(?:省|自治区|市|自治州|盟)(.+)$/u.exec(local)
  )
    local = m[1]!;
  local = local.replace(/(区|县|旗|市)$/, '');
  return `${local.slice(0, 1) || '区'}府办`;
}

export type BulletinStatus = 'closed' | 'overdue' | 'returned' | 'other';

export interface UnitTally {
  unitName: string;
  total: number;
  closed: number;
  overdue: number;
  returned: number;
  /** Closed share, 0–100, one decimal. */
  rate: number;
}

/** Per-unit figures, in the order units first appear. */
export function tallyByUnit(rows: readonly { unitName: string; status: BulletinStatus }[]): UnitTally[] {
  const m = new Map<string, UnitTally>();
  for (const r of rows) {
    const t = m.get(r.unitName) ?? {
      unitName: r.unitName,
      total: 0,
      closed: 0,
      overdue: 0,
      returned: 0,
      rate: 0,
    };
    t.total++;
    if (r.status === 'closed') t.closed++;
    if (r.status === 'overdue') t.overdue++;
    if (r.status === 'returned') t.returned++;
    m.set(r.unitName, t);
  }
  return [...m.values()].map((t) => ({ ...t, rate: Math.round((t.closed / t.total) * 1000) / 10 }));
}

/**
 * 表扬: every task of the unit closed, none late or returned. 批评: a task past its deadline. A unit with work still
 * in time is neither.
 */
export function praiseAndCriticise(tallies: readonly UnitTally[]): {
  praised: string[];
  criticised: string[];
} {
  return {
    praised: tallies.filter((t) => t.total > 0 && t.closed === t.total).map((t) => t.unitName),
    criticised: tallies.filter((t) => t.overdue > 0).map((t) => t.unitName),
  };
}

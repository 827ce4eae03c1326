// 检查通报 of government websites and 政务新媒体 (issue 12 part 5; 19号: sampling every quarter / half year, results
// published): the period, the figures and the units to praise or criticise. Praise and criticism follow the tasks
// 通报's rule (domain/tasks/bulletin.ts): praised when every channel checked passed, criticised when one failed.
import { praiseAndCriticise, tallyByUnit } from '../tasks/bulletin';
import { ACCOUNT_VETO_LABELS, type AccountVetoRule } from './newmedia';
import { availabilityShare, VETO_LABELS, type VetoRule } from './rules';
import { FINDING_KINDS, FINDING_LABELS, type FindingKind } from './site';

export const BULLETIN_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'] as const;
export type BulletinPeriod = (typeof BULLETIN_PERIODS)[number];
const PERIOD_NAMES: Record<BulletinPeriod, string> = {
  Q1: '第一季度',
  Q2: '第二季度',
  Q3: '第三季度',
  Q4: '第四季度',
  H1: '上半年',
  H2: '下半年',
};

/** The days a period covers, both ends included, and its name: 2026 Q3 → 2026-07-01 … 2026-09-30, 2026年第三季度. */
export function periodRange(
  year: number,
  period: BulletinPeriod,
): { from: string; to: string; label: string } {
  const [first, last] = {
    Q1: [1, 3],
    Q2: [4, 6],
    Q3: [7, 9],
    Q4: [10, 12],
    H1: [1, 6],
    H2: [7, 12],
  }[period];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return {
    from: `${year}-${mm(first!)}-01`,
    to: `${year}-${mm(last!)}-${lastDay}`,
    label: `${year}年${PERIOD_NAMES[period]}`,
  };
}

export interface SiteResult {
  unitName: string;
  name: string;
  verdict: string;
  vetoes: readonly { rule: string }[];
  findings: readonly { kind: string }[];
  /** MON-1 samples of the 7 days before the check (null: the site was not sampled). */
  availability: { failed: number; total: number } | null;
}

/** One site's MON-1 availability sampling as the 通报 shows it. */
export interface SiteAvailability {
  unitName: string;
  name: string;
  probes: number;
  failures: number;
  /** Failed share, %, one decimal. */
  share: number;
  veto: boolean;
}

export interface AccountResult {
  unitName: string;
  name: string;
  verdict: string;
  vetoes: readonly { rule: string }[];
}

export interface Count<K extends string> {
  key: K;
  label: string;
  count: number;
}

export interface BulletinFigures {
  sites: { checked: number; passed: number; failed: number };
  /** MON-1 per sampled site; absent in 通报 made before availability was counted. */
  availability?: SiteAvailability[];
  siteVetoes: Count<VetoRule>[];
  findings: Count<FindingKind>[];
  accounts: { checked: number; passed: number; failed: number };
  accountVetoes: Count<AccountVetoRule>[];
  praised: string[];
  criticised: string[];
}

function counts<K extends string>(keys: readonly K[], labels: Record<K, string>, seen: readonly string[]) {
  return keys
    .map((key) => ({ key, label: labels[key], count: seen.filter((s) => s === key).length }))
    .filter((c) => c.count > 0);
}

const tally = (r: { verdict: string }[]) => ({
  checked: r.length,
  passed: r.filter((x) => x.verdict === '合格').length,
  failed: r.filter((x) => x.verdict !== '合格').length,
});

/** The figures of one period from the latest check of each site and the latest 抽查 of each account. */
export function bulletinFigures(
  sites: readonly SiteResult[],
  accounts: readonly AccountResult[],
): BulletinFigures {
  const units = tallyByUnit(
    [...sites, ...accounts].map((r) => ({
      unitName: r.unitName,
      status: r.verdict === '合格' ? ('closed' as const) : ('overdue' as const),
    })),
  );
  const { praised, criticised } = praiseAndCriticise(units);
  return {
    sites: tally([...sites]),
    availability: sites.flatMap((s) =>
      s.availability && s.availability.total > 0
        ? [
            {
              unitName: s.unitName,
              name: s.name,
              probes: s.availability.total,
              failures: s.availability.failed,
              ...availabilityShare(s.availability),
            },
          ]
        : [],
    ),
    siteVetoes: counts(
      Object.keys(VETO_LABELS) as VetoRule[],
      VETO_LABELS,
      sites.flatMap((s) => s.vetoes.map((v) => v.rule)),
    ),
    findings: counts(
      FINDING_KINDS,
      FINDING_LABELS,
      sites.flatMap((s) => s.findings.map((f) => f.kind)),
    ),
    accounts: tally([...accounts]),
    accountVetoes: counts(
      Object.keys(ACCOUNT_VETO_LABELS) as AccountVetoRule[],
      ACCOUNT_VETO_LABELS,
      accounts.flatMap((a) => a.vetoes.map((v) => v.rule)),
    ),
    praised,
    criticised,
  };
}

// The import preview's state, kept pure so it is testable without a browser: which registered units each
// written name stands for, what is still unresolved, and the commit body.
import type {
  Cadence,
  CommitPlanBody,
  Deadline,
  ImportPreview,
  ParsedPlan,
  UnitNameMatch,
} from '../../../contracts/tasks';
import { isoDate, parseDeadline } from '../../../domain/tasks/deadlines';

/** written name → chosen unit ids; null while a person still has to decide. */
export type Choices = Record<string, string[] | null>;

export const MATCH_COLORS: Record<UnitNameMatch['status'], string> = {
  exact: 'green',
  alias: 'cyan',
  normalized: 'cyan',
  group: 'blue',
  suggestion: 'orange',
  unknown: 'red',
};

/** Confident matches and groups without a choice are taken as resolved; the rest wait for the officer. */
export function initialChoices(units: UnitNameMatch[]): Choices {
  const out: Choices = {};
  for (const u of units) {
    if (u.status === 'group') out[u.written] = u.needsChoice ? null : (u.memberUnitIds ?? []);
    else if (u.status === 'suggestion' || u.status === 'unknown' || !u.unitId) out[u.written] = null;
    else out[u.written] = [u.unitId];
  }
  return out;
}

export function unresolved(choices: Choices): string[] {
  return Object.entries(choices)
    .filter(([, v]) => v === null || v.length === 0)
    .map(([k]) => k);
}

/** Names used by the (possibly edited) tasks that have no entry yet (typed in by the officer). */
export function namesOf(plan: Pick<ParsedPlan, 'tasks'>): string[] {
  return [...new Set(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]))];
}

export function commitBody(
  preview: ImportPreview,
  plan: ParsedPlan,
  choices: Choices,
  opts: { year: number; cadence: Cadence; replace: boolean },
): CommitPlanBody {
  const ids = (w: string) => choices[w] ?? [];
  return {
    title: plan.title ?? '任务分工',
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    date: plan.date,
    year: opts.year,
    fingerprint: preview.fingerprint,
    cadence: opts.cadence,
    replace: opts.replace,
    tasks: plan.tasks.map((t) => ({
      ref: t.ref,
      section: t.section,
      text: t.text,
      measures: t.measures,
      leadUnits: t.leadUnits.map((w) => ({ written: w, unitIds: ids(w) })),
      responsibleUnits: t.responsibleUnits.map((w) => ({ written: w, unitIds: ids(w) })),
      deadlines: t.deadlines,
      disclosurePaths: t.disclosurePaths,
    })),
  };
}

/** "区教委、区财政局" typed into a units cell → names (same separators the notices use). */
export function splitTyped(s: string): string[] {
  return s
    .split(/[、,，;；\n]+/)
    .map((x) => x.replace(/\s+/g, ''))
    .filter(Boolean);
}

/** A measures cell as typed: one measure per line (Shift+Enter in the cell), blank lines dropped. */
export function measuresFromText(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A deadlines cell shown for editing: each deadline's phrase as written, one per line. */
export function deadlinesText(ds: Deadline[]): string {
  return ds.map((d) => d.raw).join('\n');
}

/**
 * A deadlines cell as typed, one phrase per line, re-read with the notice parser's `parseDeadline` in the plan's
 * year. A line left as it was keeps its original reading; "2021-06-30" is taken as that date. Lines nothing can be
 * read from are returned in `unreadable` so the edit is refused rather than a deadline silently dropped.
 */
export function deadlinesFromText(
  text: string,
  previous: Deadline[],
  year: number,
): { deadlines: Deadline[]; unreadable: string[] } {
  const deadlines: Deadline[] = [];
  const unreadable: string[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const kept = previous.filter((d) => d.raw === line);
    if (kept.length) {
      deadlines.push(...kept);
      continue;
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
    const date = iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
    if (date) {
      deadlines.push({ kind: 'date', date, raw: line });
      continue;
    }
    const read = iso ? [] : parseDeadline(line, year);
    if (read.length) deadlines.push(...read);
    else unreadable.push(line);
  }
  return { deadlines, unreadable };
}

/** Disclosure paths shown for editing: one path per line, its levels joined by " > " as the notices write them. */
export function pathsText(paths: string[][]): string {
  return paths.map((p) => p.join(' > ')).join('\n');
}

/** Disclosure paths as typed: one per line, levels separated by > or ＞. */
export function pathsFromText(s: string): string[][] {
  return s
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(/[>＞]/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);
}

/**
 * The officer changed the plan year: dates the notice wrote without a year ("10月底前", "次年1月底前") are read
 * again in the new year; dates with their own year, and other kinds, stay as they are.
 */
export function deadlinesInYear(ds: Deadline[], year: number): Deadline[] {
  return ds.map((d) => {
    if (d.kind !== 'date') return d;
    const read = parseDeadline(d.raw, year);
    return read.length === 1 && read[0]?.kind === 'date' ? read[0] : d;
  });
}

/** The parser's warnings per task ref (shown in the task's row; warnings without a ref stay in the list above). */
export function warningsByRef(plan: Pick<ParsedPlan, 'warnings'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of plan.warnings) {
    if (!w.ref) continue;
    const list = out.get(w.ref) ?? [];
    list.push(w.source ? `${w.message}（${w.source}）` : w.message);
    out.set(w.ref, list);
  }
  return out;
}

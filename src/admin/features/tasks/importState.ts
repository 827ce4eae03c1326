// The import preview's state, kept pure so it is testable without a browser: which registered units each
// written name stands for, what is still unresolved, and the commit body.
import type {
  Cadence,
  CommitPlanBody,
  CommitUnit,
  Deadline,
  ImportPreview,
  ImportUnitKind,
  ParsedPlan,
  UnitNameMatch,
} from '../../../contracts/tasks';
import { isoDate, parseDeadline } from '../../../domain/tasks/deadlines';
import { NO_UNITS_WARNING } from '../../../domain/tasks/notice-types';

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

/**
 * What the officer decided for a name the registry lacks, instead of picking units: skip it, create it in the
 * registry with its kind, or let it stand for a unit group ("区级其他有关部门" → 区政府各部门). Sent with the commit.
 */
export type Decision = { skip: true } | { create: ImportUnitKind } | { groupId: string };
export type Decisions = Record<string, Decision | undefined>;

/** Names still waiting for the officer: no units chosen and nothing decided. */
export function unresolved(choices: Choices, decisions: Decisions = {}): string[] {
  return Object.entries(choices)
    .filter(([k, v]) => (v === null || v.length === 0) && !decisions[k])
    .map(([k]) => k);
}

/** A name as the commit sends it: its chosen units, or the decision (which the server carries out). */
export function commitUnit(written: string, choices: Choices, decisions: Decisions): CommitUnit {
  const d = decisions[written];
  if (!d) return { written, unitIds: choices[written] ?? [] };
  if ('skip' in d) return { written, unitIds: [], skip: true };
  if ('create' in d) return { written, unitIds: [], create: { kind: d.create } };
  return { written, unitIds: [], groupId: d.groupId };
}

/**
 * The choice of every name in use: the officer's or the preview's, and for a name typed in by the officer (the
 * preview never saw it) the registered unit of exactly that name, if there is one; else still to decide (null).
 */
export function effectiveChoices(
  names: string[],
  choices: Choices,
  registered: ReadonlyMap<string, string>,
): Choices {
  return Object.fromEntries(
    names.map((n) => {
      const typed = registered.get(n);
      return [n, n in choices ? (choices[n] ?? null) : typed ? [typed] : null];
    }),
  );
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
  decisions: Decisions = {},
): CommitPlanBody {
  const unit = (w: string) => commitUnit(w, choices, decisions);
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
      leadUnits: t.leadUnits.map(unit),
      responsibleUnits: t.responsibleUnits.map(unit),
      deadlines: t.deadlines,
      disclosurePaths: t.disclosurePaths,
    })),
  };
}

/** Units given to many tasks at once: added after the names a task has (once each), or in their place. */
export type BulkUnits = { leadUnits: string[]; responsibleUnits: string[]; replace: boolean };

/**
 * The tasks `refs` with the units given to them all at once (a plan read by its numbered items names none; a
 * district's notice may give a whole group of tasks the same units). A list left empty leaves that column as it is.
 */
export function withBulkUnits<
  T extends Pick<ParsedPlan['tasks'][number], 'ref' | 'leadUnits' | 'responsibleUnits'>,
>(tasks: T[], refs: ReadonlySet<string>, bulk: BulkUnits): T[] {
  const merge = (had: string[], given: string[]) =>
    given.length === 0 ? had : bulk.replace ? [...new Set(given)] : [...new Set([...had, ...given])];
  return tasks.map((t) =>
    refs.has(t.ref)
      ? {
          ...t,
          leadUnits: merge(t.leadUnits, bulk.leadUnits),
          responsibleUnits: merge(t.responsibleUnits, bulk.responsibleUnits),
        }
      : t,
  );
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

/**
 * The parser's warnings that still hold after the officer's edits: none for a task left out of the import, and no
 * "未写明…单位" for a task that has been given units since.
 */
export function openWarnings(plan: Pick<ParsedPlan, 'warnings' | 'tasks'>): ParsedPlan['warnings'] {
  const tasks = new Map(plan.tasks.map((t) => [t.ref, t]));
  return plan.warnings.filter((w) => {
    if (!w.ref) return true;
    const t = tasks.get(w.ref);
    if (!t) return false;
    return !(w.message === NO_UNITS_WARNING && t.leadUnits.length + t.responsibleUnits.length > 0);
  });
}

/** The open warnings per task ref (shown in the task's row; warnings without a ref stay in the list above). */
export function warningsByRef(plan: Pick<ParsedPlan, 'warnings' | 'tasks'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of openWarnings(plan)) {
    if (!w.ref) continue;
    const list = out.get(w.ref) ?? [];
    list.push(w.source ? `${w.message}（${w.source}）` : w.message);
    out.set(w.ref, list);
  }
  return out;
}

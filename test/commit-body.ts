// The commit body of an import preview (POST /api/tasks/import/commit): every written unit name stands for the
// units the registry resolved it to, unless the test decides otherwise (skip it, create it, a group).
import type { CommitPlanBody, CommitUnit, ImportPreview } from '../src/contracts/tasks';

export function commitBodyOf(
  p: ImportPreview,
  decide: (written: string) => Partial<CommitUnit> = () => ({}),
): CommitPlanBody {
  const resolved = new Map(p.units.map((u) => [u.written, u.unitId ? [u.unitId] : []]));
  const unit = (w: string): CommitUnit => ({ written: w, unitIds: resolved.get(w) ?? [], ...decide(w) });
  return {
    title: p.plan.title ?? '任务分工',
    issuer: p.plan.issuer,
    docNumber: p.plan.docNumber,
    date: p.plan.date,
    year: p.plan.year ?? 2026,
    fingerprint: p.fingerprint,
    cadence: 'quarter',
    replace: false,
    tasks: p.plan.tasks.map((t) => ({
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

// The audit log reads in Chinese (issue 15 part 8): every action code and object type the server writes has a name.
// The codes are read from the server's source, so a new audit() call without a label fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_AREAS,
  AUDIT_OBJECT_LABELS,
  auditActionLabel,
  auditActionOptions,
  auditActorLabel,
  SYSTEM_ACTOR_LABELS,
} from './audit-labels';

const SERVER = path.resolve(import.meta.dirname, '../server');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

const all = sources(SERVER).join('\n');
// Audit codes are dotted ("media.site.check"); a bare word in `action: '…'` is a request's or a form's action.
const actions = [...new Set([...all.matchAll(/\baction: '([a-z]+\.[a-zA-Z_.]+)'/g)].map((m) => m[1]!))];
// Codes built in a template literal (action: `interaction.letter.${action}`): the backtick is \x60 here.
const templates = [...new Set([...all.matchAll(/\baction: \x60([a-z.]+\.)\$\{/g)].map((m) => m[1]!))];
const objects = [...new Set([...all.matchAll(/\bobjectType: '([a-zA-Z_]+)'/g)].map((m) => m[1]!))];
const jobs = [...new Set([...all.matchAll(/\bsystemActor\('([a-z.-]+)'\)/g)].map((m) => m[1]!))];
const chinese = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  it('finds the server’s audit codes (the scan itself works)', () => {
    expect(actions.length).toBeGreaterThan(100);
    expect(actions).toContain('media.availability.sample');
    expect(templates).toContain('interaction.letter.');
    expect(objects).toContain('media_website');
  });

  it('names every action code the server writes in Chinese', () => {
    const unnamed = actions.filter((a) => !chinese.test(auditActionLabel(a)));
    expect(unnamed).toEqual([]);
  });

  it('names the codes made from an action name by the module’s own labels', () => {
    expect(auditActionLabel('interaction.letter.reply')).toBe('来信答复');
    expect(auditActionLabel('interaction.consult.transfer')).toBe('政策咨询转办');
    expect(auditActionLabel('interaction.qa.retire')).toBe('问答库下线');
    expect(auditActionLabel('disclosure.decision.close')).toBe('决策草案结束征求意见');
    expect(auditActionLabel('media.filing.reject')).toBe('备案退回');
    // Every family the server builds is one the labels know (tasks.extension. and org.user. are listed whole).
    const known = (prefix: string) =>
      ['tasks.extension.', 'org.user.'].includes(prefix) ||
      chinese.test(auditActionLabel(`${prefix}approve`)) ||
      chinese.test(auditActionLabel(`${prefix}publish`)) ||
      chinese.test(auditActionLabel(`${prefix}respond`)) ||
      chinese.test(auditActionLabel(`${prefix}edit`));
    expect(templates.filter((t) => !known(t))).toEqual([]);
    // An unknown code shows as itself rather than as a wrong name.
    expect(auditActionLabel('interaction.letter.fly')).toBe('interaction.letter.fly');
  });

  it('names every object type the server writes, and every action falls in a filter area', () => {
    expect(objects.filter((o) => !AUDIT_OBJECT_LABELS[o])).toEqual([]);
    const outside = actions.filter((a) => !AUDIT_AREAS.some((area) => a.startsWith(area.prefix)));
    expect(outside).toEqual([]);
    const filterValues = auditActionOptions().flatMap((g) => g.options.map((o) => o.value));
    expect(filterValues).toContain('media.');
    expect(filterValues).toContain('media.site.check');
  });

  it('names every system job that writes audit rows, and shows a person as their account', () => {
    expect(jobs).toContain('media.availability');
    expect(jobs.filter((j) => !SYSTEM_ACTOR_LABELS[j])).toEqual([]);
    const cases: [string | null, string | null, string][] = [
      ['office', 'u-1', 'office'],
      ['media.availability', null, '系统（网站可用性监测）'],
      ['system', null, '系统'],
      [null, null, '系统'],
      ['some.new.job', null, '系统（some.new.job）'],
    ];
    for (const [username, userId, shown] of cases) expect(auditActorLabel(username, userId)).toBe(shown);
  });
});

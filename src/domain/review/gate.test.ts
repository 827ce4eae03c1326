import { describe, expect, it } from 'vitest';
import { coveredTextFinding, runChecks, runChecksOnParts } from './checks';
import { findingKey, publicationGate } from './gate';
import { maskAll } from './mask';

const text = '联系人：陶苇，联系电话：17823020507（seed 004）。详见 http://www.cqws.gov.cn';
const findings = runChecks(text);
const mobile = findings.find((f) => f.kind === 'mobile');
if (!mobile) throw new Error('fixture: the seed-004 contact line must give a mobile finding');

describe('publicationGate', () => {
  it.each([
    ['no override: the mobile number blocks', [], false, 1, 0],
    [
      'override with a reason releases it',
      [{ key: findingKey(mobile), reason: '单位公开联系电话', by: 'u1' }],
      true,
      0,
      0,
    ],
    ['blank reason is refused', [{ key: findingKey(mobile), reason: '  ', by: 'u1' }], false, 1, 1],
    [
      'override of a finding that no longer exists is stale',
      [{ key: 'x|mobile|0|1', reason: '已核实', by: 'u1' }],
      false,
      1,
      1,
    ],
  ])('%s', (_name, overrides, allowed, unresolved, rejected) => {
    const g = publicationGate(findings, overrides);
    expect([g.allowed, g.unresolved.length, g.rejected.length]).toEqual([allowed, unresolved, rejected]);
  });

  it('warnings (the http link) never block', () => {
    expect(findings.some((f) => f.kind === 'insecure_link' && !f.blocking)).toBe(true);
    expect(publicationGate(findings, []).unresolved.map((f) => f.kind)).toEqual(['mobile']);
  });

  it('masking clears the block on the next run', () => {
    const again = runChecks(maskAll(text, findings));
    expect(publicationGate(again, []).allowed).toBe(true);
  });

  it('text under a redaction box blocks and no reason releases it', () => {
    const page = { source: '附件 名单.pdf › 第2页', text: '姓名张三身份证', covered: '张三' };
    const fs = runChecksOnParts([page], { blockingKinds: [] });
    expect(fs.map((f) => [f.kind, f.text, f.start, f.blocking, f.source])).toEqual([
      ['covered_text', '张三', 2, true, '附件 名单.pdf › 第2页'],
    ]);
    const g = publicationGate(fs, [{ key: findingKey(fs[0]!), reason: '已核实可以公开', by: 'u1' }]);
    expect([g.allowed, g.unresolved.length, g.rejected.map((r) => r.why)]).toEqual([
      false,
      1,
      ['not_overridable'],
    ]);
    // Covered text the text layer joins differently is still reported, at the start of the page.
    expect(coveredTextFinding('p', '甲乙', '丙')).toMatchObject({
      start: 0,
      end: 0,
      text: '丙',
      blocking: true,
    });
  });
});

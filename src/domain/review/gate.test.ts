import { describe, expect, it } from 'vitest';
import { runChecks } from './checks';
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
});

import { describe, expect, it } from 'vitest';
import { type InterpretationPlan, interpretationGate } from './interpretation-gate';

const plan = (p: Partial<InterpretationPlan> = {}): InterpretationPlan => ({
  majorPolicy: false,
  firstInterpreter: '张局长',
  exemptionReason: null,
  ...p,
});
const i = (status: string, form: string | null = 'text') => ({ status, form });

describe('interpretationGate (三同步)', () => {
  it.each<
    [string, boolean, InterpretationPlan | null, { status: string; form: string | null }[], boolean, string?]
  >([
    ['not marked: open', false, null, [], true],
    [
      'marked, nothing ready',
      true,
      plan(),
      [i('draft'), i('in_review')],
      false,
      '三同步：该政策需同步解读，解读稿尚未通过审核（或登记不解读的理由）',
    ],
    ['marked, exemption with a reason', true, plan({ exemptionReason: '内部管理制度，无需解读' }), [], true],
    [
      'marked, blank exemption does not count',
      true,
      plan({ exemptionReason: '  ' }),
      [],
      false,
      '三同步：该政策需同步解读，解读稿尚未通过审核（或登记不解读的理由）',
    ],
    ['marked, one approved (scheduled)', true, plan(), [i('scheduled')], true],
    [
      'marked, ready but no 第一解读人',
      true,
      plan({ firstInterpreter: null }),
      [i('published')],
      false,
      '三同步：请登记第一解读人',
    ],
    [
      'major, two forms',
      true,
      plan({ majorPolicy: true }),
      [i('published', 'text'), i('published', 'graphic'), i('published', 'text')],
      false,
      '三同步：重大政策解读形式不得少于 3 种，现有 2 种',
    ],
    [
      'major, three forms',
      true,
      plan({ majorPolicy: true }),
      [i('published', 'text'), i('scheduled', 'graphic'), i('published', 'video')],
      true,
    ],
    [
      'major, a draft form does not count',
      true,
      plan({ majorPolicy: true }),
      [i('published', 'text'), i('published', 'graphic'), i('draft', 'video')],
      false,
      '三同步：重大政策解读形式不得少于 3 种，现有 2 种',
    ],
  ])('%s', (_label, needs, p, interps, allowed, message) => {
    const r = interpretationGate({ needsInterpretation: needs }, p, interps);
    expect(r.allowed).toBe(allowed);
    expect(r.message).toBe(message);
  });

  it('takes the number of forms from the setting', () => {
    const r = interpretationGate(
      { needsInterpretation: true },
      plan({ majorPolicy: true }),
      [i('published', 'text'), i('published', 'qa')],
      2,
    );
    expect(r).toEqual({ allowed: true, forms: ['text', 'qa'] });
  });
});

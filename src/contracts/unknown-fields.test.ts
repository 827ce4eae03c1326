import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validOf } from '../../test/fuzz';
import { assessmentApi } from './assessment';
import { auditApi } from './audit';
import { authApi } from './auth';
import { calendarApi } from './calendar';
import { decisionsApi } from './decisions';
import { directoryApi } from './directory';
import { disclosureApi, disclosureWorkflowApi } from './disclosure';
import { enforcementApi } from './enforcement';
import { hotlineApi } from './hotline';
import type { Endpoint } from './http';
import { interactionApi, mailboxApi } from './interaction';
import { briefingApi, interpretationPlanApi } from './interpretation-plan';
import { annualReportApi, mediaApi, newMediaApi } from './media';
import { normativeApi } from './normative';
import { notifyApi } from './notify';
import { orgApi } from './org';
import { reportsApi } from './reports';
import { requestsApi } from './requests';
import { systemApi } from './system';
import { tasksApi } from './tasks';
import { todoApi } from './todo';
import { unknownFields, unknownFieldsMessage } from './unknown-fields';

describe('unknownFields', () => {
  const item = z.object({ title: z.string(), tags: z.array(z.object({ name: z.string() })).optional() });
  const action = z.discriminatedUnion('action', [
    z.object({ action: z.literal('reply'), text: z.string() }),
    z.object({ action: z.literal('transfer'), unitId: z.string() }),
  ]);
  it.each([
    ['a declared key', item, { title: 'a' }, []],
    ['a top-level extra', item, { title: 'a', extra: 1 }, ['extra']],
    [
      'inside an array element',
      item,
      { title: 'a', tags: [{ name: 'x' }, { name: 'y', id: 2 }] },
      ['tags.1.id'],
    ],
    ['the other branch’s field in a union', action, { action: 'reply', text: 't', unitId: 'u' }, ['unitId']],
    ['a union branch with every key', action, { action: 'transfer', unitId: 'u' }, []],
    [
      'under optional and nullable',
      z.object({ a: item.nullable().optional() }),
      { a: { title: 't', b: 1 } },
      ['a.b'],
    ],
    ['after a transform (pipe)', item.transform((v) => v.title), { title: 't', z: 1 }, ['z']],
    ['a preprocess sees its own output', z.preprocess((v) => ({ title: String(v) }), item), 'x', []],
    ['a record declares every key', z.object({ m: z.record(z.string(), z.number()) }), { m: { any: 1 } }, []],
    ['a loose object declares every key', z.looseObject({ a: z.string() }), { a: 'x', b: 1 }, []],
    ['a default left out', z.object({ p: z.number().default(1) }), {}, []],
  ] as [string, z.ZodType, unknown, string[]][])('%s', (_name, schema, value, expected) => {
    expect(schema.safeParse(value).success).toBe(true);
    expect(unknownFields(schema, value)).toEqual(expected);
  });

  it('the message names the fields, at most five', () => {
    expect(unknownFieldsMessage(['extra'])).toBe('不支持的字段：extra');
    expect(unknownFieldsMessage(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe(
      '不支持的字段：a、b、c、d、e 等 7 个',
    );
  });
});

// Every contract: what a correct client sends (a value drawn from the schema itself) is never refused, and a
// key no schema declares is named. A `z.unknown()` body (the calendar year) is checked by its own validator.
const endpoints: Endpoint[] = [
  assessmentApi,
  auditApi,
  authApi,
  calendarApi,
  decisionsApi,
  directoryApi,
  disclosureWorkflowApi,
  disclosureApi,
  enforcementApi,
  hotlineApi,
  interactionApi,
  mailboxApi,
  interpretationPlanApi,
  briefingApi,
  newMediaApi,
  mediaApi,
  annualReportApi,
  normativeApi,
  notifyApi,
  orgApi,
  reportsApi,
  requestsApi,
  systemApi,
  tasksApi,
  todoApi,
].flatMap((group) => Object.values(group));

describe('every contract', () => {
  const schemas = endpoints.flatMap((e) =>
    [e.body && ['body', e.body], e.query && ['query', e.query]]
      .filter(
        (x): x is [string, z.ZodType] =>
          Boolean(x) && !(x as [string, z.ZodType])[1].safeParse(Symbol()).success,
      )
      .map(([where, s]) => [`${e.method} ${e.path} ${where}`, s] as const),
  );
  it('finds the endpoints', () => expect(schemas.length).toBeGreaterThan(140));

  it('a valid input drawn from the contract has no unknown field; an added one is named', () => {
    const bad: string[] = [];
    let named = 0;
    for (const [key, schema] of schemas) {
      const samples = fc.sample(validOf(schema, { uuids: [] }), { seed: 20_261_206, numRuns: 10 });
      for (const v of samples) {
        if (!schema.safeParse(v).success) continue;
        const extra = unknownFields(schema, v);
        if (extra.length) bad.push(`${key}: ${JSON.stringify(v).slice(0, 120)} → ${extra.join(',')}`);
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const withExtra = { ...v, zzExtra: '1' };
          if (!schema.safeParse(withExtra).success) continue;
          if (!unknownFields(schema, withExtra).includes('zzExtra')) bad.push(`${key}: zzExtra not named`);
          else named++;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(named).toBeGreaterThan(300);
  });
});

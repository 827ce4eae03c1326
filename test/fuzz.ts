// Property-based inputs for the route fuzz (SECURITY.md 20): fast-check arbitraries derived from a route's zod
// contract (through its JSON schema), mutated the way a hostile or broken client would: wrong types, missing and
// unknown fields, huge strings, NUL bytes, odd Unicode, nested junk, numbers out of range, arrays for objects.
import fc from 'fast-check';
import { z } from 'zod';

type Json = Record<string, unknown>;
const FAKE = '00000000-0000-4000-8000-000000000000';

/** Strings a schema never expects: the NUL byte, control characters, lone surrogates, huge text, SQL and HTML. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\r\n注入\r\n',
    '\ud800',
    '\udfff\ud800',
    '𠮷𠮷𠮷',
    '\u202e\u200b\ufeff',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '%00',
    '../../../../etc/passwd',
    '',
    ' ',
    'Infinity',
    'NaN',
    '-1',
    '1e309',
    '9'.repeat(400),
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '99999-01-01',
    '+275760-09-13T00:00:00.000Z',
    '2026-03-02T25:61:00+08:00',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    FAKE.toUpperCase(),
    'x'.repeat(200_000),
    '字'.repeat(70_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Numbers a schema never expects: out of range, fractional, negative zero, beyond the safe integers. */
export const junkNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    1.5,
    -2_147_483_649,
    2_147_483_648,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any value of the wrong kind: a junk scalar, an array where an object goes, an object of junk, nesting. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: junkString, weight: 4 },
  { arbitrary: junkNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
      JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`),
    ),
    weight: 1,
  },
);

export interface Seeds {
  /** IDs that exist (units, users…): a uuid field sometimes names a real record, so a body reaches the handler. */
  uuids: string[];
}

/** A value the schema (as JSON schema) accepts, or nearly: what a correct console would send. */
function valid(s: Json, root: Json, seeds: Seeds, depth: number): fc.Arbitrary<unknown> {
  if (typeof s.$ref === 'string') {
    const def = ((root.$defs ?? root.definitions) as Json | undefined)?.[s.$ref.split('/').pop()!];
    return def ? valid(def as Json, root, seeds, depth) : fc.constant(null);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  const choice = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (choice?.length) return fc.oneof(...choice.map((c) => valid(c, root, seeds, depth)));
  if (Array.isArray(s.allOf) && s.allOf.length) return valid(s.allOf[0] as Json, root, seeds, depth);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = (s.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) model[k] = valid(p, root, seeds, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
    }
    case 'array': {
      const min = Number(s.minItems ?? 0);
      const max = Math.min(Number(s.maxItems ?? min + 3), min + 3);
      const items = (s.items ?? s.prefixItems ?? {}) as Json | Json[];
      if (Array.isArray(items)) return fc.tuple(...items.map((i) => valid(i, root, seeds, depth + 1)));
      if (depth > 6) return fc.constant([]);
      return fc.array(valid(items, root, seeds, depth + 1), { minLength: min, maxLength: max });
    }
    case 'string': {
      if (s.format === 'uuid')
        return seeds.uuids.length ? fc.oneof(fc.constantFrom(...seeds.uuids), fc.uuid()) : fc.uuid();
      if (s.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (s.format === 'date' || /\\d\{4\}-/.test(String(s.pattern ?? '')))
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length < 2000);
        } catch {
          /* a pattern fast-check cannot generate from: plain text below */
        }
      }
      const minLength = Number(s.minLength ?? 0);
      const maxLength = Math.max(minLength, Math.min(Number(s.maxLength ?? 40), 40));
      // Text that survives a trim (a required field is trimmed before its minimum is checked).
      const filled = (v: string) => (v.trim().length >= minLength ? v : '文'.repeat(minLength));
      return fc.oneof(
        fc.string({ minLength, maxLength }).map(filled),
        fc.string({ unit: 'grapheme', minLength, maxLength }).map(filled),
        fc.constant('测试内容文字'.padEnd(minLength, '文').slice(0, Math.max(minLength, maxLength))),
      );
    }
    case 'integer':
    case 'number': {
      const min = Number(
        s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : -1e6),
      );
      const max = Number(
        s.maximum ?? (s.exclusiveMaximum !== undefined ? Number(s.exclusiveMaximum) - 1 : 1e6),
      );
      if (type === 'integer')
        return fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/**
 * The same, each node replaced now and then by junk; objects lose required fields and gain unknown ones.
 * `rate`: the weight of junk against a valid node (1 in rate+1).
 */
function mutated(s: Json, root: Json, seeds: Seeds, depth: number, rate: number): fc.Arbitrary<unknown> {
  if (typeof s.$ref === 'string') {
    const def = ((root.$defs ?? root.definitions) as Json | undefined)?.[s.$ref.split('/').pop()!];
    if (def) return mutated(def as Json, root, seeds, depth, rate);
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  let inner: fc.Arbitrary<unknown>;
  if (type === 'object' && depth <= 6 && !s.anyOf && !s.oneOf) {
    const props = (s.properties ?? {}) as Record<string, Json>;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, p] of Object.entries(props)) model[k] = mutated(p, root, seeds, depth + 1, rate);
    // Any key may be missing (a required one too); unknown keys may come along.
    inner = fc
      .tuple(
        fc.record(model, { requiredKeys: [] }),
        fc.dictionary(fc.constantFrom('extra', 'id', 'createdAt', 'unitId', 'role', 'isAdmin'), junkValue, {
          maxKeys: 2,
        }),
      )
      .map(([known, unknown]) => ({ ...unknown, ...known }));
  } else if (type === 'array' && depth <= 6 && s.items && !Array.isArray(s.items)) {
    inner = fc.array(mutated(s.items as Json, root, seeds, depth + 1, rate), { maxLength: 4 });
  } else inner = valid(s, root, seeds, depth);
  return fc.oneof({ arbitrary: inner, weight: rate }, { arbitrary: junkValue, weight: 1 });
}

/** A route's body or query schema as JSON schema (what a client sees of it). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}

/** Values the schema (nearly always) accepts. */
export function validOf(schema: z.ZodType, seeds: Seeds): fc.Arbitrary<unknown> {
  const js = jsonSchemaOf(schema);
  return valid(js, js, seeds, 0);
}

/**
 * Bodies for one schema: a third valid, a half mutated (junk at some nodes), the rest pure junk (any JSON value,
 * an array, a scalar).
 */
export function bodies(schema: z.ZodType, seeds: Seeds): fc.Arbitrary<unknown> {
  const js = jsonSchemaOf(schema);
  return fc.oneof(
    { arbitrary: valid(js, js, seeds, 0), weight: 3 },
    { arbitrary: mutated(js, js, seeds, 0, 6), weight: 5 },
    { arbitrary: junkValue, weight: 2 },
  );
}

/** Query strings for one schema: the same values, each as text (a query holds only strings). */
export function queries(schema: z.ZodType, seeds: Seeds): fc.Arbitrary<Record<string, string>> {
  const text = (v: unknown): string =>
    typeof v === 'string' ? v.slice(0, 4000) : JSON.stringify(v ?? null).slice(0, 4000);
  const asQuery = (v: unknown): Record<string, string> =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, text(x)]))
      : { q: text(v) };
  const js = jsonSchemaOf(schema);
  const keys = Object.keys((js.properties ?? {}) as Json);
  return fc.oneof(
    { arbitrary: valid(js, js, seeds, 0).map(asQuery), weight: 3 },
    { arbitrary: mutated(js, js, seeds, 0, 3).map(asQuery), weight: 5 },
    {
      arbitrary: fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), junkString.map(text), {
        maxKeys: 3,
      }),
      weight: 2,
    },
  );
}

/** Path parameter values that are not IDs: text, NUL, traversal, overlong, a non-v4 uuid. */
export const junkParams = [
  'abc',
  '%00',
  '%E4%B8%AD%E6%96%87',
  '..%2F..%2Fetc',
  '9'.repeat(60),
  '00000000-0000-0000-0000-000000000000',
  `${FAKE}x`,
  "1'%20OR%20'1'%3D'1",
];

/** A number for a route's own seed, so that adding a route does not change what the others are sent. */
export function seedOf(key: string, base: number): number {
  let h = base | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16_777_619);
  return h >>> 0;
}

/** Bodies that are not JSON at all. */
export const notJson = [
  '{',
  '{"a":',
  '\u0000',
  'null',
  '[]',
  '"text"',
  '1e999',
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '',
];

/** Around a body known to be accepted: as it is, one field replaced by junk, or one field missing. */
export function around(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...keys), junkValue).map(([k, v]) => ({ ...base, [k]: v })),
      weight: 5,
    },
    {
      arbitrary: fc
        .constantFrom(...keys)
        .map((k) => Object.fromEntries(Object.entries(base).filter(([x]) => x !== k))),
      weight: 1,
    },
  );
}

/** Every fuzz request answers within this time; a slower one is a hang and fails the test (SECURITY.md 20). */
export const FUZZ_LIMIT_MS = 5_000;

/** The request's answer, or 'hang' when none came within the limit. */
export async function within<T>(request: Promise<T>, ms = FUZZ_LIMIT_MS): Promise<T | 'hang'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ms);
  });
  try {
    return await Promise.race([request, hang]);
  } finally {
    clearTimeout(timer);
  }
}

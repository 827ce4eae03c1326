// Unknown fields of a request (SECURITY.md 20): zod objects strip keys they do not declare, so a misspelt or
// smuggled field would be dropped silently. The route layer (platform/http/route.ts) parses with the contract,
// then asks this walker which keys of the raw input no schema node declares, and refuses them with a 400.
// One walker instead of `.strict()` on every object: unions, pipes and shared field sets stay as they are.
import type { z } from 'zod';

// The parts of zod 4's internal definition the walker reads (`schema._zod.def`).
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The dotted paths of keys in `value` that `schema` does not declare ("extra", "items.0.note"). Call it on input
 * the schema accepts; keys under a record or a loose object (catchall) are declared.
 */
export function unknownFields(schema: z.ZodType, value: unknown, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return [];
      const out: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        const field = def.shape && Object.hasOwn(def.shape, k) ? def.shape[k] : def.catchall;
        if (field) out.push(...unknownFields(field, v, join(path, k)));
        else out.push(join(path, k));
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return value === undefined || value === null ? [] : unknownFields(def.innerType!, value, path);
    case 'pipe': {
      // A preprocess (transform → schema) changes the value before the schema sees it: walk what it makes.
      if (defOf(def.in!).type === 'transform') {
        const r = def.in!.safeParse(value);
        return r.success ? unknownFields(def.out!, r.data, path) : [];
      }
      return unknownFields(def.in!, value, path);
    }
    case 'lazy':
      return unknownFields(def.getter!(), value, path);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => unknownFields(def.element!, v, join(path, i)))
        : [];
    case 'tuple':
      return Array.isArray(value)
        ? value.flatMap((v, i) => {
            const item = def.items?.[i] ?? def.rest;
            return item ? unknownFields(item, v, join(path, i)) : [];
          })
        : [];
    case 'record':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([k, v]) => unknownFields(def.valueType!, v, join(path, k)))
        : [];
    case 'union': {
      // The options that accept the value; the input is fine if one of them declares every key.
      let best: string[] | null = null;
      for (const option of def.options ?? []) {
        if (!option.safeParse(value).success) continue;
        const found = unknownFields(option, value, path);
        if (!found.length) return [];
        if (!best || found.length < best.length) best = found;
      }
      return best ?? [];
    }
    case 'intersection': {
      // A key either side declares is declared.
      const right = new Set(unknownFields(def.right!, value, path));
      return unknownFields(def.left!, value, path).filter((k) => right.has(k));
    }
    default:
      return [];
  }
}

/** The Chinese refusal for unknown fields: 「不支持的字段：extra、note」. */
export function unknownFieldsMessage(fields: readonly string[]): string {
  const shown = fields.slice(0, 5).join('、');
  return `不支持的字段：${shown}${fields.length > 5 ? ` 等 ${fields.length} 个` : ''}`;
}

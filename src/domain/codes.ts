// A closed list of codes with their Chinese labels is written once, as its label table: the table's order is the
// list's order, and the union type and the code list are read from it.

/** The codes of a label table, in its order: a non-empty tuple, as z.enum and drizzle's text enums take it. */
export function codesOf<K extends string>(labels: Record<K, string>): readonly [K, ...K[]] {
  return Object.keys(labels) as unknown as readonly [K, ...K[]];
}

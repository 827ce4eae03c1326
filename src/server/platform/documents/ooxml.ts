// Walking OOXML parsed by fast-xml-parser with preserveOrder: each node is { tag: children, ':@': attributes }.
// Shared by the .docx reader and its list numbering.

export type XNode = Record<string, unknown>;

export function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}

export function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

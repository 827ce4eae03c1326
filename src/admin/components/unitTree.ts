import type { UnitTreeNode } from '../../contracts/api';

/** Keeps nodes whose name contains the keyword, with their ancestors. */
export function filterTree(nodes: readonly UnitTreeNode[], keyword: string): UnitTreeNode[] {
  const k = keyword.trim();
  if (!k) return [...nodes];
  const out: UnitTreeNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, k);
    if (n.name.includes(k) || children.length > 0) out.push({ ...n, children });
  }
  return out;
}

export function unitNameIndex(
  nodes: readonly UnitTreeNode[],
  into = new Map<string, string>(),
): Map<string, string> {
  for (const n of nodes) {
    into.set(n.id, n.name);
    unitNameIndex(n.children, into);
  }
  return into;
}

// How alike two short texts look on the surface (no word segmentation): character bigrams.
const gramsOf = (s: string) => {
  const chars = [
    ...s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
  ];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
};

/**
 * Surface likeness of two texts, 0..1 (Dice over character bigrams, width, case and punctuation ignored): near-
 * duplicate questions of a Q&A import and repeated letters. It does not depend on any base's size.
 */
export function textLikeness(a: string, b: string): number {
  const x = gramsOf(a);
  const y = gramsOf(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

// String similarity for typo suggestions on normalised unit names. Chinese names are short (3–10 characters),
// so a plain Levenshtein distance over code points plus a shared-character (Dice) score is enough.

/** Levenshtein distance over Unicode code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Dice coefficient over the multiset of characters: 2·|shared| / (|a| + |b|). */
export function sharedCharScore(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length + y.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const c of x) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of y) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(c, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Similarity in [0,1]: 0.6 × (1 − distance / longer length) + 0.4 × shared characters. Identical strings
 * score 1; strings with no character in common score 0.
 */
export function nameSimilarity(a: string, b: string): number {
  const longer = Math.max([...a].length, [...b].length);
  if (longer === 0) return 1;
  const edit = 1 - editDistance(a, b) / longer;
  return 0.6 * edit + 0.4 * sharedCharScore(a, b);
}

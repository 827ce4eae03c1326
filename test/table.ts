// Table-driven tests of pure functions: one case per row of input and expected output.
import { expect, it } from 'vitest';

const eachCase =
  (how: 'toBe' | 'toEqual') =>
  <I, O>(fn: (input: I) => O, rows: readonly (readonly [I, O])[], title = '%s'): void => {
    it.each(rows.map(([i, o]) => [i, o] as [I, O]))(title, (input, expected) => {
      expect(fn(input))[how](expected);
    });
  };

/** One test per [input, expected] row: `fn(input)` is `expected` (toBe). `title` is it.each's name format. */
export const eachReturns = eachCase('toBe');

/** As eachReturns, compared with toEqual (arrays, objects). */
export const eachEquals = eachCase('toEqual');

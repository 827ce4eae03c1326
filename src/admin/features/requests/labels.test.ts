import { describe, expect, it } from 'vitest';
import { dueLevel } from './labels';

describe('dueLevel', () => {
  it.each([
    [null, 'none'],
    [-1, 'overdue'],
    [0, 'urgent'],
    [3, 'urgent'],
    [4, 'soon'],
    [7, 'soon'],
    [8, 'ok'],
  ] as const)('%s → %s', (n, level) => expect(dueLevel(n)).toBe(level));
});

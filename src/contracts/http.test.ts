import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orgApi } from './org';

describe('contract messages', () => {
  it('zod’s own messages are Chinese where a schema gives none (a wrong type, a missing field, an array)', () => {
    const body = orgApi.resetPassword.body;
    for (const value of [{ password: 5 }, {}, [], 'text']) {
      const r = body.safeParse(value);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) {
        expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
        expect(issue.message).not.toMatch(/Invalid input|expected \w+, received/);
      }
    }
    expect(z.string().max(2).safeParse('abc').error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

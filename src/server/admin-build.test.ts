import { describe, expect, it } from 'vitest';
import { buildEnv } from './admin-build';

describe('the console build environment', () => {
  it.each([['test'], ['development'], [undefined]])('NODE_ENV %s → production, the rest kept', (nodeEnv) => {
    const env = buildEnv({ NODE_ENV: nodeEnv, PATH: '/usr/bin', GONGKAI_X: '1' });
    expect(env).toEqual({ NODE_ENV: 'production', PATH: '/usr/bin', GONGKAI_X: '1' });
  });
});

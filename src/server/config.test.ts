import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('two-step requirement and trusted proxies in the configuration', () => {
  it.each<[Record<string, string>, boolean]>([
    [{ GONGKAI_DEMO: '0' }, true], // a real deployment: on unless said otherwise
    [{ GONGKAI_DEMO: '0', GONGKAI_REQUIRE_2FA: '1' }, true],
    [{ GONGKAI_DEMO: '0', GONGKAI_REQUIRE_2FA: '0' }, false],
    [{}, false], // the demo district of `npm start`
    [{ GONGKAI_REQUIRE_2FA: '1' }, true],
  ])('%j → require2fa %s', (env, expected) => {
    expect(loadConfig(env).require2fa).toBe(expected);
  });

  it('reads GONGKAI_TRUSTED_PROXIES as a comma-separated list', () => {
    expect(loadConfig({ GONGKAI_TRUSTED_PROXIES: ' 10.0.0.1, 172.16.0.0/12 ,' }).trustedProxies).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
    ]);
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });
});

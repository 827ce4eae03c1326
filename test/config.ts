// The configuration every in-process test server starts from, and which of its fields decide what the bootstrap
// seeds: the global setup seeds one template database with it, and a test whose seed would be the same clones that
// template instead of seeding the demo district (and hashing its passwords) again.
import { type Config, loadConfig } from '../src/server/config';

export const ADMIN_PASSWORD = 'Adm1n#Gongkai';
export const DEMO_PASSWORD = 'Demo#Gongkai1';

export function testConfig(opts: { demo?: boolean; config?: Partial<Config> } = {}): Config {
  return loadConfig(
    {},
    {
      adminPassword: ADMIN_PASSWORD,
      demo: opts.demo ?? true,
      demoPassword: DEMO_PASSWORD,
      // Sample portal items would change what the tests count; their own test seeds them.
      demoContent: false,
      logLevel: 'error',
      // Tests log the 三员 in with a password alone unless a test asks for 2FA (vitest.config: GONGKAI_REQUIRE_2FA=0).
      require2fa: process.env.GONGKAI_REQUIRE_2FA !== '0',
      ...opts.config,
    },
  );
}

/** What `bootstrap` reads of a configuration: two configurations with the same key seed the same rows. */
export function seedKey(c: Config): string {
  return JSON.stringify([
    c.adminPassword,
    c.demo,
    c.demoPassword,
    c.demoContent,
    c.districtName,
    c.fieldKeysFile,
  ]);
}

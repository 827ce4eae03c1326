// Log lines: one JSON object per line (CR and LF inside values are escaped, so nothing can forge a line), values
// of secret-looking keys replaced, and ID and phone numbers masked wherever they appear (SECURITY.md 19).
import { maskPersonalData } from '../../domain/privacy/mask';
import type { Config } from '../config';
import type { Platform } from './context';

const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|totp|otp|recovery|answer|key$/i;
export const REDACTED = '[已隐去]';

/** The text of one log line. Pure, for tests. */
export function logLine(at: Date, level: string, msg: string, extra?: Record<string, unknown>): string {
  const json = JSON.stringify({ t: at.toISOString(), level, msg, ...extra }, (k, v) =>
    k !== '' && SECRET_KEY.test(k) && v !== null && typeof v !== 'object' ? REDACTED : v,
  );
  return maskPersonalData(json);
}

export function makeLogger(level: Config['logLevel']): Platform['log'] {
  const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  return (lvl, msg, extra) => {
    if (order[lvl] < order[level]) return;
    const line = logLine(new Date(), lvl, msg, extra);
    if (lvl === 'error' || lvl === 'warn') console.error(line);
    else console.log(line);
  };
}

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

/**
 * An error as a log line carries it: its text and stack. A failed query (drizzle's DrizzleQueryError, whose message
 * and stack list the statement's parameters: password hashes, tokens, personal data) gives its statement and the
 * database's reason instead, never the parameters.
 */
export function errorFields(err: unknown): { error: string; stack?: string; cause?: string } {
  if (err instanceof Error && 'query' in err && 'params' in err) {
    const head = `${err.name}: Failed query: ${String(err.query)}`;
    const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    return {
      error: head,
      ...(err.cause !== undefined ? { cause: String(err.cause) } : {}),
      stack: [head, ...frames].join('\n'),
    };
  }
  return err instanceof Error
    ? { error: String(err), ...(err.stack ? { stack: err.stack } : {}) }
    : { error: String(err) };
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

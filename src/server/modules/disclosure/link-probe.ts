// Broken-link probing for the automatic checks (issue 5 part 6): the links of a draft are fetched at check time with
// a bounded, safe request, and the failures become `brokenLinks` for the pure runChecks. Safety (SSRF): http/https
// only, at most MAX_LINKS links, HEAD then GET with a timeout each, a few redirects each checked again, and no
// private, loopback or link-local address unless the configuration allows it (tests only; default deny). The address
// is checked inside the socket's own DNS lookup, so a name cannot resolve to a public address for the check and a
// private one for the connection.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Blocked, guardedLookup, isPrivateAddress } from '../../platform/net/guard';

export { isPrivateAddress };

export interface ProbeOptions {
  /** Allow private/loopback targets (GONGKAI_LINK_PROBE_PRIVATE; tests only). Default false. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxLinks?: number;
  maxRedirects?: number;
}

export const PROBE_TIMEOUT_MS = 3000;
export const MAX_LINKS = 20;

type Outcome = { status: number; location?: string } | { error: 'blocked' | 'failed' };

function request(url: URL, method: 'HEAD' | 'GET', opts: Required<ProbeOptions>): Promise<Outcome> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal never goes through the lookup, so it is checked here.
    if (net.isIP(host) && !opts.allowPrivate && isPrivateAddress(host)) return resolve({ error: 'blocked' });
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      url,
      {
        method,
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
        headers: { 'user-agent': 'Gongkai link check', accept: '*/*' },
      },
      (res) => {
        const location = res.headers.location;
        resolve({ status: res.statusCode ?? 0, ...(location ? { location } : {}) });
        // Only the status matters: never read a body.
        res.destroy();
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('timeout')), opts.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: e instanceof Blocked ? 'blocked' : 'failed' }));
    req.end();
  });
}

/** 'ok', 'broken', or 'skipped' (not http(s), or a private address the configuration does not allow). */
export async function probeLink(link: string, o: ProbeOptions = {}): Promise<'ok' | 'broken' | 'skipped'> {
  const opts: Required<ProbeOptions> = {
    allowPrivate: o.allowPrivate ?? false,
    timeoutMs: o.timeoutMs ?? PROBE_TIMEOUT_MS,
    maxLinks: o.maxLinks ?? MAX_LINKS,
    maxRedirects: o.maxRedirects ?? 3,
  };
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'broken';
  }
  for (const method of ['HEAD', 'GET'] as const) {
    let current = url;
    for (let hop = 0; hop <= opts.maxRedirects; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return 'skipped';
      const r = await request(current, method, opts);
      if ('error' in r) {
        if (r.error === 'blocked') return 'skipped';
        break;
      }
      if (r.status >= 300 && r.status < 400 && r.location) {
        try {
          current = new URL(r.location, current);
        } catch {
          break;
        }
        continue;
      }
      if (r.status >= 200 && r.status < 400) return 'ok';
      break;
    }
  }
  return 'broken';
}

/**
 * Recent outcomes by link, so that a save can probe its links before opening its database transaction and the
 * check inside the transaction reuses the answers instead of waiting on the network with a connection held.
 */
export class ProbeCache {
  private readonly map = new Map<string, { outcome: 'ok' | 'broken' | 'skipped'; at: number }>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 5000,
  ) {}
  get(link: string, now = Date.now()) {
    const hit = this.map.get(link);
    return hit && now - hit.at < this.ttlMs ? hit.outcome : undefined;
  }
  set(link: string, outcome: 'ok' | 'broken' | 'skipped', now = Date.now()) {
    // Oldest entry out first (a Map keeps insertion order).
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.delete(link);
    this.map.set(link, { outcome, at: now });
  }
}

/** Probes up to `maxLinks` distinct links in parallel (answers from `cache` when fresh); returns the broken ones. */
export async function findBrokenLinks(
  links: readonly string[],
  o: ProbeOptions = {},
  cache?: ProbeCache,
): Promise<string[]> {
  const list = [...new Set(links)].slice(0, o.maxLinks ?? MAX_LINKS);
  // The answer depends on whether private addresses may be contacted, so that setting is part of the key.
  const key = (l: string) => `${o.allowPrivate ? 'private' : 'public'} ${l}`;
  const results = await Promise.all(
    list.map(async (l) => {
      const known = cache?.get(key(l));
      if (known) return known;
      const outcome = await probeLink(l, o);
      cache?.set(key(l), outcome);
      return outcome;
    }),
  );
  return list.filter((_, i) => results[i] === 'broken');
}

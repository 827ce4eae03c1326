// GET requests started by boot.ts before the console has rendered, each taken once by the first api() call for
// the same path (which then handles its errors, redirects included, as for any other request).
const started = new Map<string, { res: Promise<Response>; at: number }>();

/** An early answer not taken by then is left alone: a later screen asking the same path wants fresh data. */
const FRESH_MS = 15_000;

export function startEarly(path: string): void {
  const res = fetch(`/api${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // Taken later (or never, if the page does not ask): a network failure must not surface as an unhandled rejection.
  res.catch(() => undefined);
  started.set(path, { res, at: Date.now() });
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  started.delete(path);
  return early && Date.now() - early.at < FRESH_MS ? early.res : undefined;
}

// GET requests started by boot.ts before the console has rendered, each taken once by the first api() call for
// the same path (which then handles its errors, redirects included, as for any other request).
const started = new Map<string, { res: Promise<Response>; at: number }>();

/** An early answer not taken by then is left alone: a later screen asking the same path wants fresh data. */
const FRESH_MS = 15_000;

/**
 * Starts a GET. `then` names the GET its answer leads to (e.g. the ledger's first page of the first plan, once the
 * plan list is there): started as soon as this answer arrives, not after the page has rendered with it.
 */
export function startEarly(path: string, then?: (data: unknown) => string | null): void {
  const res = fetch(`/api${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // Taken later (or never, if the page does not ask): a network failure must not surface as an unhandled rejection.
  res.catch(() => undefined);
  started.set(path, { res, at: Date.now() });
  if (then) {
    // Registered before the page can take the answer, so the clone is made while the body is still unread.
    res
      .then(async (r) => {
        if (!r.ok) return;
        const next = then(((await r.clone().json()) as { data: unknown }).data);
        if (next) startEarly(next);
      })
      .catch(() => undefined);
  }
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  started.delete(path);
  return early && Date.now() - early.at < FRESH_MS ? early.res : undefined;
}

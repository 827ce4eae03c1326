// GET requests started by boot.ts before the console has rendered. Each is used once: by the first query for the
// same path, as its initial data when the answer is already there (earlyInitial: the screen renders with it at once,
// no loading pass), else by the first api() call for the path, which then handles its errors, redirects included,
// as for any other request (takeEarly).
const started = new Map<string, { res: Promise<Response>; at: number }>();
/** Successful answers already read, by path: the envelope's `data` and when it arrived. */
const answers = new Map<string, { data: unknown; at: number }>();

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
  // Registered before the page can take the answer, so the clone is made while the body is still unread. An answer
  // that is not a success is left to api(), which reports it.
  res
    .then(async (r) => {
      if (!r.ok) return;
      const { data } = (await r.clone().json()) as { data: unknown };
      if (started.get(path)?.res === res) answers.set(path, { data, at: Date.now() });
      const next = then?.(data);
      if (next) startEarly(next);
    })
    .catch(() => undefined);
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  started.delete(path);
  answers.delete(path);
  return early && Date.now() - early.at < FRESH_MS ? early.res : undefined;
}

/**
 * A query's initialData / initialDataUpdatedAt for this path: the early answer when it has already arrived (taken,
 * so that it serves one query only), else nothing and the query fetches (through takeEarly).
 */
export function earlyInitial<T>(path: string) {
  let at: number | undefined;
  return {
    initialData: (): T | undefined => {
      const answer = answers.get(path);
      if (!answer || Date.now() - answer.at >= FRESH_MS) return undefined;
      started.delete(path);
      answers.delete(path);
      at = answer.at;
      return answer.data as T;
    },
    initialDataUpdatedAt: () => at,
  };
}

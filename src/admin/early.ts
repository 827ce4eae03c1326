// GET requests started by boot.ts before the console has rendered, each taken once by the first api() call for
// the same path (which then handles its errors, redirects included, as for any other request).
const started = new Map<string, Promise<Response>>();

export function startEarly(path: string): void {
  const res = fetch(`/api${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // Taken later (or never, if the page does not ask): a network failure must not surface as an unhandled rejection.
  res.catch(() => undefined);
  started.set(path, res);
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const res = started.get(path);
  started.delete(path);
  return res;
}

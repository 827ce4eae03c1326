// Portal forms post outside /api, where the platform's CSRF check does not run: cross-site posts are refused by
// their Origin header.
import type { Context } from 'hono';

export function crossSite(c: Context): boolean {
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  return !!origin && !!host && new URL(origin).host !== host;
}

/** The string fields of a posted form (files and repeated fields left out); null when the body cannot be read. */
export async function formFields(c: Context): Promise<Record<string, string> | null> {
  try {
    const raw = await c.req.parseBody();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return null;
  }
}

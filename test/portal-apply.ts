// Fills the portal's application form like a browser: reads the challenge question from the page and answers it.
import type { Client } from './api';

export async function applyOnPortal(
  anon: Client,
  values: Record<string, string>,
  opts: { file?: File; headers?: Record<string, string> } = {},
): Promise<{ status: number; html: string }> {
  const formPage = await (
    await anon.request('GET', '/ysqgk/apply', undefined, { headers: opts.headers })
  ).raw.text();
  const token = /name="token" value="([^"]+)"/.exec(formPage)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(formPage)!;
  const form = new FormData();
  for (const [k, v] of Object.entries({ token, answer: String(Number(a) + Number(b)), ...values }))
    form.append(k, v);
  if (opts.file) form.append('idProof', opts.file);
  const res = await anon.request('POST', '/ysqgk/apply', undefined, { form, headers: opts.headers });
  return { status: res.status, html: await res.raw.text() };
}

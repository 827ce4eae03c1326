// SECURITY.md 21: the CSP allows no inline style or script; the console's index.html gets a fresh style nonce per
// response, and only that response's CSP names it.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, SECURITY_HEADERS, STYLE_NONCE_PLACEHOLDER, withStyleNonce } from './guard';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('Content-Security-Policy', () => {
  it('every response: styles and scripts from the site only, nothing inline', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy']!;
    expect(directive(csp, 'style-src')).toBe("'self'");
    expect(directive(csp, 'script-src')).toBe("'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // No directive of its own loosens the inline parts again.
    expect(directive(csp, 'style-src-elem')).toBeUndefined();
    expect(directive(csp, 'style-src-attr')).toBeUndefined();
  });

  it("the console's index.html: a 128-bit nonce written into the page and named in that response's style-src", () => {
    const html = `<meta name="csp-nonce" content="${STYLE_NONCE_PLACEHOLDER}" />`;
    const a = withStyleNonce(html);
    const b = withStyleNonce(html);
    expect(a.nonce).not.toBe(b.nonce);
    expect(Buffer.from(a.nonce, 'base64')).toHaveLength(16);
    expect(a.html).toBe(`<meta name="csp-nonce" content="${a.nonce}" />`);
    const csp = contentSecurityPolicy(a.nonce);
    expect(directive(csp, 'style-src')).toBe(`'self' 'nonce-${a.nonce}'`);
    expect(csp).not.toContain('unsafe-inline');
  });
});

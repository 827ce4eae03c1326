// The console under a CSP whose style-src is 'self' plus a per-response nonce (SECURITY.md 21, no 'unsafe-inline').
// Imported first by main.tsx, before anything can insert a style.
//
// - <style> elements: antd's theme variables (cssinjs), @ant-design/icons' base rules, the scroll lock of every
//   Modal and Drawer (@rc-component/portal: `html body { overflow-y: hidden }`), the scroll-bar measure
//   (@rc-component/util) and the rich-text editor's base rules (TipTap) all create one with
//   document.createElement('style'). Only antd's own take the nonce from ConfigProvider `csp`; the others have no
//   option, so every <style> element this document creates gets the nonce the server wrote into index.html.
// - style attributes set by script (`setAttribute('style', …)`, e.g. the hidden textarea antd's TextArea autoSize
//   measures with) are refused by the CSP, but the same text through the CSSOM (`el.style.cssText`) is not; such
//   a call is turned into the latter. Markup parsed from strings (innerHTML) is untouched: its style attributes stay
//   refused, which is the point.
// A script could read the nonce from the page; it would already be running, which the CSP's script-src prevents.

const meta = document.querySelector('meta[name="csp-nonce"]');
const given = meta?.getAttribute('content') ?? '';
/** The nonce of this page's styles; empty under `vite` dev, where index.html is not served by Gongkai. */
export const STYLE_NONCE = /^[A-Za-z0-9+/=]{16,}$/.test(given) ? given : '';

if (STYLE_NONCE) {
  const createElement = Document.prototype.createElement;
  // createElement is overloaded (tag-name maps, options): one wrapper cannot be typed as every overload, hence the cast.
  Document.prototype.createElement = function (this: Document, ...args: Parameters<typeof createElement>) {
    const el = createElement.apply(this, args);
    if (el instanceof HTMLStyleElement) el.nonce = STYLE_NONCE;
    return el;
  } as unknown as typeof createElement;
}

const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
  if (name.toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
    this.style.cssText = value;
    return;
  }
  setAttribute.call(this, name, value);
};

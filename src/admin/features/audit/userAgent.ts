// The login log's browser column: "Chrome 120 · Windows 10" instead of a raw User-Agent string.
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/QQBrowser\/(\d+)/, 'QQ浏览器'],
  [/MicroMessenger\/(\d+)/, '微信'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/MSIE (\d+)|Trident\/.*rv:(\d+)/, 'IE'],
];

const SYSTEMS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/Windows NT 10/, () => 'Windows 10/11'],
  [/Windows NT 6\.1/, () => 'Windows 7'],
  [/Windows/, () => 'Windows'],
  [/(?:iPhone|iPad).*OS (\d+)/, (m) => `iOS ${m[1]}`],
  [/Android (\d+)/, (m) => `Android ${m[1]}`],
  [/HarmonyOS/, () => 'HarmonyOS'],
  [/Mac OS X (\d+)[_.](\d+)/, (m) => `macOS ${m[1]}.${m[2]}`],
  [/UOS|Deepin/, () => '统信 UOS'],
  [/Kylin/, () => '麒麟'],
  [/Linux/, () => 'Linux'],
];

/** Browser and operating system of a User-Agent; '—' when there is none, the raw text when nothing matches. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return '—';
  if (/curl|wget|python|node|undici|Go-http/i.test(ua)) return `程序访问（${ua.split(/[\s/]/)[0]}）`;
  let browser = '';
  for (const [re, name] of BROWSERS) {
    const m = ua.match(re);
    if (m) {
      browser = `${name} ${m[1] ?? m[2] ?? ''}`.trim();
      break;
    }
  }
  let os = '';
  for (const [re, f] of SYSTEMS) {
    const m = ua.match(re);
    if (m) {
      os = f(m);
      break;
    }
  }
  return [browser, os].filter(Boolean).join(' · ') || ua;
}

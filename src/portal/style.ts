// Portal stylesheet: system fonts (Noto CJK on Linux), readable sizes, high contrast (WCAG 2.1 AA), mobile first.
// The 适老化 modes are classes on <html> (gk-large, gk-contrast) set by the frame from a cookie.
const BASE_CSS = `
*{box-sizing:border-box}
html{font-size:17px}
html.gk-large{font-size:22px}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1a1a1a;background:#f6f7f9;line-height:1.7}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus,textarea:focus,[tabindex]:focus{outline:3px solid #f0a500;outline-offset:2px}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px;z-index:10}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.topbar{background:#eef0f3;font-size:.9rem}
.topbar .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;padding-top:4px;padding-bottom:4px}
.topbar .a11y{display:flex;gap:16px}
header.site{background:#a6120d;color:#fff}
header.site .head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:12px;padding-top:14px;padding-bottom:10px}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.45rem;font-weight:700;margin:0}
.brand .sub{font-size:1rem;font-weight:400;margin-left:10px;padding-left:10px;border-left:1px solid #fff}
.site-search{flex:1 1 260px;max-width:420px}
.site-search form{display:flex}
.site-search input{flex:1;min-width:0;font-size:1rem;padding:6px 10px;min-height:40px;border:1px solid #fff;border-radius:4px 0 0 4px}
.site-search button{font-size:1rem;min-height:40px;padding:6px 16px;border:1px solid #fff;border-left:0;border-radius:0 4px 4px 0;background:#7a0d09;color:#fff;cursor:pointer}
.nav{list-style:none;display:flex;flex-wrap:wrap;gap:4px 22px;margin:0;padding:4px 0 10px}
.nav a{display:inline-block;padding:4px 0;font-weight:600}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:10px 0;margin:0;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-right:6px;color:#555}
main{background:#fff;padding-top:16px;padding-bottom:32px;min-height:60vh}
h1{font-size:1.6rem;margin:.4em 0}
h2{font-size:1.25rem}
.lead{font-size:1.05rem;color:#333}
.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
.card{display:block;padding:20px;border:1px solid #c9ced6;border-radius:6px;background:#fff;font-weight:600;text-decoration:none}
.card:hover{border-color:#0b4f9c}
.card small{display:block;font-weight:400;color:#444}
.two-col{display:grid;grid-template-columns:minmax(0,1fr);gap:24px}
.two-col>.content{min-width:0}
@media(min-width:800px){.two-col{grid-template-columns:240px minmax(0,1fr)}.two-col>.side{grid-column:1;grid-row:1}.two-col>.content{grid-column:2}}
.xxgk-nav ul{list-style:none;padding:0;margin:0}
.xxgk-nav li a{display:block;padding:10px 12px;border-bottom:1px solid #e3e6ea;text-decoration:none}
.xxgk-nav a[aria-current=page]{background:#0b4f9c;color:#fff}
.notice{background:#fff8e1;border-left:4px solid #b26a00;padding:10px 14px}
footer.site{background:#2b2f36;color:#e8e8e8;font-size:.9rem;padding:16px 0}
footer.site a{color:#fff}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c9ced6;padding:6px 8px;text-align:left}
.facets{display:flex;flex-wrap:wrap;gap:4px 24px;border:1px solid #c9ced6;border-radius:6px;padding:4px 14px;margin:12px 0}
.facets h2{font-size:1rem;margin:.4em 0}
.facets ul{list-style:none;margin:0 0 .4em;padding:0;display:flex;flex-wrap:wrap;gap:2px 12px}
.facets .count{color:#555}
.table-scroll{overflow-x:auto;max-width:100%;margin:12px 0}
.table-scroll table{margin:0}
/* A table of many columns scrolls inside its box instead of squeezing each cell to one character a line. */
.table-scroll table.wide th,.table-scroll table.wide td{min-width:4.5em}
.table-scroll table.wide th[scope=row]{white-space:nowrap}
.report{overflow-wrap:anywhere}
.blocks{display:grid;grid-template-columns:minmax(0,1fr);gap:20px;margin:20px 0}
@media(min-width:800px){.blocks{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media(min-width:1000px){.blocks.three{grid-template-columns:repeat(3,minmax(0,1fr))}}
.block{border:1px solid #d9dde3;border-top:3px solid #a6120d;border-radius:4px;padding:4px 14px 10px}
.block h2{display:flex;justify-content:space-between;align-items:baseline;margin:.5em 0}
.block h2 a.more{font-size:.9rem;font-weight:400}
.home-search{display:flex;gap:8px;margin:12px 0 20px}
`;

// The forms (依申请, 信箱, 咨询, 意见征集) and the 互动交流 lists. These were <style> blocks inside the pages; the
// CSP's style-src 'self' (no 'unsafe-inline') refuses those, so every rule of the portal lives in this one file.
const FORMS_CSS = `
.form-grid{display:grid;gap:14px;max-width:720px}
.field label,.field legend{display:block;font-weight:600;margin-bottom:4px}
.field input[type=text],.field input[type=tel],.field input[type=email],.field select,.field textarea{width:100%;padding:8px;border:1px solid #6b7280;border-radius:4px;font:inherit}
.field textarea{min-height:110px}
.field .help{font-size:.9rem;color:#444;margin:2px 0 0}
fieldset.field{border:1px solid #c9ced6;border-radius:6px;padding:10px 14px}
.errors{background:#fdecea;border-left:4px solid #b3261e;padding:10px 14px}
.field-error{color:#b3261e;font-weight:600;margin:4px 0 0}
.field [aria-invalid=true]{border:2px solid #b3261e}
.ok{background:#e8f5e9;border-left:4px solid #1b5e20;padding:10px 14px}
button.primary{background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:10px 22px;font:inherit;cursor:pointer}
.code{font-size:1.4rem;font-weight:700;letter-spacing:2px}
dl.status{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}
dl.status dt{font-weight:600}
.check label{font-weight:400;display:inline}
`;

const INTERACTION_CSS = `
p.meta,span.meta,div.meta{color:#444;font-size:.9rem}
.qa-list{list-style:none;padding:0;display:grid;gap:12px}
.qa-list li{border:1px solid #c9ced6;border-radius:6px;padding:12px 16px}
.qa-list h3{margin:0 0 6px;font-size:1.05rem}
.qa-list .meta{margin:6px 0 0}
.filters{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.filters a{display:inline-block;padding:4px 10px;border:1px solid #6b7280;border-radius:14px}
.filters a[aria-current=page]{background:#0b4f9c;color:#fff;border-color:#0b4f9c}
.letters{list-style:none;padding:0;display:grid;gap:12px}
.letters li{border:1px solid #c9ced6;border-radius:6px;padding:12px 16px;overflow-wrap:anywhere}
.letters h3{margin:0 0 6px;font-size:1.05rem}
.letters .text{white-space:pre-wrap}
.draft-text{white-space:pre-wrap;border:1px solid #c9ced6;border-radius:6px;padding:12px 16px;background:#fafbfc}
.comment{border-bottom:1px solid #e2e5ea;padding:8px 0}
.cn-list{list-style:none;padding:0;display:grid;gap:16px}
.cn-list>li{border:1px solid #c9ced6;border-radius:6px;padding:12px 16px}
.cn-list h2{margin:0 0 6px;font-size:1.1rem}
.cn-meta{color:#444;font-size:.9rem;margin:4px 0}
.cn-state{display:inline-block;padding:0 8px;border-radius:10px;border:1px solid #0b4f9c;color:#0b4f9c}
.cn-state.late{border-color:#a4262c;color:#a4262c}
.cn-state.done{border-color:#1e6b2f;color:#1e6b2f}
.cn-progress{margin:8px 0 0;padding-left:20px}
.cn-progress li{margin:4px 0}
`;

const CONTRAST_CSS = `
html.gk-contrast body,html.gk-contrast main,html.gk-contrast header.site,html.gk-contrast .topbar,html.gk-contrast footer.site,html.gk-contrast .card,html.gk-contrast .block,html.gk-contrast .xxgk-nav li a,html.gk-contrast .notice,html.gk-contrast .meta th{background:#000 !important;color:#fff !important}
html.gk-contrast a,html.gk-contrast header.site a{color:#ffeb3b !important}
html.gk-contrast th,html.gk-contrast td,html.gk-contrast .block,html.gk-contrast .card{border-color:#fff !important}
html.gk-contrast input,html.gk-contrast select,html.gk-contrast textarea{background:#000;color:#fff;border:1px solid #fff}
html.gk-contrast button,html.gk-contrast .site-search button{background:#ffeb3b !important;color:#000 !important;border-color:#ffeb3b !important}
html.gk-contrast mark{background:#ffeb3b;color:#000}
html.gk-contrast .badge{background:#000;color:#fff;border:1px solid #fff}
html.gk-contrast .lead,html.gk-contrast .hit .src,html.gk-contrast .list .date,html.gk-contrast .card small,html.gk-contrast .field-error,html.gk-contrast .meta,html.gk-contrast .cn-meta,html.gk-contrast .field .help{color:#fff !important}
html.gk-contrast .draft-text,html.gk-contrast .ok,html.gk-contrast .errors{background:#000 !important;color:#fff !important}
`;

const PAGES_CSS = `
.meta th{width:8em;background:#f1f3f6;font-weight:600}
.meta{margin:12px 0 20px}
.item-body{font-size:1.05rem;line-height:1.9}
.item-body li p,.item-body td p,.item-body th p{margin:0}
.item-body table{margin:12px 0}
.list{list-style:none;padding:0;margin:0}
.list li{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;padding:10px 0;border-bottom:1px dashed #c9ced6}
.list .date{color:#444;white-space:nowrap}
.subcols{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.subcols a{display:inline-block;padding:4px 10px;border:1px solid #c9ced6;border-radius:4px;text-decoration:none}
.search-form{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:12px 0}
.search-form label{display:flex;flex-direction:column;font-size:.95rem}
.search-form input,.search-form select,.search-form button{font-size:1rem;padding:6px 8px;min-height:40px}
.search-form button{background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:6px 18px}
mark{background:#ffe58f;color:#1a1a1a}
.hit{padding:12px 0;border-bottom:1px solid #e3e6ea}
.hit h2{font-size:1.1rem;margin:0 0 4px}
.hit .src{color:#444;font-size:.9rem}
.badge{display:inline-block;padding:0 8px;border-radius:10px;background:#e6f4ea;color:#14532d;font-size:.85rem}
.badge.off{background:#fde8e8;color:#7f1d1d}
.pager{display:flex;gap:12px;margin:16px 0}
@media(max-width:600px){.meta th{width:6em}.list li{flex-direction:column}}
`;

export const PORTAL_CSS = BASE_CSS + PAGES_CSS + FORMS_CSS + INTERACTION_CSS + CONTRAST_CSS;

/** The favicon: the red 公 of the header. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a6120d"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">公</text></svg>';

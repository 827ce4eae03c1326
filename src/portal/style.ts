// Portal stylesheet: system fonts (Noto CJK on Linux), readable sizes, high contrast (WCAG 2.1 AA), mobile first.
export const PORTAL_CSS = `
*{box-sizing:border-box}
html{font-size:17px}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1a1a1a;background:#f6f7f9;line-height:1.7}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f0a500;outline-offset:2px}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px;z-index:10}
header.site{background:#a6120d;color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding-top:12px;padding-bottom:12px}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.35rem;font-weight:700;margin:0}
.nav{list-style:none;display:flex;gap:20px;margin:0;padding:0}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:10px 0;margin:0;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-right:6px;color:#555}
main{background:#fff;padding-top:16px;padding-bottom:32px;min-height:60vh}
h1{font-size:1.6rem;margin:.4em 0}
h2{font-size:1.25rem}
.lead{font-size:1.05rem;color:#333}
.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
.card{display:block;padding:20px;border:1px solid #c9ced6;border-radius:6px;background:#fff;font-weight:600;text-decoration:none}
.card:hover{border-color:#0b4f9c}
.two-col{display:grid;grid-template-columns:1fr;gap:24px}
@media(min-width:800px){.two-col{grid-template-columns:240px 1fr}}
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
`;

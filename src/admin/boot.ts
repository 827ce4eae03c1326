// The console's first module (index.html's first script; Vite makes one entry of both). Before the rest of the
// entry (React, antd, the layout) is evaluated, this starts what every first screen waits for — the signed-in user
// and the data the page's first request depends on (first-data.ts) — so that they load beside the console instead
// of after it (issue 15 part 5, bench/console.ts); main.tsx starts the page's own code (start-page.ts). A separate
// tiny script that imports main.tsx was measured slower (bench/README.md): antd's stylesheet and the modules then
// load only after it has run, instead of from the page's head.
import { startEarly } from './early';
import { firstData } from './first-data';

const path = window.location.pathname.replace(/^\/admin/, '') || '/';
// The sign-in pages load no user; everything else is inside the signed-in layout.
if (!/^\/(login|password|two-step)(\/|$)/.test(path)) {
  startEarly('/auth/me');
  for (const data of firstData(path)) startEarly(data.path, data.next);
}

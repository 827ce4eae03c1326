// The console's first script, and the only one index.html loads. The rest of the console (React, antd, the layout:
// about a megabyte to fetch, compile and evaluate) is imported from here; before that, this starts what every first
// screen waits for — the signed-in user and the data the page's first request depends on — so that they load beside
// the console instead of after it (issue 15 part 5, bench/console.ts). Keep its imports tiny: nothing here may wait
// for React, antd or zod. main.tsx starts the page's own code (start-page.ts).
import { startEarly } from './early';
import { firstData } from './first-data';

const path = window.location.pathname.replace(/^\/admin/, '') || '/';
// The sign-in pages load no user; everything else is inside the signed-in layout.
if (!/^\/(login|password|two-step)(\/|$)/.test(path)) {
  startEarly('/auth/me');
  for (const data of firstData(path)) startEarly(data.path, data.next);
}
// The rest of the console.
void import('./main');

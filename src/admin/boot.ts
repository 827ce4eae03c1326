// The console's first script: an entry of its own, loaded async from the head of the page (vite.admin.config.ts,
// asyncBoot), needing neither React nor antd. As soon as its few hundred bytes are there it starts what every first
// screen waits for — the signed-in user and the data the page's first request depends on (first-data.ts) — so that
// they load while the console's main bundle is still loading and compiling (issue 15 part 5, bench/console.ts); in
// the main entry it ran only after all of that. main.tsx imports the same early.ts (one module instance), so the
// console takes the answers. It does not start the page's code (main.tsx's start-page.ts does): importing the pages'
// loaders here made Rollup cut the main bundle into some 40 files.
import { startEarly } from './early';
import { firstData } from './first-data';

const path = window.location.pathname.replace(/^\/admin/, '') || '/';
// The sign-in pages load no user; everything else is inside the signed-in layout.
if (!/^\/(login|password|two-step)(\/|$)/.test(path)) {
  startEarly('/auth/me');
  for (const data of firstData(path)) startEarly(data.path, data.next);
}

// The console's first script, and the only one index.html loads. The rest of the console (React, antd, the layout:
// about a megabyte to fetch, compile and evaluate) is loaded from here; before that, this starts what every first
// screen waits for — the signed-in user, the page's own code, the data its first request depends on — so that they
// load beside the console instead of after it (issue 15 part 5, bench/console.ts). Keep its imports small: nothing
// here may wait for React or antd.
// First, before any schema of the contracts is built (a preloaded page builds some): zod without eval (zod-jitless.ts).
import './zod-jitless';
// Before anything can insert a style: the CSP's style nonce (csp-nonce.ts).
import './csp-nonce';
import { startEarly } from './early';
import { preloadPage } from './pages';

const path = window.location.pathname.replace(/^\/admin/, '') || '/';
// The sign-in pages load no user; everything else is inside the signed-in layout.
if (!/^\/(login|password|two-step)(\/|$)/.test(path)) {
  startEarly('/auth/me');
  for (const data of preloadPage(path)) startEarly(data.path, data.next);
}
// The rest of the console, fetched while the requests above are on their way (index.html loads only this file).
void import('./main');

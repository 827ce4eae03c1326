// The console's first, tiny entry (index.html loads it before main.tsx). The main bundle takes about half a second
// to arrive and evaluate; this starts what every first screen then waits for — the signed-in user, the page's own
// code and the data its first request depends on — so that they load beside it instead of after it (issue 15 part 5,
// bench/console.ts).
import './zod-jitless';
// Before anything can insert a style: the CSP's style nonce (csp-nonce.ts).
import './csp-nonce';
import { startEarly } from './early';
import { preloadPage } from './routes';

const path = window.location.pathname.replace(/^\/admin/, '') || '/';
// The sign-in pages load no user; everything else is inside the signed-in layout.
if (!/^\/(login|password|two-step)(\/|$)/.test(path)) {
  startEarly('/auth/me');
  for (const data of preloadPage(path)) startEarly(data.path, data.then);
}

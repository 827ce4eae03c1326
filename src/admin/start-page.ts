// main.tsx's third import: the current page's code starts loading before the rest of the console (antd, the layout)
// is evaluated, and the page renders without suspending when it is there first (routes.tsx).
import { preloadPage } from './pages';

preloadPage(window.location.pathname.replace(/^\/admin/, '') || '/');

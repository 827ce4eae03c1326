// The 政府信息公开 pages (issue 5 part 7): catalogs, item pages, the normative-document query, the 指南, search.
// Server-rendered, no JavaScript; cacheable (ETag/Last-Modified); withdrawn items answer 404 with a plain
// explanation; 适老化 large-font and high-contrast modes by cookie. Data comes from the disclosure module's face.
import type { Hono } from 'hono';
import type { AppEnv, Platform } from '../../server/platform/context';
import { xxgkAssessment } from './assessment';
import { xxgkCatalog } from './catalog';
import { xxgkCleanup } from './cleanup';
import { xxgkDirectory } from './directory';
import { xxgkEnforcement } from './enforcement';
import { xxgkGuide } from './guide';
import { xxgkItem } from './item';
import { xxgkMediaBulletins } from './media';
import { xxgkNormative } from './normative';
import { xxgkSearch } from './search';
import { createView } from './view';

export function disclosurePortal(app: Hono<AppEnv>, p: Platform): void {
  const view = createView(p);
  xxgkCatalog(app, p, view);
  xxgkDirectory(app, p, view);
  xxgkItem(app, p, view);
  xxgkNormative(app, p, view);
  xxgkCleanup(app, p, view);
  xxgkEnforcement(app, p, view);
  xxgkMediaBulletins(app, p, view);
  xxgkGuide(app, p, view);
  xxgkSearch(app, p, view);
  xxgkAssessment(app, p, view);
}

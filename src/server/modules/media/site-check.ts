// One website check: crawl, then the pure 19号 analysis. Used by the CLI, the scheduler and the console's 立即检查.
import {
  analyseSite,
  type CheckThresholds,
  type ColumnPatterns,
  isIsoDay,
  type SiteReport,
  type WordingDictionary,
} from '../../../domain/media';
import { type CrawlOptions, crawlSite } from './crawl/crawl';

export interface SiteCheckOptions extends Partial<CrawlOptions> {
  asOf: string;
  thresholds?: CheckThresholds;
  patterns?: ColumnPatterns;
  dictionary?: WordingDictionary;
  /** MON-1 sampling of the last 7 days, when there are samples. */
  availability?: { failed: number; total: number };
}

export type SiteCheckResult = SiteReport & { notes: string[] };

export async function checkSite(url: string, o: SiteCheckOptions): Promise<SiteCheckResult> {
  if (!isIsoDay(o.asOf)) throw new Error(`检查基准日期须为 YYYY-MM-DD：${o.asOf}`);
  if (o.maxPages !== undefined && (!Number.isInteger(o.maxPages) || o.maxPages < 1))
    throw new Error(`页面上限须为正整数：${o.maxPages}`);
  const crawl = await crawlSite(url, o);
  const report = analyseSite({
    site: url,
    home: crawl.home,
    asOf: o.asOf,
    reachable: crawl.reachable,
    pages: crawl.pages,
    brokenLinks: crawl.brokenLinks,
    ...(o.thresholds ? { thresholds: o.thresholds } : {}),
    ...(o.patterns ? { patterns: o.patterns } : {}),
    ...(o.dictionary ? { dictionary: o.dictionary } : {}),
    ...(o.availability ? { availability: o.availability } : {}),
  });
  return { ...report, notes: crawl.notes };
}

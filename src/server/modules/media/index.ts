// The media module (issue 12): government websites and 政务新媒体 — the website checker for now.
export { checkSite, type SiteCheckOptions, type SiteCheckResult } from './site-check';

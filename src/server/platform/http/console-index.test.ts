import { describe, expect, it } from 'vitest';
import { type PagePreloads, withPagePreloads } from './console-index';

const HTML = '<html><head><title>t</title></head><body></body></html>';
const PRELOADS: PagePreloads = {
  '/': ['assets/HomePage-a1.js'],
  '/tasks/ledger': ['assets/LedgerPage-b2.js', 'assets/Table-c3.js'],
  '/requests/cases/:id': ['assets/CaseDetailPage-d4.js'],
  // Never from our build: not linked.
  '/evil': ['assets/x.js"><script>alert(1)</script>', '//other.example/x.js', 'assets/../secret.js'],
};
const link = (f: string) => `<link rel="modulepreload" crossorigin href="/admin/${f}">`;

describe('withPagePreloads: the page of the address named for preloading', () => {
  it.each([
    ['/tasks/ledger', `${link('assets/LedgerPage-b2.js')}${link('assets/Table-c3.js')}</head>`],
    ['/tasks/ledger/', `${link('assets/LedgerPage-b2.js')}${link('assets/Table-c3.js')}</head>`],
    ['/', `${link('assets/HomePage-a1.js')}</head>`],
    ['/requests/cases/0b7c9a2e-1', `${link('assets/CaseDetailPage-d4.js')}</head>`],
  ])('%s', (path, head) => {
    expect(withPagePreloads(HTML, PRELOADS, path)).toBe(HTML.replace('</head>', head));
  });

  it.each([
    ['no such page', '/no/such/page'],
    ['the sign-in page (not a page of the table)', '/login'],
    ['a route with more segments', '/tasks/ledger/extra'],
    ['file names that are not the build’s', '/evil'],
  ])('%s: the html unchanged', (_what, path) => {
    expect(withPagePreloads(HTML, PRELOADS, path)).toBe(HTML);
  });

  it('no build yet (no preloads): the html unchanged', () => {
    expect(withPagePreloads(HTML, {}, '/tasks/ledger')).toBe(HTML);
  });
});

import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { statusAfterFiling, websiteKey } from './registry';

describe('statusAfterFiling (开设/变更/关停/注销)', () => {
  it.each([
    ['open', undefined, 'running'],
    ['open', 'running', '该渠道已在登记册中，请提交变更备案'],
    ['change', 'running', 'running'],
    ['change', 'closed', '已关停的渠道不能变更'],
    ['change', undefined, '请选择登记册中的网站或账号'],
    ['close', 'running', 'closed'],
    ['close', 'closed', '该渠道已关停'],
    ['cancel', 'running', 'cancelled'],
    ['cancel', 'closed', 'cancelled'],
    ['cancel', 'cancelled', '该渠道已注销，不能再办理备案'],
  ] as const)('%s on %s → %s', (kind, current, want) => {
    const r = statusAfterFiling(kind, current);
    expect(r.ok ? r.status : r.reason).toBe(want);
  });
});

describe('websiteKey (duplicate URLs)', () => {
  eachReturns(
    websiteKey,
    [
      ['http://www.ltq.gov.cn/', 'ltq.gov.cn'],
      ['https://LTQ.gov.cn', 'ltq.gov.cn'],
      ['ltq.gov.cn/index.html', 'ltq.gov.cn'],
      ['http://ltq.gov.cn:80/fgw/', 'ltq.gov.cn/fgw'],
      ['http://ltq.gov.cn:8080/', 'ltq.gov.cn:8080'],
      ['ftp://ltq.gov.cn/', undefined],
      ['不是网址', undefined],
      ['', undefined],
    ],
    '%s → %s',
  );
});

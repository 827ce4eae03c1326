import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { ADDRESS_STARS, addressKeptLength, truncateAddress } from './address';
import golden from './address-golden.json';

// SECURITY.md 33: the golden file holds real-shaped addresses (省市区县, 乡镇/街道, 村/社区, 路/号/栋/单元/室,
// 自治州, 盟, 旗, full-width digits) and what may be published of each.
describe('truncateAddress (golden file)', () => {
  it('has enough cases', () => expect(golden.length).toBeGreaterThanOrEqual(15));
  eachReturns(truncateAddress, golden as [string, string][], '%s → %s');
});

describe('what is kept', () => {
  it('never a house number, a village, a community or a road', () => {
    for (const [address] of golden as [string, string][]) {
      const kept = truncateAddress(address).replace(ADDRESS_STARS, '');
      expect(kept).not.toMatch(/[0-9０-９]|号|栋|单元|室|村|社区|小区|路(?!街道)/);
    }
  });
  it('an empty address keeps nothing', () => expect(addressKeptLength('')).toBe(0));
});

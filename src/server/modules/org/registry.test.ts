import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../../test/table';
import { levelOf, regionPrefixesOf } from './registry';

describe('regionPrefixesOf', () => {
  eachEquals(regionPrefixesOf, [
    ['重庆市潼南区', ['重庆市', '潼南']],
    ['重庆市巫山县', ['重庆市', '巫山']],
    ['四川省达州市通川区', ['四川省', '达州市', '通川']],
    ['渝中区', ['渝中']],
  ]);
  it('level', () => {
    expect(levelOf('重庆市巫山县')).toBe('县');
    expect(levelOf('重庆市潼南区')).toBe('区');
  });
});

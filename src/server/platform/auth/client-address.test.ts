import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';

describe('client address behind trusted proxies', () => {
  const trusted = trustedProxies(['10.0.0.1', '172.16.0.0/12', 'fd00::/8']);
  it.each<[string, string, string | undefined, string]>([
    ['direct client, no header', '203.0.113.9', undefined, '203.0.113.9'],
    ['untrusted peer: its header is ignored', '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['trusted proxy: the forwarded client', '10.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['IPv4-mapped peer', '::ffff:10.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['chain of trusted proxies (CIDR)', '10.0.0.1', '198.51.100.7, 172.16.3.4', '198.51.100.7'],
    [
      'a spoofed left part stops at the first untrusted hop',
      '10.0.0.1',
      '6.6.6.6, 198.51.100.7',
      '198.51.100.7',
    ],
    ['garbage stops the walk', '10.0.0.1', 'evil, 198.51.100.7', '198.51.100.7'],
    ['garbage right at the proxy: the proxy itself', '10.0.0.1', '198.51.100.7, nonsense', '10.0.0.1'],
    ['IPv6 proxy', 'fd00::1', '2001:db8::5', '2001:db8::5'],
  ])('%s', (_n, peer, xff, expected) => {
    expect(clientAddress(peer, xff, trusted)).toBe(expected);
  });

  it('nothing trusted by default', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4', trustedProxies([]))).toBe('127.0.0.1');
  });

  it.each(['10.0.0.300', '10.0.0.0/33', 'proxy.local', '10.0.0.0/x'])('refuses the entry %s', (bad) => {
    expect(() => trustedProxies([bad])).toThrow(/GONGKAI_TRUSTED_PROXIES/);
  });
});

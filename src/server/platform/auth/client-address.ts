// The client's address, the key of every per-address limit. X-Forwarded-For is believed only when the peer is a
// configured trusted proxy (GONGKAI_TRUSTED_PROXIES); otherwise anyone could pick a fresh address per request.
import { BlockList, isIP } from 'node:net';

const plain = (a: string): string => {
  const s = a.trim();
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return m ? m[1]! : s;
};

/** Parses 'IP' and 'IP/prefix' entries; a wrong entry is a start-up error, not a silently open door. */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr = '', prefix] = raw.trim().split('/');
    const a = plain(addr);
    const family = isIP(a);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32))
      throw new Error(`GONGKAI_TRUSTED_PROXIES 中的“${raw}”不是有效的 IP 地址或 CIDR`);
    list.addSubnet(a, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** Whether an address (the socket peer) is one of the configured trusted proxies. */
export const trusts = (list: BlockList, addr: string): boolean => {
  const a = plain(addr);
  const family = isIP(a);
  return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * From the peer back along X-Forwarded-For, skipping trusted proxies: the first address not ours is the client.
 * A malformed entry stops the walk (what lies left of it is the client's own say-so).
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let client = plain(peer);
  if (!forwardedFor || !trusts(trusted, client)) return client;
  const hops = forwardedFor.split(',').map(plain).reverse();
  for (const hop of hops) {
    if (!isIP(hop)) break;
    client = hop;
    if (!trusts(trusted, hop)) break;
  }
  return client;
}

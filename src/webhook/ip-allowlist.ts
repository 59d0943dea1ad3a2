import { BlockList, isIP } from 'node:net';

function normalizeIp(ip: string): string {
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/** A matcher for addresses and CIDR ranges; an empty list lets everyone in. */
export function buildIpAllowlist(entries: readonly string[]): (clientIp: string | undefined) => boolean {
  if (entries.length === 0) {
    return () => true;
  }
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits !== undefined) {
      list.addSubnet(address, Number(bits), family);
    } else if (isIP(address)) {
      list.addAddress(normalizeIp(address), isIP(normalizeIp(address)) === 6 ? 'ipv6' : 'ipv4');
    }
  }
  return (clientIp) => {
    if (!clientIp) {
      return false;
    }
    const ip = normalizeIp(clientIp);
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}

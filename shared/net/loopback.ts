import net from 'node:net';

/**
 * True when `hostname` (as URL.hostname gives it: IPv6 in brackets or bare) names this
 * machine's loopback interface: "localhost" (and names under .localhost, RFC 6761),
 * 127.0.0.0/8 or ::1. Only literal addresses and those names count: a DNS name that
 * happens to resolve to 127.0.0.1 today is not trusted, since it can be re-pointed.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (net.isIPv4(name)) return name.startsWith('127.');
  if (net.isIPv6(name)) return name === '::1' || name === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(name);
  return false;
}

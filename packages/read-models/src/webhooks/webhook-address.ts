import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook must never reach: loopback, private, shared (CGNAT), link-local (cloud metadata at
 * 169.254.169.254 and fd00:ec2::254 included), unspecified, multicast and reserved ranges, in IPv4 and IPv6
 * (IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');
// Azure's metadata and DNS address is public space, but reaches the host.
BLOCKED.addAddress('168.63.129.16', 'ipv4');

/** Whether a webhook may be sent to this IP address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  return !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookAddressError extends Error {}

/**
 * Checks an endpoint URL at registration: https, no credentials, and every address its host resolves to
 * public. `allowPrivate` (WEBHOOKS_ALLOW_PRIVATE, development and tests) also allows http and any address.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('is not a URL');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    throw new WebhookAddressError('must be an https URL');
  if (url.username || url.password) throw new WebhookAddressError('must not carry credentials');
  if (allowPrivate) return url;
  const addresses = await resolve(url.hostname);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused) throw new WebhookAddressError(`resolves to ${refused}, a private or reserved address`);
  return url;
}

async function resolve(hostname: string): Promise<string[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return [bare];
  try {
    return (await lookup(bare, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw new WebhookAddressError(`host ${bare} does not resolve`);
  }
}

/**
 * A DNS lookup for the HTTP client that refuses private addresses at connect time: the address checked is
 * the address connected to, so a name that resolved to a public address at registration and to a private
 * one now (DNS rebinding) is refused.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const refused = allowPrivate ? undefined : addresses.find((address) => !isPublicAddress(address));
        if (refused)
          throw new WebhookAddressError(`${hostname} resolves to ${refused}, a private or reserved address`);
        const address = addresses[0]!;
        const family = isIP(address);
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
}

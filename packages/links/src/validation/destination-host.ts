import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** A destination's host, canonical: what the checks compare, whatever way it was spelled. */
export type DestinationHost = {
  /** Lower case, punycode, IP literals in their canonical form, no trailing dot. */
  name: string;
  /** The address when the host is an IP literal (IPv4-mapped IPv6 turned into IPv4). */
  address: IpAddress | null;
  /** The port the browser would connect to (default ports filled in). */
  port: string;
  /** `localhost`, `*.localhost`, `*.local`, `*.internal`, `*.home.arpa`… or a name without a dot. */
  isLocalName: boolean;
  /** Reaches this very machine: localhost names, loopback and unspecified (0.0.0.0, ::) addresses. */
  isThisMachine: boolean;
  /** For messages. */
  display: string;
};

/** Names that only mean something inside a network (RFC 6761, RFC 6762, ICANN's `.internal`). */
const LOCAL_SUFFIXES = [
  '.localhost',
  '.local',
  '.internal',
  '.home.arpa',
  '.lan',
  '.intranet',
  '.localdomain',
];

/** Names of this very machine: `localhost` and its subdomains, and Debian's and Red Hat's alias. */
const isThisMachineName = (name: string) =>
  name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.localdomain';

/**
 * The WHATWG URL parser has already done the hard part: it lower-cases and punycodes names and
 * turns every IPv4 spelling (127.1, 0x7f000001, 2130706433, 017700000001) into dotted decimal and
 * IPv6 into its compressed form. What is left: the trailing dot (`localhost.` is `localhost`),
 * IPv6 brackets, and IPv6 that spells an IPv4 address (`[::ffff:127.0.0.1]` and `[::127.0.0.1]`
 * are 127.0.0.1), parsed by ipaddr.js.
 */
export function destinationHost(url: URL): DestinationHost {
  const name = url.hostname.replace(/\.+$/, '');
  const address = parseAddress(name);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const isLocalName =
    !address &&
    (name === 'localhost' ||
      !name.includes('.') ||
      LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix)));
  const isThisMachine = address
    ? ['loopback', 'unspecified'].includes(address.range())
    : isThisMachineName(name);
  return {
    name: address ? canonicalAddress(address) : name,
    address,
    port,
    isLocalName,
    isThisMachine,
    display: url.host,
  };
}

/** An IP literal as found in a URL's hostname (IPv6 in brackets), or null for a name. */
export function parseAddress(hostname: string): IpAddress | null {
  const literal =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (!ipaddr.isValid(literal)) return null;
  // Only real literals: ipaddr.js also accepts shorthand like "127.1", which WHATWG has already
  // expanded, and which could otherwise be a (weird) host name.
  if (!literal.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(literal)) return null;
  const address = ipaddr.process(literal); // IPv4-mapped (::ffff:a.b.c.d) becomes IPv4
  return address.kind() === 'ipv6' ? (ipv4Compatible(address as ipaddr.IPv6) ?? address) : address;
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * `::a.b.c.d` (IPv4-compatible, deprecated by RFC 4291 but still parsed): the IPv4 address it
 * spells, which ipaddr.js would otherwise call ordinary unicast (`[::7f00:1]` is 127.0.0.1).
 * `::` and `::1` stay IPv6 (unspecified, loopback).
 */
function ipv4Compatible(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  if (!address.match(IPV4_COMPATIBLE) || parts[6] === 0) return null;
  const [high, low] = [parts[6]!, parts[7]!];
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

export function canonicalAddress(address: IpAddress): string {
  return address.kind() === 'ipv6' ? `[${address.toString()}]` : address.toString();
}

/**
 * Only ordinary public unicast addresses are public. Everything ipaddr.js classifies otherwise is
 * internal: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16
 * with the cloud metadata service, fe80::/10), unspecified (0.0.0.0/8, ::), carrier-grade NAT,
 * multicast, broadcast, reserved, and IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: IpAddress): boolean {
  return address.range() === 'unicast';
}

import ipaddr from 'ipaddr.js';
import {
  canonicalAddress,
  destinationHost,
  parseAddress,
  type DestinationHost,
} from './destination-host';

/** What the shortener is, and what internal destinations the operator allows. */
export type DestinationPolicyOptions = {
  /** The shortener's own hosts ("sho.rt", "localhost:3001"); with a port, that port only. */
  ownHosts: readonly string[];
  /**
   * Internal destinations allowed anyway (intranet deployments): IP addresses, CIDR ranges
   * ("10.0.0.0/8", "fd00::/8"), host names ("intranet") or name suffixes (".corp.internal").
   */
  allowed?: readonly string[];
};

export type DestinationPolicy = {
  readonly compiled: true;
  isOwn(host: DestinationHost): boolean;
  isAllowed(host: DestinationHost): boolean;
};

type OwnHost = { host: DestinationHost; anyPort: boolean };

/**
 * Compiles the policy once (the schemas hold on to it); accepts a bare list of own hosts too.
 * Throws on an allow-list entry that is neither an address, a CIDR range nor a host name.
 */
export function compileDestinationPolicy(
  options: DestinationPolicy | DestinationPolicyOptions | readonly string[],
): DestinationPolicy {
  if ('compiled' in options) return options;
  const { ownHosts, allowed = [] } = Array.isArray(options)
    ? { ownHosts: options as readonly string[] }
    : (options as DestinationPolicyOptions);
  const own = ownHosts.map(parseOwnHost);
  const allow = allowed.map(parseAllowEntry);
  return {
    compiled: true,
    isOwn: (host) => own.some((entry) => isSameHost(entry, host)),
    isAllowed: (host) => allow.some((matches) => matches(host)),
  };
}

function parseOwnHost(entry: string): OwnHost {
  const url = new URL(`http://${entry.trim()}`);
  return { host: destinationHost(url), anyPort: url.port === '' && !/:80$/.test(entry.trim()) };
}

/**
 * The same host in any spelling: canonical names are equal, or both reach this very machine
 * (`localhost`, 127.0.0.0/8, [::1], 0.0.0.0, [::ffff:127.0.0.1]…). The port must match when the
 * entry names one ("localhost:3001" leaves the editor on :3000 a valid destination).
 */
function isSameHost(own: OwnHost, host: DestinationHost): boolean {
  const sameMachine = own.host.name === host.name || (own.host.isThisMachine && host.isThisMachine);
  return sameMachine && (own.anyPort || own.host.port === host.port);
}

type AllowRule = (host: DestinationHost) => boolean;

function parseAllowEntry(raw: string): AllowRule {
  const entry = raw.trim().toLowerCase();
  if (entry.includes('/') && !entry.includes('://')) {
    let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
    try {
      range = ipaddr.parseCIDR(entry);
    } catch {
      throw new Error(`"${raw}" is not a valid CIDR range (example: 10.0.0.0/8)`);
    }
    const [network, bits] = ipv4MappedAsIpv4(range);
    return (host) =>
      host.address !== null &&
      host.address.kind() === network.kind() &&
      host.address.match(network, bits);
  }
  const address = parseAddress(entry);
  if (address) {
    const canonical = canonicalAddress(address);
    return (host) => host.name === canonical;
  }
  if (entry.startsWith('.') && HOST_NAME.test(entry.slice(1))) {
    return (host) => !host.address && (host.name.endsWith(entry) || host.name === entry.slice(1));
  }
  const url = hostUrl(entry);
  if (url) {
    const allowed = destinationHost(url);
    const anyPort = url.port === '' && !/:80$/.test(entry);
    return (host) => host.name === allowed.name && (anyPort || host.port === allowed.port);
  }
  throw new Error(
    `"${raw}" is neither an IP address, a CIDR range (10.0.0.0/8), a host (intranet, wiki.corp:8080) nor a name suffix (.corp.example)`,
  );
}

const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/;

/** "intranet", "wiki.corp:8080", "[fd00::1]:8080" as a URL, or null when it is not just a host. */
function hostUrl(entry: string): URL | null {
  if (/[/?#@\\\s]/.test(entry)) return null;
  try {
    const url = new URL(`http://${entry}`);
    return url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/** Destinations are compared with IPv4-mapped IPv6 turned into IPv4, so the ranges are too. */
function ipv4MappedAsIpv4([network, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [
  ipaddr.IPv4 | ipaddr.IPv6,
  number,
] {
  if (network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96) {
    return [network.toIPv4Address(), bits - 96];
  }
  return [network, bits];
}

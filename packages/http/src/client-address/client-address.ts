import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/** Decides whether an address is a proxy we trust to report the client's address. */
export type TrustedProxies = (address: string, hopIndex: number) => boolean;

/**
 * The header through which each app's front server tells Next.js who the client is. The front
 * server always overwrites it, so a value sent by the client never reaches the app.
 */
export const CLIENT_ADDRESS_HEADER = 'x-newsroom-client-address';

/** Used when no address is known at all (never a real client's key). */
export const UNKNOWN_CLIENT = 'unknown';

const TRUST_NOBODY: TrustedProxies = () => false;

/**
 * `TRUSTED_PROXIES`: comma-separated addresses, CIDR ranges or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Unset: trust nobody, so forwarding headers are ignored, because
 * any client can write them.
 */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedProxies {
  const entries = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return TRUST_NOBODY;
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXIES must list addresses, CIDR ranges or loopback/linklocal/uniquelocal, ` +
        `got "${env.TRUSTED_PROXIES}": ${(error as Error).message}`,
    );
  }
}

/**
 * The client's address: walking X-Forwarded-For from the right, the first hop that is not a
 * trusted proxy (proxy-addr's semantics). Entries left of it were written by the client and are
 * never believed. IPv4-mapped IPv6 addresses come back as plain IPv4.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustedProxies,
): string {
  if (!socketAddress) return UNKNOWN_CLIENT;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const request = {
    headers: header ? { 'x-forwarded-for': header } : {},
    socket: { remoteAddress: socketAddress },
    connection: { remoteAddress: socketAddress },
  };
  const address = proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust);
  return normalizeAddress(address);
}

function normalizeAddress(address: string): string {
  if (!ipaddr.isValid(address)) return UNKNOWN_CLIENT;
  return ipaddr.process(address).toString();
}

/** In Next.js code: the address the front server resolved for this request. */
export function clientAddressFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_CLIENT;
}

/**
 * For a front server, before it hands a request to Next.js: resolves the client's address once and
 * writes it into CLIENT_ADDRESS_HEADER, replacing anything the client sent under that name.
 */
export function stampClientAddress(req: IncomingMessage, trust: TrustedProxies): string {
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    trust,
  );
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

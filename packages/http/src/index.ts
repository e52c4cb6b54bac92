// HTTP concerns that both apps share, written once: the client address behind proxies, security
// headers, reading JSON bodies, and the one error shape of every API.
export {
  CLIENT_ADDRESS_HEADER,
  clientAddressFromHeaders,
  resolveClientAddress,
  stampClientAddress,
  trustedProxiesFromEnv,
  UNKNOWN_CLIENT,
} from './client-address/client-address';
export type { TrustedProxies } from './client-address/client-address';

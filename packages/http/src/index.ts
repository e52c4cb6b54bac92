// HTTP concerns that both apps share, written once: the client address behind proxies, security
// headers, reading JSON bodies, and the one error shape of every API.
export {};

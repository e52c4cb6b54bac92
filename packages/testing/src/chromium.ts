/** Debian's Chromium; no browser can be downloaded on these machines. */
export const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless as root, with nothing reaching out to Google's hosts (this machine's network is
 * closed, and Chromium otherwise retries those connections at every start).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Reader, type CountryResponse } from 'mmdb-lib';
import { detailKey, VISIT_VALUES } from './dimensions';

/**
 * The IP-to-country database: an mmdb file shipped in an npm package, so it is updated by
 * upgrading that package (`npm install --save-exact @ip-location-db/geo-whois-asn-country-mmdb@latest`),
 * and never looked up over the network. SHORTENER_COUNTRY_DB may point at another mmdb file with
 * a `country_code` (or MaxMind-style `country.iso_code`) record.
 */
export const COUNTRY_DB_PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb';

const COUNTRY_DB_FILE = 'geo-whois-asn-country.mmdb';

/**
 * Where Node's resolution finds the package's mmdb file. Looked up along `require.resolve.paths`
 * rather than with `require.resolve(...)`, which bundlers (Next's Turbopack) would try to load as
 * a module; this code runs in server.ts, never inside the bundle.
 */
export function defaultCountryDbPath(): string {
  const folders = createRequire(import.meta.url).resolve.paths(COUNTRY_DB_PACKAGE) ?? [];
  for (const folder of folders) {
    const file = path.join(folder, COUNTRY_DB_PACKAGE, COUNTRY_DB_FILE);
    if (existsSync(file)) return file;
  }
  throw new Error(
    `The country database ${COUNTRY_DB_PACKAGE} is not installed (run npm ci), or set SHORTENER_COUNTRY_DB to an mmdb file, or SHORTENER_VISIT_DETAILS=0.`,
  );
}

type CountryRecord = { country_code?: unknown; country?: { iso_code?: unknown } };

export type CountryLookup = {
  /** The detail key `country\n<ISO code>` (or `unknown`) of a client address. */
  (address: string | undefined): string;
  /** When the database was built (from its metadata). */
  builtAt: Date;
};

/**
 * Opens the database once (about 8 MB, read into memory) and answers from it synchronously.
 * Answers are remembered per network, in memory only (addresses are never written anywhere): an
 * IPv4 address whose network in the database is a /24 or larger answers for its whole /24 (one
 * look-up for everyone behind an ISP's block; exact, since the whole /24 lies in that network),
 * any other address for itself. A Map emptied when full: a look-up that misses costs less than
 * an LRU's bookkeeping would.
 */
export function countryLookup(file = defaultCountryDbPath(), max = 20_000): CountryLookup {
  let reader: Reader<CountryResponse>;
  try {
    reader = new Reader<CountryResponse>(readFileSync(file), { cache: decodedRecords() });
  } catch (error) {
    throw new Error(`Cannot open the country database ${file}: ${(error as Error).message}`);
  }
  const known = new Map<string, string>();
  const remember = (key: string, value: string) => {
    if (known.size >= max) known.clear();
    known.set(key, value);
  };
  const unknown = detailKey('country', VISIT_VALUES.unknown);
  const lookup = (address: string | undefined): string => {
    if (!address) return unknown;
    const block = ipv4Block(address);
    let key = (block !== undefined && known.get(block)) || known.get(address);
    if (key === undefined) {
      const [country, prefixLength] = countryOf(reader, address);
      key = detailKey('country', country);
      remember(block !== undefined && prefixLength <= 24 ? block : address, key);
    }
    return key;
  };
  return Object.assign(lookup, { builtAt: new Date(reader.metadata.buildEpoch) });
}

/** "a.b.c" of a dotted IPv4 address (also IPv4-mapped: "::ffff:a.b.c.d"), else undefined. */
function ipv4Block(address: string): string | undefined {
  const lastDot = address.lastIndexOf('.');
  if (lastDot === -1 || address.includes(':', address.startsWith('::ffff:') ? 7 : 0)) {
    return undefined;
  }
  return address.slice(address.startsWith('::ffff:') ? 7 : 0, lastDot);
}

/** The country of an address and the prefix length of its network in the database. */
function countryOf(reader: Reader<CountryResponse>, address: string): [string, number] {
  // IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d, which the database lacks.
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  let record: CountryRecord | null;
  let prefixLength: number;
  try {
    // ip-location-db files hold { country_code }, MaxMind's { country: { iso_code } }.
    [record, prefixLength] = reader.getWithPrefixLength(plain) as [CountryRecord | null, number];
  } catch {
    return [VISIT_VALUES.unknown, 128]; // not an IP address
  }
  const code = record?.country_code ?? record?.country?.iso_code;
  return [
    typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : VISIT_VALUES.unknown,
    prefixLength,
  ];
}

/**
 * The reader decodes a record on every look-up; a country database has a few hundred distinct
 * records, so keeping them decoded (by offset, read only) saves most of a miss. Bounded anyway.
 */
function decodedRecords(max = 5_000) {
  const records = new Map<string | number, unknown>();
  return {
    get: (offset: string | number) => records.get(offset),
    set: (offset: string | number, value: unknown) => {
      if (records.size >= max) records.clear();
      records.set(offset, value);
    },
  };
}

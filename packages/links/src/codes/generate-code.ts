import { customAlphabet } from 'nanoid';

/**
 * Letters and digits without look-alikes (no 0/O/o, 1/l/I/i, 2/Z, 5/S, u/v…), so a code read
 * aloud or off paper survives. nanoid-dictionary's "nolookalikes" minus "i".
 */
export const CODE_ALPHABET = '346789ABCDEFGHJKLMNPQRTUVWXYabcdefghjkmnpqrtwxyz';

/** Codes must be too many to enumerate: at least 10^12 possible values. */
export const MIN_KEYSPACE = 1e12;

/** The shortest length whose keyspace reaches MIN_KEYSPACE (8 for 48 symbols: 2.8·10^13). */
export const CODE_LENGTH = Math.ceil(Math.log(MIN_KEYSPACE) / Math.log(CODE_ALPHABET.length));

export const generateCode: () => string = customAlphabet(CODE_ALPHABET, CODE_LENGTH);

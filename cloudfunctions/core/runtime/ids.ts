import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';

/** Random characters from `alphabet`, without modulo bias. */
export function randomString(length: number, alphabet = ALPHABET): string {
  const out: string[] = [];
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out.push(alphabet[byte % alphabet.length]!);
    }
  }
  return out.join('');
}

/** An id that sorts by creation time, for records read newest first (audit entries). */
export function timeOrderedId(prefix: string, at = new Date()): string {
  return `${prefix}_${at.getTime().toString(36).padStart(9, '0')}${randomString(6)}`;
}

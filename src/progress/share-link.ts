// A cell's code as a link: #/lessons/<lesson id>?cell=<cell id>&code=<base64url
// of the UTF-8 bytes>. The code rides in the hash, so it never reaches a server;
// opening the link opens the lesson (the router ignores the query) and the UI
// puts the code in the cell.
import { progressMessages } from './messages';

/** Bytes of UTF-8 code a link may carry (about 8,200 characters of link). */
export const SHARE_MAX_BYTES = 6 * 1024;

export type ShareLinkResult =
  | { ok: true; href: string }
  | { ok: false; message: string; bytes: number; limit: number };

export type SharedCode =
  | { ok: true; lessonId: string; cellId: string; code: string }
  | { ok: false; lessonId: string; message: string };

/** baseHref is the page's address (any hash in it is replaced), e.g. location.href. */
export function shareLink(baseHref: string, lessonId: string, cellId: string, code: string): ShareLinkResult {
  const bytes = new TextEncoder().encode(code);
  if (bytes.length > SHARE_MAX_BYTES) {
    return { ok: false, message: progressMessages.share.tooLarge(bytes.length, SHARE_MAX_BYTES), bytes: bytes.length, limit: SHARE_MAX_BYTES };
  }
  const base = baseHref.split('#')[0];
  const query = `cell=${encodeURIComponent(cellId)}&code=${base64url(bytes)}`;
  return { ok: true, href: `${base}#/lessons/${encodeURIComponent(lessonId)}?${query}` };
}

/** The shared code in a hash; null when the hash is not a share link (e.g. a plain lesson route). */
export function readShareLink(hash: string): SharedCode | null {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  if (q < 0) return null;
  const match = /^\/lessons\/([^/?]+)\/?$/.exec(text.slice(0, q));
  const params = new URLSearchParams(text.slice(q + 1));
  const encoded = params.get('code');
  if (!match || encoded === null) return null;
  let lessonId: string;
  try {
    lessonId = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const cellId = params.get('cell');
  if (!cellId) return { ok: false, lessonId, message: progressMessages.share.noCell };
  const bytes = fromBase64url(encoded);
  if (bytes === null) return { ok: false, lessonId, message: progressMessages.share.damaged };
  if (bytes.length > SHARE_MAX_BYTES) {
    return { ok: false, lessonId, message: progressMessages.share.tooLarge(bytes.length, SHARE_MAX_BYTES) };
  }
  try {
    const code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, lessonId, cellId, code };
  } catch {
    return { ok: false, lessonId, message: progressMessages.share.damaged };
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5, without padding. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** null when `text` is not unpadded base64url (padding '=' is tolerated). */
export function fromBase64url(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of clean) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

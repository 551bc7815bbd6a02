import { describe, expect, it } from 'vitest';
import { parseRoute } from '../ui/app/route';
import { base64url, fromBase64url, readShareLink, SHARE_MAX_BYTES, shareLink } from './share-link';

const hashOf = (href: string): string => href.slice(href.indexOf('#'));

describe('share links', () => {
  it('round-trips code with Korean text and emoji', () => {
    const code = "SELECT city, COUNT(*) AS 운행수 -- 서울의 택시 🚕🚗\nFROM trips WHERE note = '👩🏽‍💻';";
    const link = shareLink('https://example.org/course/index.html', 'first-look', 'top-cities', code);
    if (!link.ok) throw new Error(link.message);
    expect(link.href).toMatch(/^https:\/\/example\.org\/course\/index\.html#\/lessons\/first-look\?cell=top-cities&code=[A-Za-z0-9_-]+$/);
    expect(readShareLink(hashOf(link.href))).toEqual({ ok: true, lessonId: 'first-look', cellId: 'top-cities', code });
  });

  it('opens the lesson through the existing router', () => {
    const link = shareLink('http://localhost:5173/', 'first-look', 'q', 'SELECT 1;');
    if (!link.ok) throw new Error(link.message);
    expect(parseRoute(hashOf(link.href))).toEqual({ page: 'lesson', id: 'first-look' });
  });

  it('replaces a hash already in the base address and escapes ids', () => {
    const link = shareLink('http://x/#/lessons/old', 'a b', 'c&d', '');
    if (!link.ok) throw new Error(link.message);
    expect(link.href).toBe('http://x/#/lessons/a%20b?cell=c%26d&code=');
    expect(readShareLink(hashOf(link.href))).toEqual({ ok: true, lessonId: 'a b', cellId: 'c&d', code: '' });
  });

  it('refuses code larger than a link can carry, saying how large it is', () => {
    const code = '가'.repeat(3000); // 9,000 bytes of UTF-8
    const link = shareLink('http://x/', 'l', 'c', code);
    expect(link).toMatchObject({ ok: false, bytes: 9000, limit: SHARE_MAX_BYTES });
    if (link.ok) return;
    expect(link.message).toBe(
      "This cell's code is too long to share as a link (8.8 KB; a link can carry up to 6.0 KB). Export your progress to share it instead.",
    );
  });

  it('accepts code right at the limit', () => {
    expect(shareLink('http://x/', 'l', 'c', 'x'.repeat(SHARE_MAX_BYTES)).ok).toBe(true);
  });

  it('is not a share link without code: a plain lesson route or the home page', () => {
    expect(readShareLink('#/lessons/first-look')).toBeNull();
    expect(readShareLink('#/lessons/first-look?cell=q')).toBeNull();
    expect(readShareLink('#/')).toBeNull();
    expect(readShareLink('')).toBeNull();
  });

  it('says what is wrong with a damaged link', () => {
    expect(readShareLink('#/lessons/l?cell=q&code=a$b')).toMatchObject({ ok: false, lessonId: 'l', message: expect.stringContaining('damaged') });
    expect(readShareLink('#/lessons/l?code=YQ')).toMatchObject({ ok: false, message: expect.stringContaining('which cell') });
    // 0xFF is never valid UTF-8.
    expect(readShareLink(`#/lessons/l?cell=q&code=${base64url(new Uint8Array([0xff]))}`)).toMatchObject({ ok: false });
    expect(readShareLink(`#/lessons/l?cell=q&code=${'A'.repeat(9000)}`)).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
  });

  it('encodes base64url as RFC 4648 does, without padding', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(base64url(bytes(''))).toBe('');
    expect(base64url(bytes('f'))).toBe('Zg');
    expect(base64url(bytes('fo'))).toBe('Zm8');
    expect(base64url(bytes('foo'))).toBe('Zm9v');
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64url('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(fromBase64url('Zm9vYg==')).toEqual(bytes('foob'));
    expect(fromBase64url('Z')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { kindOfValues, parseIsoTime, toNumber } from './values';

describe('parseIsoTime', () => {
  it.each([
    ['2026-03-02', '2026-03-02T00:00:00.000Z'],
    ['2026-03-02T23:41:07Z', '2026-03-02T23:41:07.000Z'],
    ['2026-03-02 23:41:07', '2026-03-02T23:41:07.000Z'],
    ['2026-03-02T23:41', '2026-03-02T23:41:00.000Z'],
    ['2026-03-02T23:41:07.250Z', '2026-03-02T23:41:07.250Z'],
    ['2026-03-03T08:41:07+09:00', '2026-03-02T23:41:07.000Z'],
    ['2026-03-02T18:41:07-0500', '2026-03-02T23:41:07.000Z'],
  ])('reads %s as UTC', (text, iso) => {
    expect(new Date(parseIsoTime(text)!).toISOString()).toBe(iso);
  });

  it.each(['2026-13-01', '03/02/2026', 'yesterday', '2026', '20260302'])('rejects %s', (text) => {
    expect(parseIsoTime(text)).toBeUndefined();
  });
});

describe('kindOfValues', () => {
  it('calls a column time when every non-null value is ISO text', () => {
    expect(kindOfValues(['2026-03-02', null, '2026-03-02T10:00:00Z'])).toBe('time');
  });

  it('calls a column number for numbers, bigints and numeric text', () => {
    expect(kindOfValues([1, 2.5, 3n, '4.5', null])).toBe('number');
  });

  it('calls anything mixed a category', () => {
    expect(kindOfValues(['2026-03-02', 'soon'])).toBe('category');
    expect(kindOfValues([1, 'two'])).toBe('category');
    expect(kindOfValues([null])).toBe('category');
  });
});

describe('toNumber', () => {
  it('keeps numbers and reads numeric text, but not words, blobs or NULL', () => {
    expect([5, 2n, ' 7.5 ', 'seven', '', null, new Uint8Array(1)].map(toNumber)).toEqual([5, 2, 7.5, undefined, undefined, undefined, undefined]);
  });
});

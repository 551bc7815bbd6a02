import { describe, expect, it } from 'vitest';
import { cacheKey, courseCacheName, pathInScope } from './cache-keys';

describe('cache names and keys', () => {
  it('gives two copies of the site on one host different caches', () => {
    expect(courseCacheName('https://h.example/a/')).not.toBe(courseCacheName('https://h.example/b/'));
  });

  it('keys a file by URL and revision, so a changed file is fetched again', () => {
    const scope = 'https://h.example/course/';
    const one = cacheKey(scope, { url: 'datasets/trips.csv', revision: 'r1' });
    expect(one).toBe('https://h.example/course/datasets/trips.csv?__rev=r1');
    expect(cacheKey(scope, { url: 'datasets/trips.csv', revision: 'r2' })).not.toBe(one);
  });

  it('finds the site-relative path of a URL inside the scope, and nothing outside it', () => {
    const scope = 'https://h.example/course/';
    expect(pathInScope(scope, 'https://h.example/course/assets/x-1.js?v=2')).toBe('assets/x-1.js');
    expect(pathInScope(scope, 'https://h.example/other/assets/x-1.js')).toBeNull();
    expect(pathInScope(scope, 'https://elsewhere.example/course/assets/x-1.js')).toBeNull();
  });
});

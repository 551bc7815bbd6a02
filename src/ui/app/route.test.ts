import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute } from './route';

describe('routes', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/lessons/first-look', { page: 'lesson', id: 'first-look' }],
    ['#/lessons/first-look/', { page: 'lesson', id: 'first-look' }],
    ['#/somewhere/else', { page: 'home' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips a lesson id through its link', () => {
    expect(parseRoute(lessonHref('bad rides'))).toEqual({ page: 'lesson', id: 'bad rides' });
  });
});

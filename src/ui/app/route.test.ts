import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute, PROGRESS_HREF } from './route';

describe('routes', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/lessons/first-look', { page: 'lesson', id: 'first-look' }],
    ['#/lessons/first-look/', { page: 'lesson', id: 'first-look' }],
    ['#/lessons/first-look?cell=q&code=U0VMRUNUIDE7', { page: 'lesson', id: 'first-look' }],
    ['#/lessons/first-look/?cell=q', { page: 'lesson', id: 'first-look' }],
    ['#/lessons/%E0%A4%A', { page: 'home' }],
    ['#/progress', { page: 'progress' }],
    ['#/progress/', { page: 'progress' }],
    ['#/somewhere/else', { page: 'home' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips a lesson id through its link', () => {
    expect(parseRoute(lessonHref('bad rides'))).toEqual({ page: 'lesson', id: 'bad rides' });
  });

  it('links to the progress page', () => {
    expect(parseRoute(PROGRESS_HREF)).toEqual({ page: 'progress' });
  });
});

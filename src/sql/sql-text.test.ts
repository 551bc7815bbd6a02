import { describe, expect, it } from 'vitest';
import { hasMoreSql } from './sql-text';

describe('hasMoreSql', () => {
  it.each([
    ['', false],
    ['   \n\t', false],
    [';;  ;', false],
    [' -- a comment', false],
    [' -- a comment\n', false],
    ['/* block */ ; -- line\n', false],
    ['/* never closed', false],
    ['select 1', true],
    ['; select 1', true],
    ['-- c\nselect 1', true],
    ['/* c */ select 1', true],
    ['- 1', true],
    ['/ 2', true],
  ])('%j has more SQL: %s', (rest, expected) => {
    expect(hasMoreSql(rest)).toBe(expected);
  });
});

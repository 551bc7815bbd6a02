import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest';
import { cellIdProblem, toKebabCase } from './ids';

describe('closest', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('stgae', 'stage')).toBe(1);
    expect(closest('stgae', ['id', 'stage', 'summary'])).toBe('stage');
  });

  it('matches a prefix and ignores case', () => {
    expect(closest('ingest', ['ingestion', 'storage'])).toBe('ingestion');
    expect(closest('Title', ['title'])).toBe('title');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closest('author', ['id', 'title', 'stage'])).toBeUndefined();
  });
});

describe('ids', () => {
  it('turns text into a kebab-case id', () => {
    expect(toKebabCase('TopCities')).toBe('top-cities');
    expect(toKebabCase('top cities!')).toBe('top-cities');
    expect(toKebabCase('2nd query')).toBe('cell-2nd-query');
  });

  it('accepts kebab-case ids and rejects others and md-N', () => {
    expect(cellIdProblem('busiest-city-2')).toBeUndefined();
    expect(cellIdProblem('busiest--city')).toContain('not kebab-case');
    expect(cellIdProblem('md-7')).toContain('reserved');
  });
});

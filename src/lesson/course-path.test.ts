import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog';
import { findLesson, neighbours } from './course-path';

const entry = (id: string, order: number): CatalogEntry =>
  ({ ok: false, id, title: id, stage: 'foundations', order, file: `lessons/${order}-${id}.md`, errors: [] }) as CatalogEntry;
const CATALOG = [entry('playground', 0), entry('first-look', 1), entry('batch', 2), entry('serving', 11)];

describe('the course path', () => {
  it('finds a lesson by id or by its number', () => {
    expect(findLesson(CATALOG, 'batch')?.id).toBe('batch');
    expect(findLesson(CATALOG, '01')?.id).toBe('first-look');
    expect(findLesson(CATALOG, '11')?.id).toBe('serving');
    expect(findLesson(CATALOG, '00')).toBeUndefined();
    expect(findLesson(CATALOG, '10')).toBeUndefined();
  });

  it('gives the lessons before and after, skipping the playground and numbers nobody wrote', () => {
    expect(neighbours(CATALOG, 'first-look')).toEqual({ previous: undefined, next: CATALOG[2] });
    expect(neighbours(CATALOG, 'batch')).toEqual({ previous: CATALOG[1], next: CATALOG[3] });
    expect(neighbours(CATALOG, 'serving').next).toBeUndefined();
    expect(neighbours(CATALOG, 'playground')).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { checkFileName, lessonOrderFromFile } from './file-name';

describe('lessonOrderFromFile', () => {
  it('reads the two-digit prefix of the file name', () => {
    expect(lessonOrderFromFile('lessons/07-late-events.md')).toBe(7);
    expect(lessonOrderFromFile('C:\\course\\lessons\\10-marts.md')).toBe(10);
  });

  it('is undefined without a two-digit prefix', () => {
    expect(lessonOrderFromFile('lessons/late-events.md')).toBeUndefined();
    expect(lessonOrderFromFile('lessons/7-late-events.md')).toBeUndefined();
    expect(lessonOrderFromFile('lessons/007-late-events.md')).toBeUndefined();
  });
});

describe('checkFileName', () => {
  it('accepts NN-kebab-name.md', () => {
    expect(checkFileName('lessons/01-first-look.md')).toEqual([]);
  });

  it('proposes a name with an order prefix', () => {
    expect(checkFileName('lessons/First Look.md')).toEqual([{ line: 1, message: expect.stringContaining('e.g. to 01-first-look.md') }]);
  });

  it('proposes a kebab-case name after the prefix', () => {
    expect(checkFileName('lessons/03-Late_Events.md')).toEqual([{ line: 1, message: expect.stringContaining('rename it to 03-late-events.md') }]);
  });
});

import { describe, expect, it } from 'vitest';
import { frontMatterLine } from './front-matter-lines';

const lesson = (datasets: string) => `---\nid: x\ntitle: T\n${datasets}\nobjectives:\n  - o\n---\n\nText.\n`;

describe('frontMatterLine', () => {
  it('finds an item of a flow list on the key line', () => {
    expect(frontMatterLine(lesson('datasets: [trips, tripz]'), 'datasets', 'tripz')).toBe(4);
  });

  it('finds an item of a block list on its own line', () => {
    expect(frontMatterLine(lesson('datasets:\n  - trips\n  - tripz'), 'datasets', 'tripz')).toBe(6);
  });

  it('falls back to the key line when the item is not there, and finds a key without an item', () => {
    expect(frontMatterLine(lesson('datasets:\n  - trips'), 'datasets', 'nope')).toBe(4);
    expect(frontMatterLine(lesson('datasets: [trips]'), 'title')).toBe(3);
  });

  it('counts lines the way the parser does, with a byte-order mark and Windows line endings', () => {
    expect(frontMatterLine(`\uFEFF${lesson('datasets:\n  - trips\n  - tripz')}`.replace(/\n/g, '\r\n'), 'datasets', 'tripz')).toBe(6);
  });

  it('gives undefined when there is no front matter, no such key, or YAML that does not parse', () => {
    expect(frontMatterLine('# Just text\n', 'datasets')).toBeUndefined();
    expect(frontMatterLine(lesson('minutes: 5'), 'datasets')).toBeUndefined();
    expect(frontMatterLine(lesson('datasets: [trips'), 'datasets')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { readMeta, splitFrontMatter } from './front-matter';

/** Reads YAML lines as if they sat between --- on line 1 and --- after them. */
function read(...yaml: string[]) {
  return readMeta(yaml.join('\n'), yaml.length + 2, 'trips');
}

const VALID = ['id: trips', 'title: Trips', 'stage: storage', 'summary: s', 'objectives: [a]'];

describe('splitFrontMatter', () => {
  it('finds the YAML between the first two --- lines', () => {
    expect(splitFrontMatter(['---', 'id: a', '---', 'body'])).toEqual({ ok: true, yaml: 'id: a', closeLine: 3, bodyStart: 3 });
  });

  it('reports a file that does not start with ---, and lets the body be read', () => {
    expect(splitFrontMatter(['# Title'])).toMatchObject({ ok: false, problem: { line: 1 }, bodyStart: 0 });
  });

  it('reports front matter that never closes, and gives up on the body', () => {
    expect(splitFrontMatter(['---', 'id: a'])).toMatchObject({ ok: false, problem: { line: 1 }, bodyStart: undefined });
  });

  it('reports front matter below line 1 at its own line', () => {
    expect(splitFrontMatter(['', '---', 'id: a', '---'])).toMatchObject({ ok: false, problem: { line: 2 } });
  });
});

describe('readMeta', () => {
  it('reads a complete front matter with defaults', () => {
    expect(read(...VALID)).toEqual({
      meta: { id: 'trips', title: 'Trips', stage: 'storage', summary: 's', datasets: [], objectives: ['a'] },
      problems: [],
    });
  });

  it('keeps minutes and datasets when given', () => {
    expect(read(...VALID, 'datasets: [trips, riders]', 'minutes: 12.5').meta).toMatchObject({ datasets: ['trips', 'riders'], minutes: 12.5 });
  });

  it('reports an unknown key at its line with the key it probably meant', () => {
    const { problems } = read('id: trips', 'title: Trips', 'stgae: storage', 'summary: s', 'objectives: [a]');
    expect(problems).toEqual([{ line: 4, message: expect.stringContaining("unknown front-matter key 'stgae' — did you mean 'stage'?") }]);
  });

  it('reports each missing required key at the opening line, with an id taken from the file name', () => {
    expect(read('title: Trips').problems).toEqual([
      { line: 1, message: "front matter has no 'id' — add id: trips" },
      { line: 1, message: expect.stringContaining("no 'stage'") },
      { line: 1, message: expect.stringContaining("no 'summary'") },
      { line: 1, message: expect.stringContaining("no 'objectives'") },
    ]);
  });

  it('reports wrong types at the value and list items at their own lines', () => {
    const { problems } = read('id: trips', 'title: true', 'stage: storage', 'summary: s', 'datasets: trips', 'objectives:', '  - fine', '  - 3', 'minutes: -1');
    expect(problems.map((p) => [p.line, p.message.split(' — ')[0]])).toEqual([
      [3, 'title must be text, not true/false (true)'],
      [6, 'datasets must be a list, not text'],
      [9, 'objectives item 2 must be text, not a number (3)'],
      [10, 'minutes must be a positive number, not -1'],
    ]);
  });

  it('reports an unknown stage with the list of stages', () => {
    const { problems } = read('id: trips', 'title: Trips', 'stage: serving', 'summary: s', 'objectives: [a]');
    expect(problems).toEqual([{ line: 4, message: expect.stringContaining('stage is one of foundations, ingestion, processing, storage, access') }]);
  });

  it('reports a duplicate key by name', () => {
    expect(read(...VALID, 'title: Again').problems).toEqual([{ line: 7, message: "front-matter key 'title' appears twice — keep one" }]);
  });
});

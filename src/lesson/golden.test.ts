// Golden files: each test/lesson-fixtures/input/*.md is parsed and compared with
// output/<name>.json. A missing expectation is written so it can be reviewed and
// committed; in CI a missing expectation fails, because nobody reviewed it.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse';

const fixtures = fileURLToPath(new URL('../../test/lesson-fixtures/', import.meta.url));
const inputDir = join(fixtures, 'input');
const outputDir = join(fixtures, 'output');
const inputs = readdirSync(inputDir).filter((name) => name.endsWith('.md')).sort();

describe('lesson fixtures', () => {
  it('has fixtures to check', () => {
    expect(inputs.length).toBeGreaterThan(0);
  });

  it.each(inputs)('%s parses as recorded', (name) => {
    const result = parseLesson(`lessons/${name}`, readFileSync(join(inputDir, name), 'utf8'));
    const actual = `${JSON.stringify(result, null, 2)}\n`;
    const expectedFile = join(outputDir, name.replace(/\.md$/, '.json'));

    if (!existsSync(expectedFile)) {
      mkdirSync(outputDir, { recursive: true });
      writeFileSync(expectedFile, actual);
      if (process.env['CI']) {
        expect.fail(`no expectation for ${name}; wrote ${expectedFile} — review it and commit it`);
      }
      console.warn(`wrote new expectation ${expectedFile} — review it before committing`);
      return;
    }
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});

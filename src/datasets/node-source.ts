// Reading dataset files in Node (tests, lesson checks, benchmarks). Kept apart
// from the rest of src/datasets so browser bundles never import node:fs.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ReadText } from './load';

/** The repository's datasets/ folder. */
export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url));

export function nodeSource(dir: string = DATASETS_DIR): ReadText {
  return (file) => readFile(join(dir, file), 'utf8');
}

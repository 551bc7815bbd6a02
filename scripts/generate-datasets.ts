// npm run datasets: writes the lesson set into datasets/ (every data file,
// answers/, manifest.json) and refreshes the generated tables in
// datasets/README.md. Same seed, same bytes.

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLessonSet } from '../src/datasets/generator/lesson-set';
import { LESSON_SET } from '../src/datasets/generator/options';
import { buildManifest, manifestText } from '../src/datasets/manifest';
import { refreshReadme } from '../src/datasets/readme-blocks';

const root = fileURLToPath(new URL('../datasets/', import.meta.url));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function main(): Promise<void> {
  const started = performance.now();
  const set = generateLessonSet(LESSON_SET);
  for (const f of set.files) {
    const path = join(root, f.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.text);
  }
  const manifest = buildManifest(set, sha256);
  await writeFile(join(root, 'manifest.json'), manifestText(manifest));

  const readmePath = join(root, 'README.md');
  const readme = await readFile(readmePath, 'utf8').catch(() => null);
  if (readme !== null) await writeFile(readmePath, refreshReadme(readme, manifest));

  for (const f of manifest.files) {
    console.log(`${f.file.padEnd(30)} ${String(f.rows).padStart(7)} rows ${(f.bytes / 1e6).toFixed(2).padStart(6)} MB`);
  }
  const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`total ${(total / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - started)} ms (seed ${LESSON_SET.seed})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

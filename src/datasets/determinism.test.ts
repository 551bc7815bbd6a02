// Same seed, same bytes: regenerate the lesson set in memory and compare every
// file's checksum with manifest.json, and the committed files with both.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLessonSet, type LessonSet } from './generator/lesson-set';
import { LESSON_SET } from './generator/options';
import { buildManifest, manifestText, type Manifest } from './manifest';
import { DATASETS_DIR } from './node-source';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const committed = JSON.parse(readFileSync(join(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;

let fresh: LessonSet;
beforeAll(() => {
  fresh = generateLessonSet(committed.generator.options);
});

describe('the lesson set is deterministic', () => {
  it('is made with the options the code calls the lesson set', () => {
    expect(committed.generator.options).toEqual(LESSON_SET);
  });

  it('regenerates every file with the checksum in manifest.json', () => {
    const manifest = buildManifest(fresh, sha256);
    expect(manifest.files.map((f) => [f.file, f.sha256])).toEqual(committed.files.map((f) => [f.file, f.sha256]));
  });

  it('regenerates manifest.json itself byte for byte (defect lists and experiment truth included)', () => {
    expect(manifestText(buildManifest(fresh, sha256))).toBe(readFileSync(join(DATASETS_DIR, 'manifest.json'), 'utf8'));
  });

  it('has committed files that match the manifest (nobody edited them by hand)', () => {
    for (const f of committed.files) {
      const bytes = readFileSync(join(DATASETS_DIR, f.file));
      expect({ file: f.file, bytes: bytes.length, sha256: sha256(bytes) }).toEqual({ file: f.file, bytes: f.bytes, sha256: f.sha256 });
    }
  });

  it('gives other bytes for another seed, and the same bytes twice for one seed', () => {
    const small = { ...LESSON_SET, riders: 300, drivers: 60, trips: 2000, days: 14 };
    const text = (seed: number): string => generateLessonSet({ ...small, seed }).files.map((f) => f.text).join('\u0000');
    const a = text(1);
    expect(text(1)).toBe(a);
    expect(text(2)).not.toBe(a);
  });
});

// manifest.json: what the lesson set holds (files with rows, bytes and a
// checksum) and every planted defect with its exact count, so a lesson can
// check that a learner found all of them.

import type { DefectEntry, ExperimentTruth, FileFormat, LessonSet } from './generator/lesson-set';
import type { GeneratorOptions } from './generator/options';

export interface ManifestFile {
  file: string;
  format: FileFormat;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generator: { version: number; command: string; options: GeneratorOptions };
  files: ManifestFile[];
  defects: Record<string, DefectEntry>;
  experiments: ExperimentTruth[];
}

/** Bumped when the generator's output changes on purpose. */
export const GENERATOR_VERSION = 1;

export type Sha256 = (bytes: Uint8Array) => string;

export function buildManifest(set: LessonSet, sha256: Sha256): Manifest {
  const encoder = new TextEncoder();
  return {
    generator: { version: GENERATOR_VERSION, command: 'npm run datasets', options: set.options },
    files: set.files.map((f) => {
      const bytes = encoder.encode(f.text);
      return { file: f.file, format: f.format, rows: f.rows, bytes: bytes.length, sha256: sha256(bytes) };
    }),
    defects: set.defects,
    experiments: set.experiments,
  };
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

// The hidden second data set every exercise is also checked on: the same
// sources, schema, date window and defect kinds as the lesson set, with other
// values (another seed), a quarter of the size (so a second check run costs
// about a quarter of the first), and the edge cases the lesson set happens
// not to contain. Pure and deterministic: the same bytes every time.
import { generateLessonSet, type LessonSet } from './lesson-set';
import { LESSON_SET, type DefectPlan, type GeneratorOptions } from './options';

/** At least a few of every defect kind, scaled with the data. */
function scaledDefects(plan: DefectPlan, factor: number): DefectPlan {
  const out = { ...plan };
  for (const key of Object.keys(out) as Array<keyof DefectPlan>) out[key] = Math.max(3, Math.round(plan[key] * factor));
  return out;
}

export const VARIANT_SET: GeneratorOptions = {
  ...LESSON_SET,
  seed: 7_130_917,
  riders: 520,
  drivers: 80,
  trips: 5_000,
  defects: scaledDefects(LESSON_SET.defects, 0.25),
  edgeCases: true,
};

let cached: LessonSet | undefined;

/** The variant's files (generated once per process or page, ~0.5 s). */
export function variantSet(): LessonSet {
  cached ??= generateLessonSet(VARIANT_SET);
  return cached;
}

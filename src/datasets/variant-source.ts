// Reading the hidden variant data set (generator/variant.ts) as if it were
// files: the same names as datasets/, generated on first read and kept.
import type { ReadText } from './load';
import { variantSet } from './generator/variant';

export function variantSource(): ReadText {
  return async (file) => {
    const found = variantSet().files.find((f) => f.file === file);
    if (found === undefined) throw new Error(`the variant data set has no file ${file}`);
    return found.text;
  };
}

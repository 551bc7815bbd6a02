// Injected failures (for teaching). Deterministic: the same spec fails the
// same tries of the same days on every run, on every machine.
import type { FailureRule } from './types';
import { hash32 } from '../datasets/generator/random';

/** A number in [0, 1) from a string: the generator's label hash, scaled. */
export function unitHash(text: string): number {
  return hash32(text) / 2 ** 32;
}

/**
 * The message of the rule that makes this try fail, or undefined. `attempt`
 * counts tries since the instance was last cleared, from 1.
 */
export function injectedFailure(rules: readonly FailureRule[], task: string, ds: string, attempt: number): string | undefined {
  for (const rule of rules) {
    if (rule.task !== task) continue;
    if (rule.dates !== undefined && !rule.dates.includes(ds)) continue;
    if (rule.untilTry !== undefined && attempt >= rule.untilTry) continue;
    if (rule.probability !== undefined && unitHash(`${rule.seed}|${task}|${ds}|${attempt}`) >= rule.probability) continue;
    return rule.message;
  }
  return undefined;
}

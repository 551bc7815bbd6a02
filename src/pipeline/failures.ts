// Injected failures (for teaching). Deterministic: the same spec fails the
// same tries of the same days on every run, on every machine.
import type { FailureRule } from './types';

/** A number in [0, 1) from a string, by FNV-1a then a murmur-style mix. */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
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

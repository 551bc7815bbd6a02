// The A/B experiments and their true effects. Conversion is per session: the
// share of a rider's app sessions (app_open) that contain a request_ride click.
// new_home_screen has a real effect; dark_mode_banner has none, so a lesson
// can show what "no difference" looks like.

import { DAY } from './time';

export interface Experiment {
  name: string;
  /** Window day on which assignment starts. */
  startDay: number;
  /** Added to the session conversion probability for the treatment group. */
  lift: number;
}

export const BASE_CONVERSION = 0.78;

export const EXPERIMENTS: readonly Experiment[] = [
  { name: 'new_home_screen', startDay: 21, lift: 0.05 },
  { name: 'dark_mode_banner', startDay: 28, lift: 0 },
];

export type Variants = Record<string, 'control' | 'treatment'>;

/** Session conversion probability for a rider's session at time t. */
export function conversionProbability(variants: Variants, windowStart: number, t: number): number {
  let p = BASE_CONVERSION;
  for (const e of EXPERIMENTS) {
    if (t >= windowStart + e.startDay * DAY && variants[e.name] === 'treatment') p += e.lift;
  }
  return p;
}

/** The experiment boundary a session must not cross (so each session is all-in or all-out). */
export function experimentStarts(windowStart: number): number[] {
  return EXPERIMENTS.map((e) => windowStart + e.startDay * DAY);
}

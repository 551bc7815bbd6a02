// Durations as lesson authors write them: "15 min", "30 s", "1 h", "90 seconds".

const UNITS: ReadonlyArray<[RegExp, number]> = [
  [/^(ms|millis|milliseconds?)$/, 1],
  [/^(s|sec|secs|seconds?)$/, 1000],
  [/^(m|min|mins|minutes?)$/, 60_000],
  [/^(h|hr|hrs|hours?)$/, 3_600_000],
  [/^(d|days?)$/, 86_400_000],
];

/** Milliseconds, or undefined when the text is not `<number> <unit>`. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  for (const [pattern, ms] of UNITS) if (pattern.test(unit)) return Math.round(amount * ms);
  return undefined;
}

/** "15 min", "30 s", "1 h 30 min" style text for a duration, the shortest exact form. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

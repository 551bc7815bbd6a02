// Identifiers. Database keys are sequential, as an auto-increment column
// would make them. Client-side ids (events, sessions, requests) look random,
// like the UUIDs real apps send, so their order says nothing about time.

export function sequentialId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

/** Digits needed for ids up to n, but never fewer than min (so the lesson set keeps its look). */
export function idWidth(n: number, min: number): number {
  return Math.max(min, String(n).length);
}

/**
 * A counter turned into 8 random-looking hex digits. Every step is a bijection
 * on 32 bits, so distinct counters can never collide.
 */
export function scrambledId(prefix: string, counter: number, salt: number): string {
  let x = (counter ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return prefix + x.toString(16).padStart(8, '0');
}

/** Hands out scrambled ids of one kind. */
export class IdSource {
  private counter = 0;
  constructor(
    private readonly prefix: string,
    private readonly salt: number,
  ) {}

  next(): string {
    if (this.counter >= 0x100000000) throw new Error(`ran out of ${this.prefix} ids`);
    return scrambledId(this.prefix, this.counter++, this.salt);
  }
}

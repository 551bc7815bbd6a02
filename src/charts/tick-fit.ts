// Tick labels that never collide. The SVG is made as text, with no font to
// measure, so widths are estimated from the characters; labels are kept inside
// the chart, and thinned (every k-th kept) or turned 45° when they do not fit.
import type { Tick } from './scales';

export const TICK_FONT_SIZE = 11;
/** Space kept between neighbouring labels. */
const GAP = 6;
/** Distance from the plot's edge to the edge of the SVG that a label may not cross. */
const EDGE = 2;
const SIN45 = Math.SQRT1_2;

// Em widths by kind of character, at or above those of DejaVu Sans (the widest of
// the usual fallback fonts), so the estimate errs on the wide side in any browser.
const NARROW = /[ !'(),\-./:;IJ[\\\]fijlrt|]/;
const WIDE = /[#%&+<=>@MW^mw~…—−₩]/;
const CAPITAL = /[A-Z]/;

function em(c: string): number {
  if (NARROW.test(c)) return 0.4;
  if (WIDE.test(c)) return 1;
  if (CAPITAL.test(c)) return 0.8;
  // Anything else outside ASCII (Hangul, CJK, accents) is taken as a full em.
  return c.charCodeAt(0) < 0x80 ? 0.65 : 1;
}

/** Estimated width of text in pixels. */
export function textWidth(text: string, fontSize = TICK_FONT_SIZE): number {
  let sum = 0;
  for (const c of text) sum += em(c);
  return sum * fontSize;
}

/** Text cut with an ellipsis to at most `max` pixels (at least one character and the ellipsis). */
export function cutToWidth(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  const chars = [...text];
  let n = chars.length - 1;
  while (n > 1 && textWidth(chars.slice(0, n).join('') + '…') > max) n--;
  return `${chars.slice(0, n).join('')}…`;
}

/** The space beyond the plot's left and right ends, up to the edges of the SVG. */
export interface Room {
  left: number;
  right: number;
}

export type Place = (ticks: readonly Tick[], k: number) => Tick[] | undefined;

/**
 * Level labels centred under their ticks, every k-th from the first. A line that
 * would run past the chart's edge is moved inwards (`dx`, `subDx`), each line on
 * its own, so a short clock time stays under its tick above a longer date.
 * Undefined when two neighbours, so placed, would come closer than GAP.
 */
export function placeLevel(width: number, room: Room): Place {
  const lo = -room.left + EDGE;
  const hi = width + room.right - EDGE;
  // Offset from the tick of a line centred on it, moved inwards to stay in [lo, hi].
  const inside = (pos: number, w: number): number => Math.max(lo, Math.min(hi - w, pos - w / 2)) + w / 2 - pos;
  return (ticks, k) => {
    const placed: Tick[] = [];
    let end = -Infinity;
    for (let i = 0; i < ticks.length; i += k) {
      const tick = ticks[i]!;
      const w = textWidth(tick.label);
      const dx = inside(tick.pos, w);
      let [left, right] = [tick.pos + dx - w / 2, tick.pos + dx + w / 2];
      const out: Tick = { ...tick };
      if (Math.abs(dx) >= 0.01) out.dx = dx;
      if (tick.sub !== undefined) {
        const sw = textWidth(tick.sub);
        const subDx = inside(tick.pos, sw);
        left = Math.min(left, tick.pos + subDx - sw / 2);
        right = Math.max(right, tick.pos + subDx + sw / 2);
        if (Math.abs(subDx) >= 0.01) out.subDx = subDx;
      }
      if (left < end + GAP) return undefined;
      end = right;
      placed.push(out);
    }
    return placed;
  };
}

/** Where a level label's first line starts below the axis, and the space one line takes. */
export const LEVEL_TOP = 8;
const LINE = 13;
/** Where a turned label's end sits below the axis. */
export const TURN_TOP = 10;

/** Space below the axis for level labels of this many lines, with room before the axis title. */
export function levelDepth(lines: number): number {
  return LEVEL_TOP + 7 + lines * LINE;
}

/** Space below the axis for labels turned 45° whose longest is `width` pixels. */
export function turnedDepth(width: number): number {
  return Math.ceil(TURN_TOP + (width + TICK_FONT_SIZE) * SIN45) + 2;
}

/** How far left of its tick a label turned 45° reaches. */
export function turnedReach(text: string): number {
  return (textWidth(text) + TICK_FONT_SIZE) * SIN45;
}

/**
 * Labels turned 45°, each ending under its tick. Parallel, they need only a
 * line's height across them, so they fit about four times as many ticks as
 * level ones; the first labels are cut when they would run past the left edge.
 */
export function placeTurned(room: Room): Place {
  return (ticks, k) => {
    const placed: Tick[] = [];
    let last = -Infinity;
    for (let i = 0; i < ticks.length; i += k) {
      const tick = ticks[i]!;
      if ((tick.pos - last) * SIN45 < TICK_FONT_SIZE + 2) return undefined;
      last = tick.pos;
      const label = cutToWidth(tick.label, (tick.pos + room.left - EDGE) / SIN45 - TICK_FONT_SIZE);
      placed.push(label === tick.label ? tick : { ...tick, label, full: tick.full ?? tick.label });
    }
    return placed;
  };
}

/** Every k-th tick, for the smallest k at which they can be placed. A single label always can. */
export function thin(ticks: readonly Tick[], place: Place): Tick[] {
  for (let k = 1; k < ticks.length; k++) {
    const placed = place(ticks, k);
    if (placed !== undefined) return placed;
  }
  return place(ticks, Math.max(1, ticks.length)) ?? [];
}

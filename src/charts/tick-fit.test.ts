import { describe, expect, it } from 'vitest';
import { fontWidth } from './test-svg';
import { cutToWidth, placeLevel, placeTurned, textWidth, thin } from './tick-fit';

describe('textWidth', () => {
  it('is never narrower than DejaVu Sans, character by character', () => {
    for (let code = 32; code < 127; code++) {
      const c = String.fromCharCode(code);
      expect(textWidth(c), JSON.stringify(c)).toBeGreaterThanOrEqual(fontWidth(c));
    }
    for (const c of ['…', '—', '–', '−', '서', '東']) expect(textWidth(c)).toBeGreaterThanOrEqual(fontWidth(c));
  });

  it('stays within about a quarter of it on real labels', () => {
    for (const label of ['Mar 22, 2024', '11:00', 'category-12', 'driver_behavior', '1,234,567', 'web-2024.03', 'Seoul Metropoli…']) {
      expect(textWidth(label) / fontWidth(label)).toBeLessThan(1.25);
    }
  });

  it('scales with the font size', () => {
    expect(textWidth('12:00', 22)).toBeCloseTo(2 * textWidth('12:00', 11));
  });
});

describe('cutToWidth', () => {
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(cutToWidth('Seoul', 100)).toBe('Seoul');
    const cut = cutToWidth('Seoul Metropolitan City', 60);
    expect(cut).toMatch(/^Seoul.*…$/);
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
  });
});

describe('thin', () => {
  const ticks = (n: number, step: number, label: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => ({ pos: i * step, label: label(i) }));

  it('keeps every tick when the labels fit side by side', () => {
    expect(thin(ticks(10, 40, (i) => String(i)), placeLevel(400, { left: 30, right: 10 }))).toHaveLength(10);
  });

  it('keeps every k-th tick, from the first, when they do not', () => {
    const kept = thin(ticks(24, 10, (i) => `${i}:00`), placeLevel(240, { left: 30, right: 10 }));
    expect(kept.length).toBeLessThan(24);
    const step = kept[1]!.pos - kept[0]!.pos;
    expect(kept[0]!.pos).toBe(0);
    kept.forEach((t, i) => expect(t.pos).toBe(i * step));
  });

  it('moves an edge label inwards, and the second line on its own', () => {
    const [first] = thin([{ pos: 0, label: '11:00', sub: 'Mar 22, 2024' }], placeLevel(400, { left: 20, right: 10 }))!;
    expect(first!.dx).toBeUndefined();
    expect(first!.subDx).toBeGreaterThan(0);
  });

  it('keeps one label when nothing else fits', () => {
    expect(thin(ticks(5, 1, () => 'a long label'), placeLevel(5, { left: 0, right: 0 }))).toHaveLength(1);
  });

  it('turned labels need only a line of space across them, and the first is cut at the edge', () => {
    const long = ticks(12, 20, (i) => `City number ${i} long name`.slice(0, 16));
    const turned = thin(long.map((t) => ({ ...t, pos: t.pos + 10 })), placeTurned({ left: 30, right: 10 }));
    expect(turned).toHaveLength(12);
    expect(turned[0]!.label).toMatch(/…$/);
    expect(turned[0]!.full).toBe(long[0]!.label);
    expect(turned[11]!.label).toBe(long[11]!.label);
  });
});

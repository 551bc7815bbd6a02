// Colours. Marks use CSS variables with a fallback, axes use currentColor, so the
// page's stylesheet themes an inline chart; toStandaloneSvg bakes them in for export.

/** Tableau 10: distinguishable with the common colour-vision deficiencies, on light and dark. */
export const SERIES_COLORS = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
] as const;

export interface ThemeColors {
  /** Text, axes and tick marks (what currentColor means in the export). */
  foreground: string;
  background: string;
}

export const THEME_COLORS: Record<'light' | 'dark', ThemeColors> = {
  light: { foreground: '#1f2328', background: '#ffffff' },
  dark: { foreground: '#e6edf3', background: '#0d1117' },
};

/** The colour of series i, as a CSS value: `var(--chart-series-3, #e15759)`. Colours repeat after ten. */
export function seriesColor(index: number): string {
  const i = index % SERIES_COLORS.length;
  return `var(--chart-series-${i}, ${SERIES_COLORS[i]})`;
}

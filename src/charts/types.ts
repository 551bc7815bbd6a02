// The public types of the chart layer. A chart is a pure function of a spec
// (what the author wrote in a `chart` cell) and a result set (rows from SQL).

export const CHART_TYPES = ['bar', 'grouped-bar', 'line', 'area', 'scatter', 'histogram'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export type Theme = 'light' | 'dark';

/** A parsed, checked chart spec. `series` in the source is stored as `color`. */
export interface ChartSpec {
  type: ChartType;
  /** SQL whose result is charted. Exactly one of query / from is set. */
  query?: string;
  /** Id of another cell whose result is charted. */
  from?: string;
  /** Column on the horizontal axis (for histogram: the column that is binned). */
  x: string;
  /** Numeric column on the vertical axis. Not used by histogram (it counts rows). */
  y?: string;
  /** Column that splits the rows into coloured series, with a legend. */
  color?: string;
  /** Histogram only: about how many bins (the edges are rounded to nice numbers). */
  bins?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

export interface RenderOptions {
  /** Used when the spec has no width. Default 640. */
  width?: number;
  /** Used when the spec has no height. Default 360. */
  height?: number;
  /** Written to the svg as data-theme; colours come from CSS (currentColor and variables). */
  theme?: Theme;
}

export interface ChartRender {
  /** An <svg> element as text. Inline in the page it takes its colours from CSS. */
  svg: string;
  /** What the chart does not show as-is: sampling, binning, skipped NULLs. Also drawn inside the svg. */
  note?: string;
  /** Data points charted: rows with usable x and y values, before any sampling or binning. */
  pointCount: number;
  /** Marks drawn (bars, points, bins; for line and area, the vertices of the paths). */
  markCount: number;
}

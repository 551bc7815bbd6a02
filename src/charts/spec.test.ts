import { describe, expect, it } from 'vitest';
import { parseChartSpec, validateSpecAgainst } from './spec';

function errorsOf(text: string): string[] {
  const parsed = parseChartSpec(text);
  if (parsed.ok) throw new Error('expected the spec to be rejected');
  return parsed.errors;
}

describe('parseChartSpec', () => {
  it('reads the YAML lesson authors write', () => {
    expect(parseChartSpec('type: bar\nfrom: top-cities\nx: city\ny: trips\ntitle: Trips by city')).toEqual({
      ok: true,
      spec: { type: 'bar', from: 'top-cities', x: 'city', y: 'trips', title: 'Trips by city' },
    });
  });

  it('reads JSON, since YAML is a superset of it', () => {
    const parsed = parseChartSpec('{"type": "scatter", "query": "SELECT distance_km, fare FROM trips", "x": "distance_km", "y": "fare"}');
    expect(parsed).toEqual({
      ok: true,
      spec: { type: 'scatter', query: 'SELECT distance_km, fare FROM trips', x: 'distance_km', y: 'fare' },
    });
  });

  it('stores series as color, since they mean the same', () => {
    const parsed = parseChartSpec('type: grouped-bar\nfrom: q\nx: city\ny: trips\nseries: status');
    expect(parsed.ok && parsed.spec.color).toBe('status');
  });

  it('names the valid chart types when the type is unknown', () => {
    expect(errorsOf('type: pie\nfrom: q\nx: a\ny: b')).toEqual([
      "unknown chart type 'pie' — use one of bar, grouped-bar, line, area, scatter, histogram",
    ]);
  });

  it('suggests the type that was probably meant', () => {
    expect(errorsOf('type: histogramm\nfrom: q\nx: a')[0]).toContain("did you mean 'histogram'?");
  });

  it('suggests the field that was probably meant', () => {
    expect(errorsOf('type: bar\nfrom: q\nx: a\ny: b\ncolour: c')[0]).toMatch(/^unknown field 'colour' — did you mean 'color'\?/);
    expect(errorsOf('type: bar\nfrom: q\nx: a\ny: b\nxlabel: c')[0]).toContain("did you mean 'xLabel'?");
  });

  it('reports every missing field at once, each saying what to add', () => {
    const errors = errorsOf('title: nothing yet');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^missing type — add a line such as 'type: bar'/);
    expect(errors[1]).toMatch(/^a chart needs data — add 'from: <cell id>'/);
    expect(errors[2]).toMatch(/^missing x — add 'x: <column>'/);
  });

  it('asks for y on every chart but a histogram, and refuses y on a histogram', () => {
    expect(errorsOf('type: line\nfrom: q\nx: day')).toEqual([
      "missing y — add 'y: <column>', the numeric column for the vertical axis",
    ]);
    expect(errorsOf('type: histogram\nfrom: q\nx: fare\ny: n')[0]).toMatch(/^a histogram counts rows, so it takes no y — remove y/);
    expect(parseChartSpec('type: histogram\nfrom: q\nx: fare\nbins: 30')).toEqual({
      ok: true,
      spec: { type: 'histogram', from: 'q', x: 'fare', bins: 30 },
    });
  });

  it('asks a grouped-bar for the column that makes the groups', () => {
    expect(errorsOf('type: grouped-bar\nfrom: q\nx: city\ny: trips')[0]).toMatch(/^a grouped-bar needs .* add 'series: <column>'/);
  });

  it('takes data from a query or another cell, not both', () => {
    expect(errorsOf('type: bar\nfrom: q\nquery: SELECT 1\nx: a\ny: b')[0]).toMatch(/^use either query or from, not both/);
  });

  it('checks the ranges of bins, width and height', () => {
    expect(errorsOf('type: histogram\nfrom: q\nx: a\nbins: 2.5')).toEqual(['bins must be a whole number from 1 to 500, e.g. bins: 20']);
    expect(errorsOf('type: bar\nfrom: q\nx: a\ny: b\nbins: 10')[0]).toMatch(/^bins is only used by histogram/);
    expect(errorsOf('type: bar\nfrom: q\nx: a\ny: b\nwidth: 20')).toEqual([
      'width must be a number of pixels from 200 to 2000, e.g. width: 640',
    ]);
  });

  it('gives the line of a YAML syntax error', () => {
    const errors = errorsOf('type: bar\nx: [city\ny: trips');
    expect(errors[0]).toMatch(/^line \d+: /);
  });

  it('explains the shape when the text is not key: value lines', () => {
    expect(errorsOf('- bar\n- city')).toEqual([
      "a chart spec is a list of 'key: value' lines (or a JSON object), e.g. type: bar, x: city, y: trips, from: top-cities",
    ]);
    expect(errorsOf('  \n')[0]).toMatch(/^the chart spec is empty/);
  });

  it('reads numbers as text where text is expected', () => {
    const parsed = parseChartSpec('type: bar\nfrom: q\nx: 2023\ny: trips\ntitle: 2024');
    expect(parsed.ok && parsed.spec).toMatchObject({ x: '2023', title: '2024' });
  });
});

describe('validateSpecAgainst', () => {
  const spec = { type: 'bar' as const, from: 'q', x: 'city', y: 'trip', color: 'status' };

  it('names each missing column with its role and lists the available ones', () => {
    expect(validateSpecAgainst(spec, ['city', 'trips', 'state'])).toEqual([
      "column 'trip' (y) is not in the result — did you mean 'trips'?; available columns: city, trips, state",
      "column 'status' (color) is not in the result — did you mean 'state'?; available columns: city, trips, state",
    ]);
  });

  it('points out a difference in case', () => {
    expect(validateSpecAgainst({ ...spec, y: 'Trips', color: undefined }, ['city', 'trips'])).toEqual([
      "column 'Trips' (y) is not in the result — did you mean 'trips'? (names are case-sensitive); available columns: city, trips",
    ]);
  });

  it('finds nothing wrong when every column is there', () => {
    expect(validateSpecAgainst(spec, ['city', 'trip', 'status'])).toEqual([]);
  });
});

// Does a spec fit a result? Column names first, then the kinds of values.
import type { ResultSet } from '../sql/types';
import { columnValues } from './points';
import { validateSpecAgainst } from './spec';
import type { ChartSpec } from './types';
import { kindOfValues, toNumber } from './values';

function numericColumns(result: ResultSet): string[] {
  return result.columns.filter((c) => {
    const values = columnValues(result, c).filter((v) => v !== null);
    return values.length > 0 && values.every((v) => toNumber(v) !== undefined);
  });
}

/** Every reason the spec cannot be drawn over this result; empty when it can. */
export function checkChart(spec: ChartSpec, result: ResultSet): string[] {
  const errors = validateSpecAgainst(spec, result.columns);
  if (errors.length > 0) return errors;
  if (spec.y !== undefined) {
    const values = columnValues(result, spec.y).filter((v) => v !== null);
    if (values.length > 0 && values.every((v) => toNumber(v) === undefined)) {
      const numeric = numericColumns(result);
      const hint = numeric.length > 0
        ? `numeric columns here: ${numeric.join(', ')}`
        : 'this result has none — compute one in SQL, e.g. COUNT(*) AS trips';
      errors.push(`column '${spec.y}' (y) holds text, not numbers — y needs a numeric column; ${hint}`);
    }
  }
  if (spec.type === 'histogram') {
    const values = columnValues(result, spec.x);
    if (values.some((v) => v !== null) && kindOfValues(values) === 'category') {
      errors.push(
        `column '${spec.x}' (x) holds text — a histogram bins numbers or ISO times; to count rows per ${spec.x}, ` +
        `GROUP BY ${spec.x} in SQL with COUNT(*) AS n and use type: bar`,
      );
    }
  }
  return errors;
}

/** Thrown by renderChart when a spec does not fit the result (a missing column, text where numbers are needed). */
export class ChartError extends Error {
  override name = 'ChartError';
  /** One message per problem, each saying how to fix it. */
  readonly errors: string[];
  constructor(errors: string[]) {
    super(errors.join('\n'));
    this.errors = errors;
  }
}

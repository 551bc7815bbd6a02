/**
 * An error of the ETL API (a bad load(), a failed sql() or extract()): shown
 * as "line N: message", without an error class name, at the line of the call.
 */
export class SandboxApiError extends Error {
  override name = 'SandboxApiError';
}

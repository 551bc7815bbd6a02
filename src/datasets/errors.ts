// Why a dataset did not load, as data: the page decides what to say (and
// developer #14's offline message keys on kind 'network'). Crosses the worker
// boundary as LoadFailure (see sql/protocol.ts ErrorData.load).

export type LoadFailureKind =
  /** fetch() itself failed: offline, the server is gone, or the request was blocked. */
  | 'network'
  /** The server answered with an error status. */
  | 'http'
  /** No dataset of that name, or a generated size out of range. */
  | 'unknown-dataset';

export interface LoadFailure {
  kind: LoadFailureKind;
  /** The file that failed, for network and http failures. */
  file?: string;
  /** The HTTP status, for http failures. */
  status?: number;
}

export class DatasetLoadError extends Error {
  override name = 'DatasetLoadError';
  constructor(message: string, readonly failure: LoadFailure) {
    super(message);
  }
}

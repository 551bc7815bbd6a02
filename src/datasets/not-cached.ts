// The typed failure for "this file is not saved for offline use and there is
// no network": the browser's dataset reader throws it, the runtime marks the
// dataset status with it, and the view says so plainly with a Retry.

export class DataNotCachedError extends Error {
  override name = 'DataNotCachedError';
  constructor(readonly file: string) {
    super(`${file} is not saved for offline use, and the network cannot be reached`);
  }
}

export function isDataNotCached(error: unknown): error is DataNotCachedError {
  return error instanceof Error && error.name === 'DataNotCachedError';
}

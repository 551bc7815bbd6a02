// The one message the page sends its service worker.

export interface SkipWaiting {
  type: 'SKIP_WAITING';
}

export function isSkipWaiting(data: unknown): data is SkipWaiting {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING';
}

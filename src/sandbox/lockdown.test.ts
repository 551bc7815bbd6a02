// lockDown() on a stand-in global scope shaped like a browser worker's: the
// global object, a WorkerGlobalScope-like prototype, then EventTarget. The
// string-code part changes the realm's intrinsics, so it is off here and is
// tested in a real thread (thread.test.ts).
import { describe, expect, it } from 'vitest';
import { lockDown } from './lockdown';

function workerLikeScope() {
  const calls: unknown[] = [];
  const workerGlobalScope = Object.create(EventTarget.prototype) as Record<string, unknown>;
  Object.assign(workerGlobalScope, {
    fetch: () => 'network',
    importScripts: () => 'network',
    setTimeout: (handler: unknown) => calls.push(handler),
    setInterval: (handler: unknown) => calls.push(handler),
  });
  Object.defineProperty(workerGlobalScope, 'navigator', {
    get: () => ({ userAgent: 'UA', language: 'ko', sendBeacon: () => true, storage: {}, locks: {} }),
    configurable: true,
  });
  const scope = Object.create(workerGlobalScope) as Record<string, unknown>;
  Object.assign(scope, { indexedDB: {}, caches: {}, Math, JSON, console, EventTarget });
  return { scope, workerGlobalScope, calls };
}

describe('lockDown', () => {
  it('removes every global that is not allowed, from the scope and its prototypes', () => {
    const { scope, workerGlobalScope } = workerLikeScope();
    const report = lockDown(scope, { intrinsics: false });
    expect(report.removed).toEqual(['caches', 'fetch', 'importScripts', 'indexedDB']);
    for (const name of report.removed) expect(scope[name]).toBeUndefined();
    expect(Object.getOwnPropertyNames(workerGlobalScope)).toEqual([]);
    expect(scope.Math).toBe(Math);
    expect(scope.console).toBe(console);
  });

  it('replaces navigator with plain facts, leaving no original behind a prototype', () => {
    const { scope } = workerLikeScope();
    lockDown(scope, { intrinsics: false });
    expect(scope.navigator).toEqual({ userAgent: 'UA', language: 'ko' });
    expect(Object.isFrozen(scope.navigator)).toBe(true);
    expect('navigator' in Object.getPrototypeOf(scope)).toBe(false);
  });

  it('keeps timers for functions and refuses strings of code, also through the prototype', () => {
    const { scope, calls } = workerLikeScope();
    lockDown(scope, { intrinsics: false });
    const setTimeout = scope.setTimeout as (handler: unknown) => void;
    const callback = () => undefined;
    setTimeout(callback);
    expect(calls).toEqual([callback]);
    expect(() => setTimeout('fetch("https://example.com")')).toThrow(TypeError);
    expect((Object.getPrototypeOf(scope) as Record<string, unknown>).setTimeout).toBeUndefined();
  });
});

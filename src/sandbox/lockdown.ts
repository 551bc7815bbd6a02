// What the learner's code may touch inside the sandbox worker. Called once,
// after the code is compiled and before it runs; nothing is kept aside.
//
// 1. Every global that is not on the allowlist below is deleted from the
//    global object and from its prototypes up to EventTarget.prototype:
//    fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport,
//    importScripts, indexedDB, caches, BroadcastChannel, Worker, SharedWorker,
//    FontFace/fonts, postMessage, close, location, Node's process/require, ...
//    An allowlist rather than a list of known dangers, so an API a browser
//    adds later is gone too. What cannot be deleted is overwritten with
//    undefined.
// 2. navigator becomes a plain object with harmless facts only (no
//    sendBeacon, storage, locks, serviceWorker).
// 3. Code from strings is refused: eval, Function, the constructors behind
//    async/generator functions, and setTimeout/setInterval with a string.
//    (The cell's own code was compiled before this ran; import() in it is
//    refused at compile time, see compile.ts.)
// The worker's own messaging was captured before this ran (worker.ts).

/** Globals the learner's code keeps: the language, and inert web utilities. */
export const ALLOWED_GLOBALS: ReadonlySet<string> = new Set([
  // ECMAScript
  'globalThis', 'Infinity', 'NaN', 'undefined', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math', 'JSON',
  'Reflect', 'Proxy', 'Promise', 'Date', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array',
  'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array',
  'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Intl', 'Iterator', 'Temporal', 'eval',
  // Web utilities with no way out of the worker
  'self', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
  'structuredClone', 'atob', 'btoa', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'crypto',
  'Crypto', 'SubtleCrypto', 'CryptoKey', 'performance', 'AbortController', 'AbortSignal', 'Event',
  'EventTarget', 'CustomEvent', 'ErrorEvent', 'DOMException', 'Blob', 'navigator', 'ReadableStream',
  'WritableStream', 'TransformStream', 'CompressionStream', 'DecompressionStream', 'TextEncoderStream',
  'TextDecoderStream', 'reportError',
]);

/** Names the lockdown report lists when they were present; tests assert on these. */
export const NETWORK_AND_STORAGE_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB',
  'caches', 'BroadcastChannel', 'Worker', 'SharedWorker', 'FontFace', 'fonts', 'postMessage', 'close',
] as const;

export interface LockdownReport {
  /** Global names removed (or set to undefined when they could not be deleted). */
  removed: string[];
}

type Scope = Record<PropertyKey, unknown>;

/** Allowed names whose value lockDown() replaces with a safer one. */
const REPLACED: ReadonlySet<string> = new Set(['navigator', 'setTimeout', 'setInterval']);

const STRING_CODE_REFUSED = 'Creating code from a string is not available in a js cell.';

export function lockDown(scope: object, options: { intrinsics?: boolean } = {}): LockdownReport {
  const target = scope as Scope;
  const removed = new Set<string>();
  const timers = {
    setTimeout: target.setTimeout,
    setInterval: target.setInterval,
  };
  const navigatorFacts = safeNavigator(target.navigator);

  for (const holder of ownersOf(scope)) {
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (name === 'constructor' || (ALLOWED_GLOBALS.has(name) && !REPLACED.has(name))) continue;
      // A replaced name goes from the prototypes too: shadowing alone would leave the
      // original one Object.getPrototypeOf() away (e.g. a setTimeout that evaluates strings).
      if (remove(holder as Scope, name) && !REPLACED.has(name)) removed.add(name);
    }
  }

  define(target, 'navigator', navigatorFacts);
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = timers[name];
    if (typeof original === 'function') define(target, name, functionsOnly(name, original as (...a: unknown[]) => unknown, scope));
  }
  if (options.intrinsics !== false) refuseCodeFromStrings(target);
  return { removed: [...removed].sort() };
}

/** The global object and its prototypes, up to (not including) EventTarget.prototype or Object.prototype. */
function ownersOf(scope: object): object[] {
  const stops = new Set<unknown>([Object.prototype, null]);
  const eventTarget = (scope as Scope).EventTarget;
  if (typeof eventTarget === 'function') stops.add((eventTarget as { prototype: unknown }).prototype);
  const owners: object[] = [];
  for (let o: object | null = scope; o !== null && !stops.has(o); o = Object.getPrototypeOf(o) as object | null) {
    owners.push(o);
  }
  return owners;
}

function remove(holder: Scope, name: string): boolean {
  try {
    if (delete holder[name] && !Object.prototype.hasOwnProperty.call(holder, name)) return true;
  } catch {
    // fall through to overwriting
  }
  try {
    Object.defineProperty(holder, name, { value: undefined, writable: false, configurable: REPLACED.has(name) });
    return true;
  } catch {
    try {
      holder[name] = undefined;
      return holder[name] === undefined;
    } catch {
      return false;
    }
  }
}

function define(target: Scope, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function safeNavigator(navigator: unknown): Readonly<Record<string, unknown>> {
  const n = (navigator ?? {}) as Record<string, unknown>;
  const facts: Record<string, unknown> = {};
  for (const key of ['userAgent', 'language', 'languages', 'hardwareConcurrency', 'platform']) {
    try {
      const value = n[key];
      if (value !== undefined && typeof value !== 'function') facts[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
    } catch {
      // a getter that throws: leave the fact out
    }
  }
  return Object.freeze(facts);
}

function functionsOnly(name: string, original: (...a: unknown[]) => unknown, scope: object) {
  return function (handler: unknown, ...rest: unknown[]): unknown {
    if (typeof handler !== 'function') {
      throw new TypeError(`${name}() needs a function; a string of code is not available in a js cell.`);
    }
    return original.call(scope, handler, ...rest);
  };
}

function refuseCodeFromStrings(target: Scope): void {
  const refuse = function (): never {
    throw new EvalError(STRING_CODE_REFUSED);
  };
  // `x instanceof Function` keeps working: the stand-in shares the prototype.
  const Refused = function Function(): never {
    throw new EvalError(STRING_CODE_REFUSED);
  } as unknown as { prototype: unknown };
  Refused.prototype = Function.prototype;
  const prototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}) as object,
    Object.getPrototypeOf(function* () {}) as object,
    Object.getPrototypeOf(async function* () {}) as object,
  ];
  for (const prototype of prototypes) {
    Object.defineProperty(prototype, 'constructor', {
      value: prototype === Function.prototype ? Refused : refuse,
      writable: false,
      configurable: false,
    });
  }
  define(target, 'Function', Refused);
  define(target, 'eval', refuse);
}

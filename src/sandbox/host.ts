// The page's side of a js cell: a fresh worker per run, its requests answered
// with the SqlEngine and the dataset reader, its outputs collected, and a way
// to stop it (stop(), an AbortSignal, or the time limit).
import { SandboxServices, type SandboxServicesOptions } from './services';
import { formatLearnerError } from './compile';
import {
  isWorkerMessage,
  OUTPUT_LIMIT,
  unreachable,
  type HostMessage,
  type LearnerError,
  type SandboxOutput,
  type SandboxRequest,
} from './protocol';

/**
 * The part of a Worker the host uses. A real module Worker fits (see
 * docs/js-cells.md for the URL); Node tests pass InProcessSandboxWorker or a
 * worker_threads adapter.
 */
export interface SandboxWorkerLike extends EventTarget {
  postMessage(message: HostMessage): void;
  terminate(): void;
}

export interface JsSandboxOptions extends SandboxServicesOptions {
  createWorker: () => SandboxWorkerLike;
  /** Default time limit of a run, in milliseconds. Default 10 000. */
  timeoutMs?: number;
}

export interface JsRunOptions {
  /** This run's time limit in milliseconds (a lesson's per-cell setting); overrides the sandbox's. */
  timeoutMs?: number;
  /** Each output as it arrives, for a live view; the result has them all too. */
  onOutput?: (output: SandboxOutput) => void;
  /** Aborting it stops the run, like stop(). */
  signal?: AbortSignal;
}

export type JsRunStatus = 'done' | 'error' | 'stopped';

export interface JsRunResult {
  status: JsRunStatus;
  /** In order. A run that failed or was stopped ends with one `error` output. */
  outputs: SandboxOutput[];
  /** The error that ended the run (status 'error'). */
  error?: LearnerError;
  /** Tables written by load() and by sql() (as the engine reports them), in first-write order. */
  tablesWritten: string[];
  /** Tables read by single-statement sql() calls, per SQLite's EXPLAIN. */
  tablesRead: string[];
  elapsedMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

interface ActiveRun {
  stop(message: string): void;
}

/**
 * Runs js cells, one at a time: run() while another run is under way stops
 * that one first (its result comes back as 'stopped').
 */
export class JsSandbox {
  private active: ActiveRun | null = null;

  constructor(private readonly options: JsSandboxOptions) {}

  get running(): boolean {
    return this.active !== null;
  }

  run(code: string, runOptions: JsRunOptions = {}): Promise<JsRunResult> {
    this.active?.stop('Stopped: the cell was run again.');
    const run = startRun(code, this.options, runOptions);
    this.active = run;
    return run.result.finally(() => {
      if (this.active === run) this.active = null;
    });
  }

  /**
   * Stops the run under way, if any: its worker is terminated at once (an
   * infinite loop included). A sql() call then running in the engine is
   * cancelled (the engine undoes it); a load() then running finishes its one
   * transaction, so no table is left half-written. Tables written before the
   * stop keep their rows. The run's promise resolves with status 'stopped'.
   */
  stop(): void {
    this.active?.stop('');
  }
}

/** One run without keeping a JsSandbox around. */
export function runJs(code: string, options: JsSandboxOptions & JsRunOptions): Promise<JsRunResult> {
  return new JsSandbox(options).run(code, options);
}

function startRun(code: string, options: JsSandboxOptions, runOptions: JsRunOptions): ActiveRun & { result: Promise<JsRunResult> } {
  const started = performance.now();
  const services = new SandboxServices(options);
  const outputs: SandboxOutput[] = [];
  const timeoutMs = runOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let finished = false;
  let resolveResult!: (result: JsRunResult) => void;
  const result = new Promise<JsRunResult>((resolve) => {
    resolveResult = resolve;
  });

  const push = (output: SandboxOutput): void => {
    outputs.push(output);
    try {
      runOptions.onOutput?.(output);
    } catch {
      // a failing listener must not break the run
    }
  };

  let worker: SandboxWorkerLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = async (status: JsRunStatus, error?: LearnerError, stopMessage?: string): Promise<void> => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    runOptions.signal?.removeEventListener('abort', onAbort);
    worker?.terminate();
    if (status === 'stopped' && services.sqlRunning) {
      await options.engine.cancel().catch(() => undefined);
    }
    // A load() under way is one transaction in the engine: wait for it to commit or roll back.
    await services.settled();
    if (error) push({ kind: 'error', message: formatLearnerError(error), ...position(error) });
    if (stopMessage) push({ kind: 'error', message: stopMessage, stopped: true });
    resolveResult({
      status,
      outputs,
      ...(error ? { error } : {}),
      tablesWritten: [...services.tablesWritten],
      tablesRead: [...services.tablesRead],
      elapsedMs: Math.round(performance.now() - started),
    });
  };

  const stop = (message: string): void => {
    const seconds = formatSeconds(performance.now() - started);
    void finish('stopped', undefined, message || `Stopped after ${seconds} s. Tables written before the stop are kept.`);
  };
  const onAbort = () => stop('');

  const reply = (request: SandboxRequest): void => {
    services.answer(request).then(
      (value) => {
        if (!finished) worker?.postMessage({ type: 'ok', id: request.id, request: request.type, value } as HostMessage);
      },
      (error: unknown) => {
        if (!finished) {
          worker?.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
  };

  const onMessage = (event: Event): void => {
    if (finished) return;
    const data: unknown = (event as MessageEvent).data;
    if (!isWorkerMessage(data)) return;
    switch (data.type) {
      case 'sql':
      case 'load':
      case 'columns':
      case 'extract':
        reply(data);
        return;
      case 'output':
        push(data.output);
        return;
      case 'done':
        noteDropped(data.droppedOutputs);
        void finish('done');
        return;
      case 'failed':
        noteDropped(data.droppedOutputs);
        void finish('error', data.error);
        return;
      default:
        unreachable(data);
    }
  };

  const noteDropped = (count: number): void => {
    if (count > 0) push({ kind: 'log', level: 'warn', text: `… ${count} more outputs were not shown (a cell shows at most ${OUTPUT_LIMIT}).` });
  };

  const onError = (event: Event): void => {
    const message = (event as ErrorEvent).message || 'the sandbox worker failed to start or crashed';
    void finish('error', { name: 'Error', message: `The JavaScript sandbox stopped unexpectedly: ${message}` });
  };

  if (runOptions.signal?.aborted) {
    void finish('stopped', undefined, 'Stopped before it started.');
    return { stop, result };
  }
  runOptions.signal?.addEventListener('abort', onAbort);

  try {
    worker = options.createWorker();
  } catch (error) {
    void finish('error', { name: 'Error', message: `The JavaScript sandbox could not start: ${error instanceof Error ? error.message : String(error)}` });
    return { stop, result };
  }
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  timer = setTimeout(() => {
    stop(`Stopped after ${formatSeconds(timeoutMs)} s: the time limit for this cell. Tables written before the stop are kept.`);
  }, timeoutMs);
  worker.postMessage({ type: 'start', code });
  return { stop, result };
}

function position(error: LearnerError): { line?: number; column?: number } {
  return {
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
  };
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 || Number.isInteger(s) ? String(Math.round(s)) : s.toFixed(1);
}

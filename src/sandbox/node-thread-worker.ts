// A real thread for the sandbox in Node: a worker_threads Worker running
// node-worker.ts (through tsx, see node-worker-boot.mjs), shaped like the
// browser's Worker for JsSandbox. terminate() really stops an infinite loop.
import { Worker } from 'node:worker_threads';
import type { SandboxWorkerLike } from './host';
import type { HostMessage } from './protocol';

const BOOT = new URL('./node-worker-boot.mjs', import.meta.url);
export const NODE_WORKER_ENTRY = new URL('./node-worker.ts', import.meta.url).href;

export class NodeThreadSandboxWorker extends EventTarget implements SandboxWorkerLike {
  private readonly thread: Worker;
  private terminated = false;
  /** Settles when the thread has exited. */
  readonly exited: Promise<number>;

  /** `entry`: the worker module's file URL; tests may pass a fixture that wraps node-worker.ts. */
  constructor(entry: string = NODE_WORKER_ENTRY) {
    super();
    this.thread = new Worker(BOOT, { workerData: { entry } });
    this.exited = new Promise((resolve) => this.thread.once('exit', resolve));
    this.thread.on('message', (data: unknown) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
    });
    this.thread.on('error', (error: Error) => {
      if (!this.terminated) this.dispatchEvent(Object.assign(new Event('error'), { message: error.message }));
    });
  }

  postMessage(message: HostMessage): void {
    if (!this.terminated) this.thread.postMessage(message);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    void this.thread.terminate();
  }
}

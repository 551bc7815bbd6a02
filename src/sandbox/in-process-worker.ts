// A stand-in for the sandbox worker in Node tests: the same runner, in this
// thread, with messages structured-cloned and delivered on later macrotasks
// like a real worker's. What it cannot do: stop code that never yields (an
// infinite loop would hang the test process; node-thread-worker.ts can), or
// lock the globals down (that would change the test process's own globals).
import type { SandboxWorkerLike } from './host';
import type { HostMessage, WorkerMessage } from './protocol';
import { createSandboxSide, type SandboxSide } from './runner';

export class InProcessSandboxWorker extends EventTarget implements SandboxWorkerLike {
  private terminated = false;
  private readonly side: SandboxSide;

  constructor() {
    super();
    this.side = createSandboxSide({ post: (message) => this.deliver(message) });
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  postMessage(message: HostMessage): void {
    if (this.terminated) return;
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.side.receive(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private deliver(message: WorkerMessage): void {
    if (this.terminated) return;
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
    }, 0);
  }
}

// The JavaScript sandbox worker's entry: wiring only. The logic is in runner.ts
// (the run), compile.ts (the learner's code) and lockdown.ts (what it may touch).
import { lockDown } from './lockdown';
import type { HostMessage, WorkerMessage } from './protocol';
import { createSandboxSide } from './runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Captured before lockDown() removes postMessage from the global scope.
const post = scope.postMessage.bind(scope);

const side = createSandboxSide({
  post: (message: WorkerMessage) => post(message),
  beforeRun: () => {
    lockDown(scope);
  },
});

scope.addEventListener('message', (event: MessageEvent<HostMessage>) => side.receive(event.data));
scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  side.uncaught(event.error ?? new Error(event.message));
});
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  side.uncaught(event.reason);
});

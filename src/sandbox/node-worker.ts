// The sandbox worker's entry for a Node worker_threads thread: wiring only,
// like worker.ts, with the thread's port and process events in place of the
// browser's worker scope.
import process from 'node:process';
import { parentPort } from 'node:worker_threads';
import { lockDown } from './lockdown';
import type { HostMessage, WorkerMessage } from './protocol';
import { createSandboxSide } from './runner';

const port = parentPort;
if (!port) throw new Error('node-worker.ts must run in a worker_threads thread.');

const side = createSandboxSide({
  post: (message: WorkerMessage) => port.postMessage(message),
  beforeRun: () => {
    lockDown(globalThis);
  },
});

port.on('message', (message: HostMessage) => side.receive(message));
process.on('uncaughtException', (error) => side.uncaught(error));
process.on('unhandledRejection', (reason) => side.uncaught(reason));

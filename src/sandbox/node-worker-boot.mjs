// Starts a sandbox worker entry written in TypeScript inside a Node
// worker_threads thread: registers tsx's loader, then imports the entry named
// in workerData. Used by node-thread-worker.ts (tests, Node-side lesson checks).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

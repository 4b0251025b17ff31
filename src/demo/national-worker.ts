import { parentPort } from 'node:worker_threads';
import { serveWorker } from './national.ts';

/** A worker thread of the national generator (see generateParallel in national.ts). */
if (parentPort) serveWorker(parentPort);

import { parentPort } from 'node:worker_threads';
import { processChunk, type ChunkTask } from './parallel.ts';

parentPort?.on('message', (task: ChunkTask) => {
  parentPort?.postMessage(processChunk(task));
});

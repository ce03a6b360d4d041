// Workers start as plain Node: register tsx first so the TypeScript worker can load.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

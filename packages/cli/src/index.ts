export { main } from './main.ts';
export { capturedIo, type Io } from './io.ts';

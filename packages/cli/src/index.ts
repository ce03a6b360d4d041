export { main, type Io } from './main.ts';

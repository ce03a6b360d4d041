export * from './discover.ts';
export * from './stages.ts';
export * from './entities-stage.ts';
export * from './build.ts';
export * from './parallel.ts';
export * from './reject-reasons.ts';
export * from './cache.ts';

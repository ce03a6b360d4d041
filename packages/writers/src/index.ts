export * from './csv.ts';
export * from './arrow.ts';
export * from './release.ts';
export * from './fs.ts';

export * from './tables.ts';
export * from './catalog.ts';
export * from './columns.ts';
export * from './ids.ts';
export * from './order.ts';
export * from './trim.ts';

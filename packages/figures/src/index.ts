export { extractFigures, readSurface, type FigureCandidate, type FigureKind } from './extract.ts';
export type { FigureAnchor } from './context.ts';
export { METRICS, type Metric } from './metrics.ts';
export { shiftDecimal } from './decimal.ts';
export { tableCurrency, tableFigures, type TableCell, type TableContext, type TableFigure } from './tables.ts';
export { figureColumns, type FigureColumns } from './columns.ts';
export * from './score.ts';

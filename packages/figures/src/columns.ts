import type { FigureRow } from '@callset/schema';
import type { FigureCandidate } from './extract.ts';

/** The `figures` columns a candidate fills; the pipeline adds the ids and owners. */
export type FigureColumns = Omit<FigureRow, 'figure_id' | 'document_id' | 'utterance_id' | 'table_id' | 'speaker_id'>;

export function figureColumns(figure: FigureCandidate): FigureColumns {
  return {
    surface: figure.surface,
    char_start: figure.charStart,
    char_end: figure.charEnd,
    value: figure.value,
    value_low: figure.valueLow,
    value_high: figure.valueHigh,
    unit: figure.unit,
    item: figure.item,
    per: figure.per,
    approximate: figure.approximate,
    bound: figure.bound,
    period: figure.period,
    metric: figure.metric,
    metric_label: figure.metricLabel,
    kind: figure.kind,
    spelled: figure.spelled,
  };
}

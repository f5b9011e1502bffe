// What a kept data set holds (issue 15, "Keep the data set"): the session's
// analysis (transactions, per-customer summary, calibration split, fitted
// models), the import result the Daten tab shows, and in a small record of
// its own the user's assumptions. Opening it again runs no import and no fit.
import type { Analysis } from './analysis.ts';
import type { DataForecastOptions, DataImportResult } from './session.ts';

/** Where the contribution rate came from (state/data.svelte.ts: MarginSource). */
export type KeptMarginSource = 'example' | 'entered' | 'column';

/** The record the Daten tab lists: what, how big, when, and the assumptions to reopen it with. */
export interface KeptDataSetInfo {
  id: string;
  /** The source file's name (the data set's name in the list). */
  fileName: string;
  /** When it was kept, ISO timestamp. */
  savedAt: string;
  /** About how many bytes the browser stores for it. */
  bytes: number;
  customers: number;
  /** Rows of the source file. */
  rows: number;
  source: 'transactions' | 'summary';
  /** The CDNOW sample (its credit line is shown). */
  isSample: boolean;
  assumptions: { forecast: DataForecastOptions; marginSource: KeptMarginSource };
}

export interface KeptPayload {
  analysis: Analysis;
  /** The import result without the forecast, which is computed again from the fits and the assumptions. */
  result: Omit<DataImportResult, 'forecast'>;
}

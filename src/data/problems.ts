// What can go wrong in an import, as codes (for the UI's translations and for
// tests) with an English message for the CLI and logs. A rejected row costs
// only that row; a file-level error replaces the whole result (STYLE.md: each
// type of failure gets a clear message for the person who caused it).

export type RejectCode =
  | 'tooFewFields'
  | 'missingId'
  | 'missingDate'
  | 'badDate'
  | 'missingRevenue'
  | 'badRevenue'
  | 'badCost'
  | 'badMargin'
  | 'badReturns'
  | 'badQuantity'
  | 'futureDate'
  | 'unbalancedQuote'
  // Summary files (summaryImport.ts):
  | 'badFrequency'
  | 'negativeValue'
  | 'recencyAfterT'
  | 'badMonetary';

export interface RejectedRow {
  /** 1-based line in the file, header included (the first data row is line 2 when there is a header). */
  line: number;
  code: RejectCode;
  message: string;
}

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'noColumns'
  | 'tooManyColumns'
  | 'missingColumns'
  | 'noValidRows'
  | 'noDataRows'
  | 'cancelled'
  | 'badOptions'
  | 'notEnoughData'
  | 'bgnbdFailed'
  | 'gammaGammaFailed'
  | 'noPositiveSpend'
  | 'workerFailed';

export interface ImportError {
  code: ImportErrorCode;
  message: string;
  /** Figures the translated message shows (e.g. {n} columns, at most {max}). */
  values?: Readonly<Record<string, number>>;
}

export function importError(code: ImportErrorCode, message: string, values?: Readonly<Record<string, number>>): ImportError {
  return values === undefined ? { code, message } : { code, message, values };
}

/** Quotes a cell for a message, shortened so a runaway field cannot flood the report. */
export function quoteCell(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(shown);
}

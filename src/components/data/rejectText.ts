// Translations of the importer's codes (src/data/problems.ts) for the Daten tab.
import type { ImportError, ImportErrorCode, RejectCode, RejectedRow } from '../../data/problems.ts';
import { fmt, t, type MessageKey } from '../../i18n/i18n.svelte.ts';

export const ERROR_TEXT: Readonly<Record<ImportErrorCode, MessageKey>> = {
  empty: 'data.error.empty',
  binary: 'data.error.binary',
  noColumns: 'data.error.noColumns',
  tooManyColumns: 'data.error.tooManyColumns',
  missingColumns: 'data.error.missingColumns',
  noValidRows: 'data.error.noValidRows',
  noDataRows: 'data.error.noDataRows',
  cancelled: 'data.error.cancelled',
  badOptions: 'data.error.badOptions',
  notEnoughData: 'data.error.notEnoughData',
  bgnbdFailed: 'data.error.bgnbdFailed',
  gammaGammaFailed: 'data.error.gammaGammaFailed',
  noPositiveSpend: 'data.error.noPositiveSpend',
  workerFailed: 'data.error.workerFailed',
};

/** The translated message of a file-level error, its figures in the locale's format. */
export function errorText(error: ImportError): string {
  const values = Object.fromEntries(Object.entries(error.values ?? {}).map(([name, value]) => [name, fmt.number(value, 0)]));
  return t(ERROR_TEXT[error.code], values);
}

/** The model a running fit is on (progress line). */
export const FIT_MODEL_TEXT: Readonly<Record<'bgnbd' | 'gammaGamma', MessageKey>> = {
  bgnbd: 'data.progress.model.bgnbd',
  gammaGamma: 'data.progress.model.gammaGamma',
};

export const REJECT_TEXT: Readonly<Record<RejectCode, MessageKey>> = {
  tooFewFields: 'data.reject.tooFewFields',
  missingId: 'data.reject.missingId',
  missingDate: 'data.reject.missingDate',
  badDate: 'data.reject.badDate',
  missingRevenue: 'data.reject.missingRevenue',
  badRevenue: 'data.reject.badRevenue',
  badCost: 'data.reject.badCost',
  badMargin: 'data.reject.badMargin',
  badReturns: 'data.reject.badReturns',
  badQuantity: 'data.reject.badQuantity',
  futureDate: 'data.reject.futureDate',
  unbalancedQuote: 'data.reject.unbalancedQuote',
  badFrequency: 'data.reject.badFrequency',
  negativeValue: 'data.reject.negativeValue',
  recencyAfterT: 'data.reject.recencyAfterT',
  badMonetary: 'data.reject.badMonetary',
};

/** The importer's detail without its "line N: " prefix (the line has its own column). */
export function rejectDetail(row: RejectedRow): string {
  const prefix = `line ${row.line}: `;
  return row.message.startsWith(prefix) ? row.message.slice(prefix.length) : row.message;
}

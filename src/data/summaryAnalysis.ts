// A per-customer summary file (summaryImport.ts) as the Daten tab's analysis:
// parsed and fitted like a transaction import, so the forecasts, the value
// views and keeping the data set work alike. Its transaction table is empty:
// a summary has no purchases to show over time, which the tab says instead
// of showing empty cohorts or timelines.
import { fitSummary, type Analysis, type FitProgress } from './analysis.ts';
import type { ColumnMapping } from './columns.ts';
import { decodeBytes } from './decode.ts';
import { detectDialect } from './dialect.ts';
import type { ImportProgress, ImportReport } from './import.ts';
import type { ImportError, RejectCode, RejectedRow } from './problems.ts';
import type { TimeUnit } from './summary.ts';
import { importSummaryText, summaryColumns } from './summaryImport.ts';
import type { TransactionTable } from './table.ts';

/** Enough of the file for the dialect shown with the import (the summary parser finds its own delimiter). */
const DIALECT_SAMPLE_CHARS = 64 * 1024;

export interface SummaryAnalysisOptions {
  unit: TimeUnit;
  onParse?: (progress: ImportProgress) => void;
  onFit?: (progress: FitProgress) => void;
}

export type SummaryAnalysisOutcome =
  | { ok: true; analysis: Analysis; hasFirstPurchase: boolean }
  | { ok: false; error: ImportError; rejected: RejectedRow[]; report: ImportReport | null };

const emptyTable = (): TransactionTable => ({
  rows: 0,
  customerIds: [],
  customer: new Uint32Array(0),
  day: new Int32Array(0),
  revenue: new Float64Array(0),
  cost: null,
  margin: null,
  returns: null,
  quantity: null,
  channel: null,
  channels: [],
  line: new Uint32Array(0),
});

export function analyzeSummaryBytes(bytes: Uint8Array, options: SummaryAnalysisOptions): SummaryAnalysisOutcome {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error, rejected: [], report: null };
  const parsed = importSummaryText(decoded.text, {
    unit: options.unit,
    ...(options.onParse !== undefined ? { onProgress: options.onParse } : {}),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error, rejected: parsed.rejected, report: null };
  const { summary, rejected, rows, hasFirstPurchase } = parsed;
  const rejectedByCode: Partial<Record<RejectCode, number>> = {};
  for (const row of rejected) rejectedByCode[row.code] = (rejectedByCode[row.code] ?? 0) + 1;
  let firstDay = Number.POSITIVE_INFINITY;
  if (hasFirstPurchase) for (let c = 0; c < summary.customers; c++) firstDay = Math.min(firstDay, summary.firstDay[c] as number);
  const report: ImportReport = {
    rows,
    kept: summary.customers,
    rejected: rejected.length,
    customers: summary.customers,
    rejectedByCode,
    negativeRows: 0,
    latestDay: summary.calibrationEnd,
    firstDay: hasFirstPurchase ? firstDay : Number.NaN,
    lastDay: summary.calibrationEnd,
  };
  const fitted = fitSummary(summary, options.onFit !== undefined ? { onFit: options.onFit } : {});
  if (!fitted.ok) return { ok: false, error: fitted.error, rejected, report };
  const detection = detectDialect(decoded.text.slice(0, DIALECT_SAMPLE_CHARS));
  const at = summaryColumns(detection.headers) ?? {};
  // The columns in the roles the tab names (the assumption lines name the cost column).
  const mapping: ColumnMapping = { customerId: at.customer_id ?? 0, date: at.first_purchase ?? -1, revenue: at.revenue ?? at.monetary_value ?? -1 };
  if (at.cost !== undefined) mapping.cost = at.cost;
  if (at.channel !== undefined) mapping.channel = at.channel;
  const analysis: Analysis = {
    imported: { ok: true, table: emptyTable(), rejected, report, dialect: detection.dialect, mapping, detection, encoding: decoded.encoding },
    summary,
    ...fitted.fits,
  };
  return { ok: true, analysis, hasFirstPurchase };
}

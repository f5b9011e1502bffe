// The "Daten" tab's session (issue 7): one imported data set with its fitted
// models, kept inside the data worker (worker/data.worker.ts, a thin shell;
// issue 14: imports and fits never share the simulator's worker). Per-customer
// arrays never leave it; the main thread receives reports, parameters, sampled
// curves and lists of at most a few hundred rows. A thin layer over src/data
// (analysis.ts does the whole pipeline); pure, so it runs in Node, and
// component tests use it in-process as the fake worker.
import { CSV_DIALECTS, csvText } from '../components/export/csv.ts';
import { analyzeImported, type Analysis, type FitProgress } from './analysis.ts';
import { atRiskCustomers, AT_RISK_DEFAULTS } from './atRisk.ts';
import type { BgNbdFit } from './bgnbd.ts';
import { CLV_DEFAULTS, CLV_DEFAULTS_DAYS, type ClvOptions } from './clv.ts';
import { channelTotals, cohortTable, type ChannelTotals } from './cohorts.ts';
import type { ColumnMapping } from './columns.ts';
import { formatDay } from './dates.ts';
import { dataDecisions, decisionBase, type DataDecisionBase, type DataDecisions, type DataDecisionSettings } from './decisions.ts';
import { decodeBytes, type TextEncoding } from './decode.ts';
import { columnsProblem, detectDialect, type Dialect, type DialectDetection } from './dialect.ts';
import { forecastCustomers, type CustomerForecasts } from './forecast.ts';
import type { GammaGammaFit } from './gammaGamma.ts';
import { spendIndependenceCheck, type SpendCheck } from './spendCheck.ts';
import type { HoldoutGroup } from './holdout.ts';
import { importBytes, type ImportProgress, type ImportReport } from './import.ts';
import type { KeptPayload } from './kept.ts';
import { analyzeSummaryBytes } from './summaryAnalysis.ts';
import { summaryColumns } from './summaryImport.ts';
import { realPortfolio, type RealPortfolio } from './portfolio.ts';
import type { ImportError, RejectedRow } from './problems.ts';
import { importedServiceScenario, segmentCustomersOfAnalysis } from './segments.ts';
import { computeSegments, type SegmentSettings, type SegmentsResult } from '../engine/scoring/segments.ts';
import type { ServiceScenario } from '../engine/scoring/serviceLevels.ts';
import { dataEndData, DAYS_PER_UNIT, proposeCalibrationEnd, type CalibrationData, type CustomerSummary, type TimeUnit } from './summary.ts';
import { costByCustomer, missingForecasts, perSummaryCustomer, realValuation } from './valuation.ts';
import type { BootstrapResult } from './bootstrap.ts';
import type { ForecastBand } from './forecastBand.ts';
import type { ForecastMatrix } from './customerView.ts';
import {
  bootstrapOf,
  compareModels,
  customerDetailOf,
  forecastBandOf,
  forecastMatricesOf,
  parameterIntervalsOf,
  trackingFor,
  type CustomerDetail,
  type HistoryEnd,
  type ModelComparison,
  type ParameterIntervals,
} from './modelViews.ts';
import type { Tracking } from './tracking.ts';

/** Rejected rows sent with a report; all of them are available as CSV. */
export const REJECTED_SHOWN = 100;
/** Longest forecast list sent to the main thread. */
export const FORECAST_ROWS = 100;

export type DataDetectOutcome =
  | { ok: true; detection: DialectDetection; encoding: TextEncoding; bytes: number; source: DataSource }
  | { ok: false; error: ImportError };

/**
 * Where the calibration end came from: chosen by the user; the app's
 * proposal (half the time span at a week boundary); all purchases (asked
 * for, or too little data to split); or all purchases because the models
 * could not be fitted on the proposed half; or built into a summary file.
 */
export type CalibrationSplit = 'chosen' | 'proposed' | 'all' | 'proposalFailed' | 'summary';

export interface DataImportOptions {
  /** The file; default the bytes of the last detectData call. */
  bytes?: Uint8Array;
  dialect?: Partial<Dialect>;
  mapping?: ColumnMapping;
  /** Last day of the calibration period, inclusive (days since 1970-01-01); default as `holdout` says. */
  calibrationEnd?: number;
  /**
   * Without a calibration end: 'propose' (default) splits the time span in
   * half at a week boundary (summary.ts: proposeCalibrationEnd); 'none' fits
   * on every purchase, with no holdout to check the forecast.
   */
  holdout?: 'propose' | 'none';
  unit: TimeUnit;
  /** A transaction file (default) or a per-customer summary (summaryImport.ts), as detectData found. */
  source?: DataSource;
  /** Forecast settings for the portfolio views sent back with the report. */
  forecast?: DataForecastOptions;
}

export interface DataForecastOptions {
  /** Forecast period in years. */
  horizonYears: number;
  annualDiscountRate: number;
  /** Share of revenue that is profit (1 = revenue CLV). */
  marginRate: number;
  /** Cost to serve per customer and year alive, in the data's currency (0 = none); subtracted from every CLV (clv.ts). */
  serviceCost: number;
}

export interface DataImportResult {
  report: ImportReport;
  rejected: RejectedRow[];
  dialect: Dialect;
  mapping: ColumnMapping;
  headers: string[];
  encoding: TextEncoding | null;
  unit: TimeUnit;
  calibrationEnd: number;
  /** How the calibration end came about. */
  split: CalibrationSplit;
  observationEnd: number;
  /** Length of the holdout period in the time unit (0 without holdout). */
  holdoutLength: number;
  calibrationCustomers: number;
  /** Distinct purchase days of all customers (same-day purchases merged). */
  purchaseDays: number;
  revenue: number;
  /** Total of the margin column (or revenue - cost); null without either. */
  margin: number | null;
  hasChannel: boolean;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** The Gamma-Gamma model's assumption, spend independent of frequency, checked on the calibration's repeat buyers. */
  spendCheck: SpendCheck;
  holdout: HoldoutGroup[] | null;
  /** A summary has no purchases to show over time (cohorts, timelines, holdout): the tab says so. */
  source: DataSource;
  forecast: DataForecast;
}

/** What the file holds: one row per purchase, or one row per customer (a summary). */
export type DataSource = 'transactions' | 'summary';

export type DataImportOutcome =
  | { ok: true; result: DataImportResult }
  | { ok: false; error: ImportError; rejected: RejectedRow[]; rejectedCount: number; report: ImportReport | null };

export interface ForecastRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  revenue: number;
  expectedPurchases: number;
  probabilityAlive: number;
  expectedSpend: number;
  clv: number;
}

export type PortfolioSummary = Omit<RealPortfolio, 'valueOrder'>;

export interface DataForecast {
  options: DataForecastOptions;
  /** Forecast period in the time unit. */
  period: number;
  totalClv: number;
  /** Expected discounted years alive of all calibration customers (aliveTime.ts): the cost to serve in totalClv is serviceCost times this; 0 without one. */
  totalYearsAlive: number;
  totalExpectedPurchases: number;
  meanProbabilityAlive: number;
  /** Best customers by forecast CLV. */
  top: ForecastRow[];
  /** Revenue: whole observation; contribution: margin column or revenue x margin rate; value: forecast CLV. */
  portfolio: PortfolioSummary;
  /** Years the data covers (first to last observed day), for figures per year. */
  observedYears: number;
}

export interface CohortView {
  months: string[];
  cohorts: { label: string; customers: number; revenue: number[]; active: number[] }[];
}

/** The moment the win-back list speaks of. */
export type AtRiskMoment = 'dataEnd' | 'calibrationEnd';

export interface AtRiskRow {
  id: string;
  revenue: number;
  probabilityAlive: number;
  frequency: number;
  lastPurchase: string;
  clv: number;
}

/** What a new calibration end changes in the import result (the rest stays: same file, same table). */
export type SplitUpdate = Pick<
  DataImportResult,
  'calibrationEnd' | 'split' | 'holdoutLength' | 'calibrationCustomers' | 'bgnbd' | 'gammaGamma' | 'spendCheck' | 'holdout' | 'forecast'
>;

/** A refit at another calibration end; a failed one leaves the loaded fit as it was. */
export type SplitOutcome = { ok: true; update: SplitUpdate } | { ok: false; error: ImportError };

/** Where a running import is: parsing the file (share of the text), or fitting a model (evaluations so far). */
export type DataProgress = ({ phase: 'parse' } & ImportProgress) | ({ phase: 'fit'; rows: number } & FitProgress);

/** Fit progress at most this often (ms), so a small file's thousands of fast iterations send no flood of messages. */
const FIT_PROGRESS_MS = 100;

/** The data worker's methods (the Daten tab). */
export interface DataApi {
  detectData(bytes: Uint8Array): Promise<DataDetectOutcome>;
  importData(options: DataImportOptions, onProgress?: (progress: DataProgress) => void): Promise<DataImportOutcome>;
  cancelImport(): Promise<void>;
  forecastData(options: DataForecastOptions): Promise<DataForecast | null>;
  rejectedRowsCsv(): Promise<string>;
  cohorts(): Promise<CohortView | null>;
  channels(): Promise<ChannelTotals[]>;
  /**
   * The win-back list, with P(alive), last purchase and CLV all as of one
   * moment: the end of the data (default; the calibration fit updated on every
   * purchase) or the end of the calibration period (what the fit saw).
   */
  atRisk(asOf?: AtRiskMoment): Promise<AtRiskRow[]>;
  /** Drop the worst k %, focus and the value histogram for the imported customers (data/decisions.ts); null before an import. */
  dataDecisions(settings: DataDecisionSettings): Promise<DataDecisions | null>;
  /** Scoring and segmentation (engine/scoring) of the imported customers (data/segments.ts); `scenario` gives stickiness and care response. Null before an import. */
  dataSegments(settings: SegmentSettings, scenario: ServiceScenario): Promise<SegmentsResult | null>;
  /** Refits the loaded table with another calibration end (days since 1970-01-01), without reading the file again (the tracking chart's handle). */
  moveCalibrationEnd(calibrationEnd: number): Promise<SplitOutcome>;
  /** Weekly repeat purchases, actual and expected by the BG/NBD fit (data/tracking.ts); null before an import. */
  tracking(): Promise<Tracking | null>;
  /** BG/NBD, MBG/NBD and Pareto/NBD on the same calibration data (data/modelViews.ts); null before an import. */
  compareModels(): Promise<ModelComparison | null>;
  /** One calibration customer's purchase distribution and P(alive) path; null for an unknown id. */
  customerDetail(id: string, end: HistoryEnd): Promise<CustomerDetail | null>;
  /** P(alive) and expected purchases in the forecast period by frequency and recency. */
  forecastMatrices(): Promise<ForecastMatrix | null>;
  /** Hessian intervals of the BG/NBD and Gamma-Gamma parameters. */
  parameterIntervals(): Promise<ParameterIntervals | null>;
  /** Bootstrap over customers of the BG/NBD fit, with progress (resamples done). */
  bootstrapIntervals(resamples: number, onProgress?: (done: number, total: number) => void): Promise<BootstrapResult | null>;
  /** 95 % band of the portfolio's expected purchases and CLV under the current forecast settings, from parameter uncertainty. */
  forecastBand(options: DataForecastOptions): Promise<ForecastBand | null>;
  /** The loaded data set as it is kept in the browser (data/kept.ts); null before an import. */
  keptPayload(): Promise<KeptPayload | null>;
  /** Loads a kept data set: no file, no fit; the forecast is computed with `forecast`. */
  openKept(payload: KeptPayload, forecast: DataForecastOptions): Promise<DataImportOutcome>;
}

interface Loaded {
  analysis: Analysis;
  clvBase: ClvOptions;
  forecasts: CustomerForecasts;
  options: DataForecastOptions;
}

export const FORECAST_DEFAULTS: DataForecastOptions = { horizonYears: 1, annualDiscountRate: CLV_DEFAULTS.annualDiscountRate, marginRate: 1, serviceCost: 0 };

/**
 * The contribution rate the Daten tab proposes when the file has no cost or
 * margin column (issue 15): an example, labelled as such, that the user is
 * asked to replace. Not 100 %: that made contribution equal revenue. The
 * session and the CLI keep FORECAST_DEFAULTS (revenue CLV) for their callers.
 */
export const EXAMPLE_MARGIN_RATE = 0.3;

const DAYS_PER_YEAR = 365.25;

function clvOptionsOf(base: ClvOptions, options: DataForecastOptions): ClvOptions {
  return {
    ...base,
    horizon: options.horizonYears * base.periodsPerYear,
    annualDiscountRate: options.annualDiscountRate,
    marginRate: options.marginRate,
    serviceCost: options.serviceCost,
  };
}

/** Settings the forecast can take; the Daten tab's fields send nothing else. */
export function validForecastOptions(options: DataForecastOptions): boolean {
  return Number.isFinite(options.horizonYears) && options.horizonYears >= 0 && options.annualDiscountRate > -1 && Number.isFinite(options.marginRate) && validServiceCost(options.serviceCost);
}

/** A cost to serve the forecast can take: a finite amount, not below 0. */
export function validServiceCost(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function forecastOf(loaded: Loaded): DataForecast {
  const { analysis, forecasts, options } = loaded;
  const { summary, calibration } = analysis;
  const m = calibration.frequency.length;
  // Portfolio over every customer of the file; those who first bought after the calibration end have no forecast (value 0).
  const value = new Float64Array(summary.customers);
  let totalClv = 0;
  let totalExpected = 0;
  let aliveSum = 0;
  for (let k = 0; k < m; k++) {
    const clv = forecasts.clv[k] as number;
    value[calibration.index[k] as number] = clv;
    totalClv += clv;
    totalExpected += forecasts.expectedPurchases[k] as number;
    aliveSum += forecasts.probabilityAlive[k] as number;
  }
  const contribution = summary.margin ?? summary.revenue.map((r) => r * options.marginRate);
  const { valueOrder, ...portfolio } = realPortfolio(summary.revenue, contribution, value);
  const top: ForecastRow[] = [];
  for (let rank = 0; rank < valueOrder.length && top.length < FORECAST_ROWS; rank++) {
    const c = valueOrder[rank] as number;
    if (summary.inCalibration[c] !== 1) continue;
    top.push(rowOf(loaded, c));
  }
  return {
    options,
    period: forecasts.period,
    totalClv,
    totalYearsAlive: forecasts.yearsAlive === null ? 0 : forecasts.yearsAlive.reduce((a, b) => a + b, 0),
    totalExpectedPurchases: totalExpected,
    meanProbabilityAlive: m > 0 ? aliveSum / m : 0,
    top,
    portfolio,
    observedYears: observedYearsOf(summary),
  };
}

function observedYearsOf(summary: CustomerSummary): number {
  // A summary without purchase dates: the longest customer age T is the span the data covers.
  if (!Number.isFinite(summary.observationEnd)) {
    const longest = summary.T.reduce((a, b) => Math.max(a, b), 0) * DAYS_PER_UNIT[summary.unit];
    return Math.max(1, longest) / DAYS_PER_YEAR;
  }
  const firstDay = summary.firstDay.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  return Math.max(1, summary.observationEnd - firstDay + 1) / DAYS_PER_YEAR;
}

/** The imported customers as the engine's valuation (data/valuation.ts), with their ranks; once per forecast. */
function decisionBaseOf(loaded: Loaded): DataDecisionBase {
  const { analysis, forecasts, options, clvBase } = loaded;
  const { summary, calibration } = analysis;
  const clv = perSummaryCustomer(forecasts.clv, calibration.index, summary.customers);
  const yearsAlive = forecasts.yearsAlive === null ? null : perSummaryCustomer(forecasts.yearsAlive, calibration.index, summary.customers);
  const cost = costByCustomer(analysis.imported.table, summary.customers, summary.observationEnd);
  const observedYears = observedYearsOf(summary);
  const valuation = realValuation(
    { revenue: summary.revenue, cost, clv, frequency: summary.frequency, T: summary.T, yearsAlive },
    {
      observedYears,
      marginRate: options.marginRate,
      annualDiscountRate: options.annualDiscountRate,
      horizonYears: options.horizonYears,
      serviceCost: options.serviceCost,
      periodsPerYear: clvBase.periodsPerYear,
      bgnbd: analysis.bgnbd,
    },
  );
  return decisionBase({
    valuation,
    observedRevenue: summary.revenue,
    observedYears,
    marginRate: options.marginRate,
    annualDiscountRate: options.annualDiscountRate,
    horizonYears: options.horizonYears,
    hasCost: cost !== null,
    serviceCost: options.serviceCost,
    missingForecasts: missingForecasts(clv),
  });
}

/** Position of summary customer `c` among the calibration customers (index is increasing). */
function calibrationPosition(analysis: Analysis, c: number): number {
  const index = analysis.calibration.index;
  let low = 0;
  let high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = index[mid] as number;
    if (at === c) return mid;
    if (at < c) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function rowOf(loaded: Loaded, c: number): ForecastRow {
  const { summary } = loaded.analysis;
  const k = calibrationPosition(loaded.analysis, c);
  const f = loaded.forecasts;
  return {
    id: summary.ids[c] ?? '',
    frequency: summary.frequency[c] as number,
    recency: summary.recency[c] as number,
    T: summary.T[c] as number,
    revenue: summary.revenue[c] as number,
    expectedPurchases: k < 0 ? 0 : (f.expectedPurchases[k] as number),
    probabilityAlive: k < 0 ? 0 : (f.probabilityAlive[k] as number),
    expectedSpend: k < 0 ? 0 : (f.expectedSpend[k] as number),
    clv: k < 0 ? 0 : (f.clv[k] as number),
  };
}

/** The calibration fit evaluated on every purchase, at the end of the data (summary.ts: dataEndData). */
function forecastsAtDataEnd(loaded: Loaded): { data: CalibrationData; atEnd: CustomerForecasts } {
  const { analysis, clvBase, options } = loaded;
  const data = dataEndData(analysis.summary, analysis.calibration);
  const clvOptions = clvOptionsOf(clvBase, options);
  return { data, atEnd: forecastCustomers(analysis.bgnbd, analysis.gammaGamma, data, clvOptions.horizon, clvOptions) };
}

function computeForecasts(analysis: Analysis, base: ClvOptions, options: DataForecastOptions): CustomerForecasts {
  const clvOptions = clvOptionsOf(base, options);
  return forecastCustomers(analysis.bgnbd, analysis.gammaGamma, analysis.calibration, clvOptions.horizon, clvOptions);
}

type AnalysisStep =
  | { ok: true; analysis: Analysis; split: CalibrationSplit; allRejected: RejectedRow[] }
  | { ok: false; outcome: DataImportOutcome; allRejected: RejectedRow[] };

/** Fit progress at most every FIT_PROGRESS_MS. */
function fitReporter(rows: number, onProgress: ((progress: DataProgress) => void) | undefined): ((progress: FitProgress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let reported = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const now = performance.now();
    if (now - reported < FIT_PROGRESS_MS) return;
    reported = now;
    onProgress({ phase: 'fit', rows, ...progress });
  };
}

/** A transaction file (or the table already imported from it): import, the calibration split (chosen, proposed or none) and the fits. */
async function analyzeTransactionStep(
  source: Uint8Array | Analysis['imported'],
  signal: AbortSignal,
  options: DataImportOptions,
  onProgress: ((progress: DataProgress) => void) | undefined,
): Promise<AnalysisStep> {
  const imported =
    ArrayBuffer.isView(source)
      ? await importBytes(source, {
          ...(options.dialect !== undefined ? { dialect: options.dialect } : {}),
          ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
          signal,
          ...(onProgress !== undefined ? { onProgress: (progress: ImportProgress) => onProgress({ phase: 'parse', ...progress }) } : {}),
        })
      : source;
  const allRejected = imported.rejected;
  const rejected = allRejected.slice(0, REJECTED_SHOWN);
  if (!imported.ok) return { ok: false, allRejected, outcome: { ok: false, error: imported.error, rejected, rejectedCount: allRejected.length, report: null } };
  const onFit = fitReporter(imported.report.rows, onProgress);
  const proposed = options.calibrationEnd === undefined && options.holdout !== 'none' ? proposeCalibrationEnd(imported.report.firstDay, imported.report.lastDay) : null;
  const analyze = (calibrationEnd: number | undefined) =>
    analyzeImported(imported, {
      unit: options.unit,
      ...(onFit !== undefined ? { onFit } : {}),
      ...(calibrationEnd !== undefined ? { calibrationEnd } : {}),
    });
  let analyzed = analyze(options.calibrationEnd ?? proposed ?? undefined);
  let split: CalibrationSplit = options.calibrationEnd !== undefined ? 'chosen' : proposed !== null ? 'proposed' : 'all';
  // Half the data can be too little to fit where all of it is enough: then fit on all of it, and say so.
  if (!analyzed.ok && split === 'proposed') {
    const all = analyze(undefined);
    if (all.ok) {
      analyzed = all;
      split = 'proposalFailed';
    }
  }
  // A failed analysis keeps the data set loaded before (issue 7: nothing previously loaded is touched).
  if (!analyzed.ok) return { ok: false, allRejected, outcome: { ok: false, error: analyzed.error, rejected, rejectedCount: allRejected.length, report: imported.report } };
  return { ok: true, analysis: analyzed.analysis, split, allRejected };
}

/** A per-customer summary file (issue 15): its calibration period is built in, in the unit the user stated. */
function analyzeSummaryStep(bytes: Uint8Array, options: DataImportOptions, onProgress: ((progress: DataProgress) => void) | undefined): AnalysisStep {
  let rows = 0;
  const onFit = fitReporter(0, onProgress === undefined ? undefined : (progress) => onProgress({ ...progress, rows }));
  const analyzed = analyzeSummaryBytes(bytes, {
    unit: options.unit,
    ...(onProgress !== undefined
      ? {
          onParse: (progress: ImportProgress) => {
            rows = progress.rows;
            onProgress({ phase: 'parse', ...progress });
          },
        }
      : {}),
    ...(onFit !== undefined ? { onFit } : {}),
  });
  if (!analyzed.ok) {
    const { error, rejected, report } = analyzed;
    return { ok: false, allRejected: rejected, outcome: { ok: false, error, rejected: rejected.slice(0, REJECTED_SHOWN), rejectedCount: rejected.length, report } };
  }
  return { ok: true, analysis: analyzed.analysis, split: 'summary', allRejected: analyzed.analysis.imported.rejected };
}

export function createDataSession(): DataApi {
  let pendingBytes: Uint8Array | null = null;
  let controller: AbortController | null = null;
  let loaded: Loaded | null = null;
  /** Every rejected row of the last import (successful or not), for the download. */
  let lastRejected: RejectedRow[] = [];
  /** Valuation and ranks of the current forecast, kept while only the decision sliders move. */
  let decisions: { forecasts: CustomerForecasts; base: DataDecisionBase } | null = null;
  /** The forecasts as of the end of the data, kept while the forecast settings stay. */
  let atDataEnd: { forecasts: CustomerForecasts; data: CalibrationData; atEnd: CustomerForecasts } | null = null;
  /** The result of the loaded data set without its forecast, for keeping it. */
  let loadedResult: Omit<DataImportResult, 'forecast'> | null = null;

  return {
    detectData(bytes) {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) return Promise.resolve({ ok: false, error: decoded.error });
      const detection = detectDialect(decoded.text);
      const wide = columnsProblem(detection);
      if (wide !== null) return Promise.resolve({ ok: false, error: wide });
      pendingBytes = bytes;
      const source: DataSource = summaryColumns(detection.headers) !== null ? 'summary' : 'transactions';
      return Promise.resolve({ ok: true, detection, encoding: decoded.encoding, bytes: bytes.length, source });
    },

    async importData(options, onProgress) {
      const bytes = options.bytes ?? pendingBytes;
      // No file but a loaded (kept) transaction table: fit that table again, e.g. with another calibration end.
      const again = bytes === null && options.source !== 'summary' && loadedResult?.source === 'transactions' ? (loaded?.analysis.imported ?? null) : null;
      if (bytes === null && again === null) {
        return { ok: false, error: { code: 'empty', message: 'No file chosen.' }, rejected: [], rejectedCount: 0, report: null };
      }
      if (options.bytes !== undefined) pendingBytes = options.bytes;
      controller?.abort();
      const own = new AbortController();
      controller = own;
      const step =
        options.source === 'summary' && bytes !== null
          ? analyzeSummaryStep(bytes, options, onProgress)
          : await analyzeTransactionStep(again ?? (bytes as Uint8Array), own.signal, options, onProgress);
      if (controller === own) controller = null;
      lastRejected = step.allRejected;
      if (!step.ok) return step.outcome;
      const { analysis, split } = step;
      const imported = analysis.imported;
      const rejected = imported.rejected.slice(0, REJECTED_SHOWN);
      const clvBase = analysis.summary.unit === 'day' ? CLV_DEFAULTS_DAYS : CLV_DEFAULTS;
      const forecastOptions = options.forecast && validForecastOptions(options.forecast) ? options.forecast : FORECAST_DEFAULTS;
      loaded = { analysis, clvBase, options: forecastOptions, forecasts: computeForecasts(analysis, clvBase, forecastOptions) };
      const { summary } = analysis;
      let purchaseDays = 0;
      let margin: number | null = summary.margin === null ? null : 0;
      for (let c = 0; c < summary.customers; c++) {
        purchaseDays += summary.purchaseDays[c] as number;
        if (margin !== null && summary.margin !== null) margin += summary.margin[c] as number;
      }
      loadedResult = {
        report: imported.report,
        rejected,
        dialect: imported.dialect,
        mapping: imported.mapping,
        headers: imported.detection.headers,
        encoding: imported.encoding,
        unit: summary.unit,
        calibrationEnd: summary.calibrationEnd,
        split,
        observationEnd: summary.observationEnd,
        holdoutLength: summary.holdoutLength,
        calibrationCustomers: summary.calibrationCustomers,
        purchaseDays,
        revenue: summary.revenue.reduce((a, b) => a + b, 0),
        margin,
        hasChannel: summary.channel !== null,
        bgnbd: analysis.bgnbd,
        gammaGamma: analysis.gammaGamma,
        spendCheck: spendIndependenceCheck(analysis.calibration.frequency, analysis.calibration.monetary),
        holdout: analysis.holdout,
        source: options.source ?? 'transactions',
      };
      return { ok: true, result: { ...loadedResult, forecast: forecastOf(loaded) } };
    },

    keptPayload() {
      return Promise.resolve(loaded === null || loadedResult === null ? null : { analysis: loaded.analysis, result: loadedResult });
    },

    openKept(payload, forecast) {
      const { analysis, result } = payload;
      const clvBase = analysis.summary.unit === 'day' ? CLV_DEFAULTS_DAYS : CLV_DEFAULTS;
      const options = validForecastOptions(forecast) ? forecast : FORECAST_DEFAULTS;
      controller?.abort();
      pendingBytes = null;
      loaded = { analysis, clvBase, options, forecasts: computeForecasts(analysis, clvBase, options) };
      loadedResult = result;
      lastRejected = analysis.imported.rejected;
      decisions = null;
      atDataEnd = null;
      return Promise.resolve({ ok: true, result: { ...result, forecast: forecastOf(loaded) } });
    },

    cancelImport() {
      controller?.abort();
      return Promise.resolve();
    },

    forecastData(options) {
      if (loaded === null || !validForecastOptions(options)) return Promise.resolve(null);
      loaded = { ...loaded, options, forecasts: computeForecasts(loaded.analysis, loaded.clvBase, options) };
      return Promise.resolve(forecastOf(loaded));
    },

    rejectedRowsCsv() {
      // The message quotes the user's cells: through the one CSV writer, which neutralises formulas.
      const text = (value: string): string => csvText(value, CSV_DIALECTS.en);
      const lines = ['line,code,message', ...lastRejected.map((row) => `${row.line},${text(row.code)},${text(row.message)}`)];
      return Promise.resolve(`${lines.join('\n')}\n`);
    },

    cohorts() {
      // A summary has no purchases to group by month (the tab says so).
      if (loaded === null || loadedResult?.source === 'summary') return Promise.resolve(null);
      const table = cohortTable(loaded.analysis.imported.table, loaded.analysis.summary);
      return Promise.resolve({
        months: table.months,
        cohorts: table.cohorts.map((cohort) => ({
          label: cohort.label,
          customers: cohort.customers,
          revenue: Array.from(cohort.revenue),
          active: Array.from(cohort.active),
        })),
      });
    },

    channels() {
      return Promise.resolve(loaded === null ? [] : channelTotals(loaded.analysis.imported.table));
    },

    dataDecisions(settings) {
      if (loaded === null) return Promise.resolve(null);
      if (decisions?.forecasts !== loaded.forecasts) decisions = { forecasts: loaded.forecasts, base: decisionBaseOf(loaded) };
      return Promise.resolve(dataDecisions(decisions.base, settings));
    },

    dataSegments(settings, scenario) {
      if (loaded === null) return Promise.resolve(null);
      const { analysis, forecasts, options, clvBase } = loaded;
      const customers = segmentCustomersOfAnalysis(analysis, forecasts, options, clvBase.periodsPerYear);
      return Promise.resolve(computeSegments(customers, settings, importedServiceScenario(scenario, options)));
    },

    moveCalibrationEnd(calibrationEnd) {
      if (loaded === null) return Promise.resolve({ ok: false, error: { code: 'empty', message: 'No data set loaded.' } });
      // A summary has its calibration period built in: there are no purchases to split again.
      if (loadedResult?.source === 'summary') return Promise.resolve({ ok: false, error: { code: 'empty', message: 'A customer summary has no purchases to split again.' } });
      const before = loaded;
      const analyzed = analyzeImported(before.analysis.imported, { unit: before.analysis.summary.unit, calibrationEnd });
      if (!analyzed.ok) return Promise.resolve({ ok: false, error: analyzed.error });
      const analysis = analyzed.analysis;
      loaded = { ...before, analysis, forecasts: computeForecasts(analysis, before.clvBase, before.options) };
      const { summary } = analysis;
      const update = {
        calibrationEnd: summary.calibrationEnd,
        split: 'chosen' as const,
        holdoutLength: summary.holdoutLength,
        calibrationCustomers: summary.calibrationCustomers,
        bgnbd: analysis.bgnbd,
        gammaGamma: analysis.gammaGamma,
        spendCheck: spendIndependenceCheck(analysis.calibration.frequency, analysis.calibration.monetary),
        holdout: analysis.holdout,
      };
      // The kept record (keptPayload) must describe this fit, not the one before the move.
      if (loadedResult !== null) loadedResult = { ...loadedResult, ...update };
      decisions = null;
      atDataEnd = null;
      return Promise.resolve({ ok: true, update: { ...update, forecast: forecastOf(loaded) } });
    },

    // Tracking, the holdout comparison and a customer's purchase path need single purchases: a summary has none.
    tracking: () => Promise.resolve(loaded === null || loadedResult?.source === 'summary' ? null : trackingFor(loaded.analysis)),
    compareModels: () => Promise.resolve(loaded === null || loadedResult?.source === 'summary' ? null : compareModels(loaded.analysis)),
    customerDetail: (id, end) =>
      Promise.resolve(loaded === null || loadedResult?.source === 'summary' ? null : customerDetailOf(loaded.analysis, id, end, loaded.forecasts.period)),
    forecastMatrices: () => Promise.resolve(loaded === null ? null : forecastMatricesOf(loaded.analysis, loaded.forecasts.period)),
    parameterIntervals: () => Promise.resolve(loaded === null ? null : parameterIntervalsOf(loaded.analysis)),
    bootstrapIntervals: (resamples, onProgress) => Promise.resolve(loaded === null ? null : bootstrapOf(loaded.analysis, resamples, onProgress)),
    forecastBand: (options) =>
      Promise.resolve(loaded === null || !validForecastOptions(options) ? null : forecastBandOf(loaded.analysis, clvOptionsOf(loaded.clvBase, options))),

    atRisk(asOf = 'dataEnd') {
      // The list names last purchases; a summary knows them only as recency, often without a first purchase date.
      if (loaded === null || loadedResult?.source === 'summary') return Promise.resolve([]);
      const { analysis } = loaded;
      const { summary, calibration } = analysis;
      if (asOf === 'dataEnd' && atDataEnd?.forecasts !== loaded.forecasts) {
        atDataEnd = { forecasts: loaded.forecasts, ...forecastsAtDataEnd(loaded) };
      }
      const { data, forecasts } =
        asOf === 'dataEnd' && atDataEnd !== null ? { data: atDataEnd.data, forecasts: atDataEnd.atEnd } : { data: calibration, forecasts: loaded.forecasts };
      const perUnit = DAYS_PER_UNIT[summary.unit];
      const pastRevenue = Array.from(calibration.index, (c) => summary.revenue[c] as number);
      const list = atRiskCustomers(pastRevenue, forecasts.probabilityAlive, AT_RISK_DEFAULTS);
      return Promise.resolve(
        list.map((k) => {
          const c = calibration.index[k] as number;
          return {
            id: summary.ids[c] ?? '',
            revenue: summary.revenue[c] as number,
            probabilityAlive: forecasts.probabilityAlive[k] as number,
            frequency: data.frequency[k] as number,
            // The last purchase the model saw: first purchase + recency.
            lastPurchase: formatDay(Math.round((summary.firstDay[c] as number) + (data.recency[k] as number) * perUnit)),
            clv: forecasts.clv[k] as number,
          };
        }),
      );
    },
  };
}

// The Daten tab's state: which step the user is in (choose a file, map its
// columns, import, results), the worker's answers and the forecast settings.
// Large answers are immutable: `$state.raw`. The worker API is injected so
// component tests can run the data session in-process.
import type { ColumnMapping } from '../data/columns.ts';
import { parseDay } from '../data/dates.ts';
import type { Dialect, DialectDetection } from '../data/dialect.ts';
import type { TextEncoding } from '../data/decode.ts';
import type { ImportReport } from '../data/import.ts';
import type { ChannelTotals } from '../data/cohorts.ts';
import type { ImportError, RejectedRow } from '../data/problems.ts';
import type { DataDecisions, DataDecisionSettings } from '../data/decisions.ts';
import {
  EXAMPLE_MARGIN_RATE,
  FORECAST_DEFAULTS,
  type AtRiskMoment,
  type AtRiskRow,
  type CohortView,
  type DataApi,
  type DataForecast,
  type DataForecastOptions,
  type DataImportResult,
  type DataProgress,
  type SplitOutcome,
} from '../data/session.ts';
import type { BootstrapResult } from '../data/bootstrap.ts';
import type { ForecastMatrix } from '../data/customerView.ts';
import type { CustomerDetail, ModelComparison, ParameterIntervals } from '../data/modelViews.ts';
import type { Tracking } from '../data/tracking.ts';
import { Query } from './query.svelte.ts';

export type DataPhase = 'idle' | 'reading' | 'mapping' | 'importing' | 'ready';

/** What the user confirmed in the mapping step. */
export interface ImportChoice {
  mapping: ColumnMapping;
  dialect: Partial<Dialect>;
  /** Last day of the calibration period as YYYY-MM-DD; empty for the app's proposal (or none, see `holdout`). */
  calibrationEnd: string;
  /** With an empty calibration end: propose a split (default) or fit on every purchase. */
  holdout?: 'propose' | 'none';
  /** Contribution rate g for the forecast (0..1), as asked in the mapping step; absent: the settings so far. */
  marginRate?: number;
  /** Where g came from (shown on every value view). */
  marginSource?: MarginSource;
}

/**
 * Where the contribution rate of the value views came from: the example
 * value left as proposed, a rate the user entered, or (with a cost or margin
 * column) the column for past contribution and the rate for the forecast.
 */
export type MarginSource = 'example' | 'entered' | 'column';

/** The classic 39-week calibration period of the CDNOW sample (FHL 2005): purchases up to 1997-09-30. */
export const SAMPLE_CALIBRATION_END = '1997-09-30';
export const SAMPLE_FILE = 'cdnow_sample_transactions.csv';

export class DataState {
  phase = $state<DataPhase>('idle');
  fileName = $state<string | null>(null);
  /** True while the shown data set is the CDNOW sample (its credit line is shown). */
  isSample = $state(false);
  detection = $state.raw<DialectDetection | null>(null);
  encoding = $state<TextEncoding | null>(null);
  progress = $state.raw<DataProgress | null>(null);
  /** The last file-level problem (empty, binary, no columns, cancelled, ...); cleared by the next step. */
  error = $state.raw<ImportError | null>(null);
  /** Rejected rows and the report of a failed import (shown with the error). */
  failed = $state.raw<{ rejected: RejectedRow[]; count: number; report: ImportReport | null } | null>(null);
  result = $state.raw<DataImportResult | null>(null);
  forecast = $state.raw<DataForecast | null>(null);
  cohorts = $state.raw<CohortView | null>(null);
  channels = $state.raw<ChannelTotals[]>([]);
  atRisk = $state.raw<AtRiskRow[]>([]);
  /** The moment of the win-back list: the end of the data unless the user asks for the calibration end. */
  atRiskAsOf = $state<AtRiskMoment>('dataEnd');
  forecastOptions = $state.raw<DataForecastOptions>(FORECAST_DEFAULTS);
  /** Where the contribution rate came from; the assumption line of every value view says so. */
  marginSource = $state<MarginSource>('example');

  /** Why the last move of the calibration end on the tracking chart gave no fit (the fit shown stays). */
  splitError = $state.raw<ImportError | null>(null);

  readonly #api: DataApi;
  /** Numbers the file steps (read, import, close) so a late answer to an older one is ignored. */
  #request = 0;
  /** New forecast settings: the forecast and the customers at risk under them (latest wins). */
  readonly #forecastQuery: Query<DataForecastOptions, { forecast: DataForecast; atRisk: AtRiskRow[] } | null>;

  constructor(api: DataApi) {
    this.#api = api;
    this.#forecastQuery = new Query(
      async (options) => {
        const forecast = await api.forecastData(options);
        return forecast === null ? null : { forecast, atRisk: await api.atRisk(this.atRiskAsOf) };
      },
      {
        onAnswer: ({ value }) => {
          if (value === null) return;
          this.forecast = value.forecast;
          this.atRisk = value.atRisk;
        },
      },
    );
  }

  /** Reads a chosen file: detects its dialect and columns, then asks for the mapping. */
  async openFile(name: string, bytes: Uint8Array): Promise<void> {
    const id = ++this.#request;
    this.phase = 'reading';
    this.fileName = name;
    this.error = null;
    this.failed = null;
    const outcome = await this.#api.detectData(bytes);
    if (id !== this.#request) return;
    if (!outcome.ok) {
      this.error = outcome.error;
      this.detection = null;
      this.phase = this.result === null ? 'idle' : 'ready';
      return;
    }
    this.detection = outcome.detection;
    this.encoding = outcome.encoding;
    this.phase = 'mapping';
  }

  /** The CDNOW sample: detected and imported at once, with the classic calibration period. */
  async openSample(bytes: Uint8Array): Promise<void> {
    await this.openFile(SAMPLE_FILE, bytes);
    const detection = this.detection;
    if (this.phase !== 'mapping' || detection === null || detection.columns.mapping === null) return;
    // CDNOW has no cost column: the sample uses the example rate like any such file (the fit does not depend on it).
    await this.runImport(
      { mapping: detection.columns.mapping, dialect: {}, calibrationEnd: SAMPLE_CALIBRATION_END, marginRate: EXAMPLE_MARGIN_RATE, marginSource: 'example' },
      true,
    );
  }

  /** The file's last confirmed choice, for a refit with another calibration end. */
  #choice: { choice: ImportChoice; sample: boolean } | null = null;

  /** Fits the same file again with another calibration end (YYYY-MM-DD), or on every purchase with 'none'. */
  async refit(calibrationEnd: string | 'none'): Promise<void> {
    if (this.#choice === null) return;
    const { choice, sample } = this.#choice;
    await this.runImport(calibrationEnd === 'none' ? { ...choice, calibrationEnd: '', holdout: 'none' } : { ...choice, calibrationEnd, holdout: 'propose' }, sample);
  }

  async runImport(choice: ImportChoice, sample = false): Promise<void> {
    const id = ++this.#request;
    this.#choice = { choice, sample };
    const end = choice.calibrationEnd.trim() === '' ? Number.NaN : parseDay(choice.calibrationEnd, 'YYYY-MM-DD');
    this.phase = 'importing';
    this.progress = { phase: 'parse', fraction: 0, rows: 0 };
    this.error = null;
    this.failed = null;
    const outcome = await this.#api.importData(
      {
        unit: 'week',
        mapping: choice.mapping,
        dialect: choice.dialect,
        forecast: choice.marginRate === undefined ? this.forecastOptions : { ...this.forecastOptions, marginRate: choice.marginRate },
        ...(Number.isNaN(end) ? {} : { calibrationEnd: end }),
        ...(choice.holdout !== undefined ? { holdout: choice.holdout } : {}),
      },
      (progress) => {
        if (id === this.#request) this.progress = progress;
      },
    );
    if (id !== this.#request) return;
    this.progress = null;
    if (!outcome.ok) {
      this.error = outcome.error;
      this.failed = { rejected: outcome.rejected, count: outcome.rejectedCount, report: outcome.report };
      // Back to the mapping so the user can correct it; data loaded before stays as it was.
      this.phase = 'mapping';
      return;
    }
    this.isSample = sample;
    this.result = outcome.result;
    this.splitError = null;
    this.forecast = outcome.result.forecast;
    this.forecastOptions = outcome.result.forecast.options;
    if (choice.marginSource !== undefined) this.marginSource = choice.marginSource;
    this.phase = 'ready';
    this.cohorts = null;
    this.channels = [];
    this.atRisk = [];
    const [cohorts, channels, atRisk] = await Promise.all([
      this.#api.cohorts(),
      outcome.result.hasChannel ? this.#api.channels() : Promise.resolve([]),
      this.#api.atRisk(this.atRiskAsOf),
    ]);
    if (id !== this.#request) return;
    this.cohorts = cohorts;
    this.channels = channels;
    this.atRisk = atRisk;
  }

  /** Shows the win-back list as of another moment (same fit, same settings). */
  async showAtRiskAsOf(asOf: AtRiskMoment): Promise<void> {
    this.atRiskAsOf = asOf;
    const id = this.#request;
    const list = await this.#api.atRisk(asOf);
    if (id === this.#request && asOf === this.atRiskAsOf) this.atRisk = list;
  }

  /** Stops a running import; the worker answers it with a "cancelled" error. */
  cancel(): void {
    void this.#api.cancelImport();
  }

  /** Leaves the mapping step without importing. */
  closeMapping(): void {
    this.#request++;
    this.detection = null;
    this.error = null;
    this.failed = null;
    this.phase = this.result === null ? 'idle' : 'ready';
  }

  /** Resolves once the forecast of the latest settings is in. */
  async setForecast(options: DataForecastOptions): Promise<void> {
    // A rate changed in the forecast settings is the user's own (a column stays the source of past contribution).
    if (options.marginRate !== this.forecastOptions.marginRate && this.marginSource === 'example') this.marginSource = 'entered';
    this.forecastOptions = options;
    this.#forecastQuery.ask(options);
    await this.#forecastQuery.settled();
  }

  /** The tracking chart's handle: refit at another calibration end in the worker (latest wins). */
  readonly #splitQuery = new Query<{ end: number; request: number }, SplitOutcome>((input) => this.#api.moveCalibrationEnd(input.end), {
    onAnswer: ({ input, value }) => void this.#applySplit(input.request, value),
  });

  /** True while a refit at a new calibration end runs or waits. */
  get splitPending(): boolean {
    return this.#splitQuery.pending;
  }

  /** Refits the loaded data with this calibration end (days since 1970-01-01); resolves once the latest refit is in. */
  async moveSplit(calibrationEnd: number): Promise<void> {
    this.#splitQuery.ask({ end: calibrationEnd, request: this.#request });
    await this.#splitQuery.settled();
  }

  async #applySplit(request: number, outcome: SplitOutcome): Promise<void> {
    if (request !== this.#request || this.result === null) return;
    if (!outcome.ok) {
      this.splitError = outcome.error;
      return;
    }
    this.splitError = null;
    this.result = { ...this.result, ...outcome.update };
    this.forecast = outcome.update.forecast;
    const [cohorts, atRisk] = await Promise.all([this.#api.cohorts(), this.#api.atRisk(this.atRiskAsOf)]);
    if (request !== this.#request) return;
    this.cohorts = cohorts;
    this.atRisk = atRisk;
  }

  tracking(): Promise<Tracking | null> {
    return this.#api.tracking();
  }

  compareModels(): Promise<ModelComparison | null> {
    return this.#api.compareModels();
  }

  /** One customer's view, as of the end of the data or of the calibration period. */
  customerDetail(id: string, asOf: AtRiskMoment): Promise<CustomerDetail | null> {
    return this.#api.customerDetail(id, asOf);
  }

  forecastMatrices(): Promise<ForecastMatrix | null> {
    return this.#api.forecastMatrices();
  }

  parameterIntervals(): Promise<ParameterIntervals | null> {
    return this.#api.parameterIntervals();
  }

  bootstrap(resamples: number, onProgress: (done: number, total: number) => void): Promise<BootstrapResult | null> {
    return this.#api.bootstrapIntervals(resamples, onProgress);
  }

  rejectedCsv(): Promise<string> {
    return this.#api.rejectedRowsCsv();
  }

  /** Drop, focus and value histogram of the loaded data set (DataDecisions asks through a Query). */
  decisions(settings: DataDecisionSettings): Promise<DataDecisions | null> {
    return this.#api.dataDecisions(settings);
  }
}

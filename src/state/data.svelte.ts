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
  type DataSource,
} from '../data/session.ts';
import type { BootstrapResult } from '../data/bootstrap.ts';
import type { ForecastBand } from '../data/forecastBand.ts';
import type { ForecastMatrix } from '../data/customerView.ts';
import type { CustomerDetail, ModelComparison, ParameterIntervals } from '../data/modelViews.ts';
import type { Tracking } from '../data/tracking.ts';
import { Query } from './query.svelte.ts';
import type { TimeUnit } from '../data/summary.ts';
import type { KeptDataSetInfo } from '../data/kept.ts';
import { approximateBytes, type DataSetStore, type KeptDataSet, type OpenedDataSets } from '../persistence/dataSets.ts';
import { StorageError } from '../persistence/store.ts';
import { timestamp } from '../persistence/library.ts';

/**
 * What became of keeping the data set in the browser: kept; not kept (full
 * or unavailable storage: the data set is shown all the same and the saved
 * scenarios are untouched); deleted (with Undo); a kept one that did not open.
 */
export type KeepMessage =
  | { kind: 'kept'; name: string }
  | { kind: 'notKept'; reason: 'quota' | 'unavailable' | 'newerDatabase' | 'blocked' | 'failed' }
  | { kind: 'deleted'; name: string }
  | { kind: 'undone'; name: string }
  | { kind: 'openFailed'; name: string }
  | { kind: 'tooLarge'; name: string; customers: number };

/**
 * Larger data sets are not kept: about 200 bytes per customer (CDNOW: 0.5 MB
 * for 2,357) make 100 MB here, copied out of the worker and written at once.
 */
export const KEEP_MAX_CUSTOMERS = 500_000;

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
  /** The time unit of recency and T in a summary file, as the user states it (a transaction file: weeks). */
  unit?: TimeUnit;
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
  /** What the chosen file holds: purchases (the mapping step) or a per-customer summary (the summary step). */
  source = $state<DataSource>('transactions');
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
  /** The data sets kept in this browser, newest first. */
  kept = $state.raw<KeptDataSetInfo[]>([]);
  /** The kept record of the shown data set, if it is kept. */
  keptId = $state<string | null>(null);
  keepMessage = $state.raw<KeepMessage | null>(null);
  /** False when kept data sets last only for this tab (no IndexedDB). */
  keepsAcrossVisits = $state(true);
  /** True while the shown data set came from a file of this visit (a kept one has no file to refit from). */
  canRefit = $state(false);

  readonly #api: DataApi;
  #dataSets: Promise<OpenedDataSets> | null;
  /** The record the next successful import is kept as: a new file gets a new one, a refit replaces it. */
  #keepAs: string | null = null;
  /** The last deleted data set, for Undo. */
  #deleted: KeptDataSet | null = null;
  /** Numbers the file steps (read, import, close) so a late answer to an older one is ignored. */
  #request = 0;
  /** New forecast settings: the forecast and the customers at risk under them (latest wins). */
  readonly #forecastQuery: Query<DataForecastOptions, { forecast: DataForecast; atRisk: AtRiskRow[] } | null>;

  /** `dataSets`: where imported data sets are kept (absent: not kept, as in most component tests). */
  constructor(api: DataApi, dataSets?: Promise<OpenedDataSets>) {
    this.#api = api;
    this.#dataSets = dataSets ?? null;
    void this.#dataSets?.then((opened) => {
      if (opened.problem === 'blocked') void opened.opened.then((real) => this.#unblocked(real));
    });
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
    this.source = outcome.source;
    this.#keepAs = null;
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
  #choice: { choice: ImportChoice; sample: boolean; source: DataSource } | null = null;

  /** Fits the same file again with another calibration end (YYYY-MM-DD), or on every purchase with 'none'. */
  async refit(calibrationEnd: string | 'none'): Promise<void> {
    if (this.#choice === null) return;
    const { choice, sample, source } = this.#choice;
    this.source = source;
    await this.runImport(calibrationEnd === 'none' ? { ...choice, calibrationEnd: '', holdout: 'none' } : { ...choice, calibrationEnd, holdout: 'propose' }, sample);
  }

  async runImport(choice: ImportChoice, sample = false): Promise<void> {
    const id = ++this.#request;
    this.#choice = { choice, sample, source: this.source };
    const end = choice.calibrationEnd.trim() === '' ? Number.NaN : parseDay(choice.calibrationEnd, 'YYYY-MM-DD');
    this.phase = 'importing';
    this.progress = { phase: 'parse', fraction: 0, rows: 0 };
    this.error = null;
    this.failed = null;
    const outcome = await this.#api.importData(
      {
        unit: choice.unit ?? 'week',
        source: this.source,
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
    // A summary has its calibration period built in: nothing to refit.
    this.canRefit = outcome.result.source === 'transactions';
    this.result = outcome.result;
    this.splitError = null;
    this.forecast = outcome.result.forecast;
    this.forecastOptions = outcome.result.forecast.options;
    if (choice.marginSource !== undefined) this.marginSource = choice.marginSource;
    this.phase = 'ready';
    void this.#keep(id);
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
    await this.#keepAssumptions();
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
    // The kept record follows the split the user moved to, as a refit from the file does.
    void this.#keep(request);
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

  /** 95 % band of the portfolio forecast under `options` (parameter uncertainty only). */
  forecastBand(options: DataForecastOptions): Promise<ForecastBand | null> {
    return this.#api.forecastBand(options);
  }

  rejectedCsv(): Promise<string> {
    return this.#api.rejectedRowsCsv();
  }

  /** Drop, focus and value histogram of the loaded data set (DataDecisions asks through a Query). */
  decisions(settings: DataDecisionSettings): Promise<DataDecisions | null> {
    return this.#api.dataDecisions(settings);
  }


  async #store(): Promise<DataSetStore | null> {
    if (this.#dataSets === null) return null;
    const opened = await this.#dataSets;
    // Nothing to read or write until the older tab lets go; the data set on screen stays.
    if (opened.problem === 'blocked') {
      this.keepMessage = { kind: 'notKept', reason: 'blocked' };
      return null;
    }
    this.keepsAcrossVisits = opened.store.persistent;
    return opened.store;
  }

  async #refreshKept(store: DataSetStore): Promise<void> {
    try {
      this.kept = await store.list();
    } catch {
      this.kept = [];
    }
  }

  /** The older tab has let go: keep what is shown now, or show the newest kept data set. */
  async #unblocked(opened: OpenedDataSets): Promise<void> {
    this.#dataSets = Promise.resolve(opened);
    if (this.keepMessage?.kind === 'notKept' && this.keepMessage.reason === 'blocked') this.keepMessage = null;
    if (this.result !== null && this.keptId === null) await this.#keep(this.#request);
    else await this.restore();
  }

  /**
   * On opening the tab: lists the kept data sets and shows the newest at
   * once, unless the user has already chosen a file meanwhile.
   */
  async restore(): Promise<void> {
    const id = this.#request;
    const store = await this.#store();
    if (store === null) return;
    const opened = await this.#dataSets;
    if (opened?.problem != null) this.keepMessage = { kind: 'notKept', reason: opened.problem };
    await this.#refreshKept(store);
    const newest = this.kept[0];
    if (newest !== undefined && id === this.#request && this.result === null) await this.openKept(newest.id);
  }

  /** Shows a kept data set: no file, no fit. */
  async openKept(keptId: string): Promise<void> {
    const store = await this.#store();
    if (store === null) return;
    const id = ++this.#request;
    const info = this.kept.find((k) => k.id === keptId);
    let set: KeptDataSet | null = null;
    try {
      set = await store.get(keptId);
    } catch {
      set = null;
    }
    if (id !== this.#request) return;
    if (set === null) {
      this.keepMessage = { kind: 'openFailed', name: info?.fileName ?? keptId };
      return;
    }
    this.phase = 'importing';
    this.progress = null;
    this.error = null;
    this.failed = null;
    const outcome = await this.#api.openKept(set.payload, set.info.assumptions.forecast);
    if (id !== this.#request) return;
    if (!outcome.ok) {
      this.phase = this.result === null ? 'idle' : 'ready';
      this.keepMessage = { kind: 'openFailed', name: set.info.fileName };
      return;
    }
    // A kept transaction table can be fitted again (the worker has it); a summary has its split built in.
    const { result } = set.payload;
    this.source = result.source;
    this.#choice = {
      choice: { mapping: result.mapping, dialect: result.dialect, calibrationEnd: '', unit: result.unit, marginSource: set.info.assumptions.marginSource },
      sample: set.info.isSample,
      source: result.source,
    };
    this.canRefit = result.source === 'transactions';
    this.#keepAs = set.info.id;
    this.keptId = set.info.id;
    this.fileName = set.info.fileName;
    this.isSample = set.info.isSample;
    this.detection = null;
    this.result = outcome.result;
    this.forecast = outcome.result.forecast;
    this.forecastOptions = outcome.result.forecast.options;
    this.marginSource = set.info.assumptions.marginSource;
    this.phase = 'ready';
    await this.#loadViews(id, outcome.result.hasChannel);
  }

  async #loadViews(id: number, hasChannel: boolean): Promise<void> {
    this.cohorts = null;
    this.channels = [];
    this.atRisk = [];
    const [cohorts, channels, atRisk] = await Promise.all([
      this.#api.cohorts(),
      hasChannel ? this.#api.channels() : Promise.resolve([]),
      this.#api.atRisk(this.atRiskAsOf),
    ]);
    if (id !== this.#request) return;
    this.cohorts = cohorts;
    this.channels = channels;
    this.atRisk = atRisk;
  }

  /** Keeps the data set just imported (request `id`); a failure is a message, the data set stays shown. */
  async #keep(id: number): Promise<void> {
    const store = await this.#store();
    if (store === null || this.result === null) return;
    if (this.result.report.customers > KEEP_MAX_CUSTOMERS) {
      this.keepMessage = { kind: 'tooLarge', name: this.isSample ? SAMPLE_FILE : (this.fileName ?? ''), customers: this.result.report.customers };
      return;
    }
    const payload = await this.#api.keptPayload();
    if (payload === null || id !== this.#request) return;
    const info: KeptDataSetInfo = {
      id: this.#keepAs ?? crypto.randomUUID(),
      fileName: this.isSample ? SAMPLE_FILE : (this.fileName ?? ''),
      savedAt: timestamp(),
      bytes: approximateBytes(payload),
      customers: payload.result.report.customers,
      rows: payload.result.report.rows,
      source: payload.result.source,
      isSample: this.isSample,
      assumptions: { forecast: this.forecastOptions, marginSource: this.marginSource },
    };
    this.#keepAs = info.id;
    let message: KeepMessage;
    try {
      await store.put({ info, payload });
      message = { kind: 'kept', name: info.fileName };
    } catch (error) {
      message = { kind: 'notKept', reason: error instanceof StorageError ? error.kind : 'failed' };
    }
    // The list first, then the message: the page never says "kept" above a list without it.
    await this.#refreshKept(store);
    if (id !== this.#request) return;
    this.keptId = message.kind === 'kept' ? info.id : null;
    this.keepMessage = message;
  }

  /** New assumptions of the shown data set go into its kept record (not the data: that is unchanged). */
  async #keepAssumptions(): Promise<void> {
    const info = this.kept.find((k) => k.id === this.keptId);
    const store = await this.#store();
    if (info === undefined || store === null) return;
    const updated = { ...info, assumptions: { forecast: this.forecastOptions, marginSource: this.marginSource } };
    try {
      await store.putInfo(updated);
      this.kept = this.kept.map((k) => (k.id === updated.id ? updated : k));
    } catch (error) {
      this.keepMessage = { kind: 'notKept', reason: error instanceof StorageError ? error.kind : 'failed' };
    }
  }

  /** Deletes a kept data set (Undo brings it back); the data set on screen stays shown. */
  async deleteKept(keptId: string): Promise<void> {
    const store = await this.#store();
    if (store === null) return;
    let message: KeepMessage;
    try {
      const set = await store.get(keptId);
      await store.delete(keptId);
      this.#deleted = set;
      message = { kind: 'deleted', name: set?.info.fileName ?? this.kept.find((k) => k.id === keptId)?.fileName ?? '' };
      if (this.keptId === keptId) this.keptId = null;
    } catch (error) {
      message = { kind: 'notKept', reason: error instanceof StorageError ? error.kind : 'failed' };
    }
    await this.#refreshKept(store);
    this.keepMessage = message;
  }

  get canUndoDelete(): boolean {
    return this.#deleted !== null && this.keepMessage?.kind === 'deleted';
  }

  async undoDelete(): Promise<void> {
    const set = this.#deleted;
    const store = await this.#store();
    if (set === null || store === null) return;
    let message: KeepMessage;
    try {
      await store.put(set);
      this.#deleted = null;
      if (this.#keepAs === set.info.id) this.keptId = set.info.id;
      message = { kind: 'undone', name: set.info.fileName };
    } catch (error) {
      message = { kind: 'notKept', reason: error instanceof StorageError ? error.kind : 'failed' };
    }
    await this.#refreshKept(store);
    this.keepMessage = message;
  }
}

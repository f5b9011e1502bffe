// The main thread's side of the data worker (data.worker.ts). Every file gets
// a fresh worker (the candidate); a successful import makes it the active
// one, which answers the forecasts, cohorts and decisions, and ends the one
// before. So Cancel can end the candidate in any phase (parsing or fitting:
// a fit is one long synchronous loop that no message reaches) and the data
// set loaded before stays as it was; and a worker that dies (out of memory)
// turns into an error message instead of a request that waits forever.
import { proxy, transfer, wrap } from 'comlink';
import { importError } from '../data/problems.ts';
import type { DataApi, DataImportOutcome, DataImportOptions, DataProgress } from './api.ts';
import { lifelineName, watchLifeline } from './lifeline.ts';

export interface DataWorkerHandle {
  api: DataApi;
  terminate(): void;
  /** Settles when the worker has died or failed to start; never for a live worker. */
  died: Promise<void>;
}

const CANCELLED: DataImportOutcome = { ok: false, error: importError('cancelled', 'Import cancelled.'), rejected: [], rejectedCount: 0, report: null };
const WORKER_FAILED = importError('workerFailed', 'The import stopped: the browser ended its worker (often for lack of memory).');
const FAILED: DataImportOutcome = {
  ok: false,
  error: WORKER_FAILED,
  rejected: [],
  rejectedCount: 0,
  report: null,
};

/** Resolves to `fallback` once the worker has died, so no answer waits forever. */
function guarded<T>(worker: DataWorkerHandle, call: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([call, worker.died.then(() => fallback)]);
}

export interface DataClient extends DataApi {
  /** Data workers started so far (a test sees that a new file gets a new worker). */
  readonly started: number;
}

export function createDataClient(spawn: () => DataWorkerHandle): DataClient {
  let active: DataWorkerHandle | null = null;
  let candidate: DataWorkerHandle | null = null;
  /** A copy of the chosen file, to start a new candidate after a cancel or a dead worker. */
  let kept: Uint8Array | null = null;
  let cancel: (() => void) | null = null;
  let started = 0;

  const start = (): DataWorkerHandle => {
    started += 1;
    return spawn();
  };
  const dropCandidate = (worker: DataWorkerHandle): void => {
    worker.terminate();
    if (candidate === worker) candidate = null;
  };

  return {
    get started() {
      return started;
    },

    detectData(bytes) {
      if (candidate !== null) dropCandidate(candidate);
      cancel?.();
      const worker = start();
      candidate = worker;
      kept = bytes.slice();
      return guarded(worker, worker.api.detectData(bytes), { ok: false, error: WORKER_FAILED });
    },

    async importData(options: DataImportOptions, onProgress?: (progress: DataProgress) => void) {
      let worker = candidate;
      let sent = options;
      if (worker === null) {
        const bytes = options.bytes ?? kept;
        if (bytes === null) {
          // A kept data set (no file): a new candidate gets the active one's table and fits it again,
          // so Cancel or a failure leaves the data set on screen as it was.
          const payload = active === null ? null : await guarded(active, active.api.keptPayload(), null);
          if (payload === null || options.forecast === undefined) return { ok: false, error: importError('empty', 'No file chosen.'), rejected: [], rejectedCount: 0, report: null };
          worker = start();
          candidate = worker;
          const opened = await guarded(worker, worker.api.openKept(payload, options.forecast), FAILED);
          if (!opened.ok) {
            dropCandidate(worker);
            return opened;
          }
        } else {
          worker = start();
          candidate = worker;
          sent = { ...options, bytes: bytes.slice() };
        }
      }
      if (options.bytes !== undefined) kept = options.bytes.slice();
      cancel?.();
      const own = worker;
      const cancelled = new Promise<DataImportOutcome>((resolve) => {
        cancel = () => resolve(CANCELLED);
      });
      const outcome = await Promise.race([guarded(own, own.api.importData(sent, onProgress), FAILED), cancelled]);
      cancel = null;
      if (!outcome.ok && (outcome.error.code === 'cancelled' || outcome.error.code === 'workerFailed')) {
        dropCandidate(own);
        return outcome;
      }
      if (outcome.ok) {
        if (active !== null && active !== own) active.terminate();
        active = own;
        if (candidate === own) candidate = null;
        kept = null;
      }
      return outcome;
    },

    cancelImport() {
      cancel?.();
      return Promise.resolve();
    },

    forecastData: (options) => (active ? guarded(active, active.api.forecastData(options), null) : Promise.resolve(null)),
    rejectedRowsCsv: () => {
      const worker = candidate ?? active;
      return worker ? guarded(worker, worker.api.rejectedRowsCsv(), 'line,code,message\n') : Promise.resolve('line,code,message\n');
    },
    cohorts: () => (active ? guarded(active, active.api.cohorts(), null) : Promise.resolve(null)),
    channels: () => (active ? guarded(active, active.api.channels(), []) : Promise.resolve([])),
    atRisk: (asOf) => (active ? guarded(active, active.api.atRisk(asOf), []) : Promise.resolve([])),
    dataDecisions: (settings) => (active ? guarded(active, active.api.dataDecisions(settings), null) : Promise.resolve(null)),
    dataSegments: (settings, scenario) => (active ? guarded(active, active.api.dataSegments(settings, scenario), null) : Promise.resolve(null)),
    moveCalibrationEnd: (end) =>
      active ? guarded(active, active.api.moveCalibrationEnd(end), { ok: false, error: WORKER_FAILED }) : Promise.resolve({ ok: false, error: importError('empty', 'No data set loaded.') }),
    tracking: () => (active ? guarded(active, active.api.tracking(), null) : Promise.resolve(null)),
    compareModels: () => (active ? guarded(active, active.api.compareModels(), null) : Promise.resolve(null)),
    customerDetail: (id, end) => (active ? guarded(active, active.api.customerDetail(id, end), null) : Promise.resolve(null)),
    forecastMatrices: () => (active ? guarded(active, active.api.forecastMatrices(), null) : Promise.resolve(null)),
    parameterIntervals: () => (active ? guarded(active, active.api.parameterIntervals(), null) : Promise.resolve(null)),
    bootstrapIntervals: (resamples, onProgress) => (active ? guarded(active, active.api.bootstrapIntervals(resamples, onProgress), null) : Promise.resolve(null)),
    forecastBand: (options) => (active ? guarded(active, active.api.forecastBand(options), null) : Promise.resolve(null)),
    keptPayload: () => (active ? guarded(active, active.api.keptPayload(), null) : Promise.resolve(null)),

    async openKept(payload, forecast) {
      // A kept data set gets a fresh worker like a file: the one shown before stays until it has loaded.
      if (candidate !== null) dropCandidate(candidate);
      cancel?.();
      const worker = start();
      const outcome = await guarded(worker, worker.api.openKept(payload, forecast), FAILED);
      if (!outcome.ok) {
        worker.terminate();
        return outcome;
      }
      if (active !== null) active.terminate();
      active = worker;
      kept = null;
      return outcome;
    },
  };
}

/** A real data worker: bytes are transferred (not copied), progress comes back through a comlink proxy. */
export function spawnDataWorker(): DataWorkerHandle {
  const name = lifelineName('data');
  let worker: Worker;
  try {
    worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name });
  } catch {
    return { api: deadApi(), terminate: () => {}, died: Promise.resolve() };
  }
  const remote = wrap<DataApi>(worker);
  const died = new Promise<void>((resolve) => {
    worker.addEventListener('error', () => resolve());
    watchLifeline(worker, name, resolve);
  });
  return {
    api: {
      detectData: (bytes) => remote.detectData(transfer(bytes, [bytes.buffer as ArrayBuffer])),
      importData: (options, onProgress) => remote.importData(options, onProgress === undefined ? undefined : proxy(onProgress)),
      cancelImport: () => remote.cancelImport(),
      forecastData: (options) => remote.forecastData(options),
      rejectedRowsCsv: () => remote.rejectedRowsCsv(),
      cohorts: () => remote.cohorts(),
      channels: () => remote.channels(),
      atRisk: (asOf) => remote.atRisk(asOf),
      dataDecisions: (settings) => remote.dataDecisions(settings),
      dataSegments: (settings, scenario) => remote.dataSegments(settings, scenario),
      moveCalibrationEnd: (end) => remote.moveCalibrationEnd(end),
      tracking: () => remote.tracking(),
      compareModels: () => remote.compareModels(),
      customerDetail: (id, end) => remote.customerDetail(id, end),
      forecastMatrices: () => remote.forecastMatrices(),
      parameterIntervals: () => remote.parameterIntervals(),
      bootstrapIntervals: (resamples, onProgress) => remote.bootstrapIntervals(resamples, onProgress === undefined ? undefined : proxy(onProgress)),
      forecastBand: (options) => remote.forecastBand(options),
      keptPayload: () => remote.keptPayload(),
      openKept: (payload, forecast) => remote.openKept(payload, forecast),
    },
    terminate: () => worker.terminate(),
    died,
  };
}

/** The API of a worker that could not be created: every call waits for `died`, which has settled. */
function deadApi(): DataApi {
  const never = <T,>(): Promise<T> => new Promise<T>(() => {});
  return {
    detectData: never,
    importData: never,
    cancelImport: () => Promise.resolve(),
    forecastData: never,
    rejectedRowsCsv: never,
    cohorts: never,
    channels: never,
    atRisk: never,
    dataDecisions: never,
    dataSegments: never,
    moveCalibrationEnd: never,
    tracking: never,
    compareModels: never,
    customerDetail: never,
    forecastMatrices: never,
    parameterIntervals: never,
    bootstrapIntervals: never,
    forecastBand: never,
    keptPayload: never,
    openKept: never,
  };
}

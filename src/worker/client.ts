// The main thread's side of the engine worker: its calls, on a worker that
// is replaced when it dies. Which answer is shown (latest wins, each answer
// with its input) is the callers' Query (src/state/query.svelte.ts).
import { wrap } from 'comlink';
import type { Scenario } from '../engine/parameters.ts';
import type { Results, TornadoResult } from '../engine/results.ts';
import type { EngineApi } from './api.ts';
import type { SegmentSettings, SegmentsResult } from '../engine/scoring/segments.ts';
import type { KeyAccount, KeyAccountResult } from '../engine/keyAccount/index.ts';
import { lifelineName, watchLifeline } from './lifeline.ts';

export interface KundenwertDebug {
  /** Requests sent to the worker, so browser tests can prove the worker is used. */
  workerRequests: number;
  /** Engine workers started so far (a browser test sees a dead one replaced). */
  workersStarted?: number;
}

declare global {
  interface Window {
    __kundenwert?: KundenwertDebug;
  }
}

export interface EngineClient {
  /** Every figure of the live scenario (ResultsState asks, latest wins). */
  compute(scenario: Scenario): Promise<Results>;
  /** Several scenarios at once, apart from the live one's cache (the comparison view). */
  computeMany(scenarios: readonly Scenario[]): Promise<Results[]>;
  /** Scoring and segmentation (SegmentsState asks). */
  segments(scenario: Scenario, settings: SegmentSettings): Promise<SegmentsResult>;
  /** The key account against the live scenario's portfolio. */
  keyAccount(scenario: Scenario, account: KeyAccount): Promise<KeyAccountResult>;
  keyAccountMany(requests: readonly { scenario: Scenario; account: KeyAccount }[]): Promise<KeyAccountResult[]>;
  /** The tornado chart of each scenario (current one or compared ones). */
  tornadoMany(scenarios: readonly Scenario[]): Promise<TornadoResult[]>;
  /** After the client gave up: a fresh worker (the caller asks again). */
  retry(): void;
  /** `listener(true)` once the worker died MAX_WORKER_FAILURES times in a row (the app offers retry); false after a retry. */
  onWorkerDown(listener: (down: boolean) => void): void;
  terminate(): void;
}

/** One engine worker: its API, and a promise that settles when it died or failed to start. */
export interface EngineWorkerHandle {
  api: EngineApi;
  terminate(): void;
  died: Promise<void>;
}

/** Deaths in a row (with no answer between them) after which the client stops restarting. */
export const MAX_WORKER_FAILURES = 3;

export class WorkerDownError extends Error {
  constructor() {
    super(`The engine worker stopped ${MAX_WORKER_FAILURES} times in a row`);
    this.name = 'WorkerDownError';
  }
}

/** A real engine worker, named so its Web Lock lifeline can tell when it ends (lifeline.ts). */
export function spawnEngineWorker(): EngineWorkerHandle {
  const name = lifelineName('engine');
  let worker: Worker;
  try {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
  } catch {
    const never = <T,>(): Promise<T> => new Promise<T>(() => {});
    return { api: { compute: never, computeMany: never, segments: never, keyAccount: never, keyAccountMany: never, tornadoMany: never }, terminate: () => {}, died: Promise.resolve() };
  }
  const died = new Promise<void>((resolve) => {
    // Fired when the script cannot be loaded or throws at the top level: a worker that never started.
    worker.addEventListener('error', () => resolve());
    // Terminated, out of memory or closed: no event at all, only the released lock.
    watchLifeline(worker, name, resolve);
  });
  return { api: wrap<EngineApi>(worker) as unknown as EngineApi, terminate: () => worker.terminate(), died };
}

const DIED = Symbol('died');

/**
 * Starts the engine worker and returns a client for it. A worker that dies or
 * fails to start is replaced by a new one, which gets the call again (its
 * engine rebuilds the population from the scenario, as on first use); after
 * MAX_WORKER_FAILURES deaths in a row every call fails with WorkerDownError
 * until `retry()`, so nothing waits forever. `spawn` is for tests.
 */
export function createEngineClient(spawn: () => EngineWorkerHandle = spawnEngineWorker): EngineClient {
  const host = globalThis as { __kundenwert?: KundenwertDebug };
  const debug: KundenwertDebug = host.__kundenwert ?? { workerRequests: 0 };
  host.__kundenwert = debug;
  debug.workersStarted ??= 0;

  const start = (): EngineWorkerHandle => {
    debug.workersStarted = (debug.workersStarted ?? 0) + 1;
    return spawn();
  };
  let worker = start();
  let failures = 0;
  let down = false;
  const listeners: ((down: boolean) => void)[] = [];
  const setDown = (value: boolean): void => {
    down = value;
    for (const listener of listeners) listener(value);
  };

  /** The worker `dead` has died: replace it, unless it already was or too many died in a row. */
  const replace = (dead: EngineWorkerHandle): void => {
    if (dead !== worker || down) return;
    dead.terminate();
    failures += 1;
    if (failures >= MAX_WORKER_FAILURES) {
      setDown(true);
      return;
    }
    worker = start();
  };

  /** Runs the call on the live worker; if that worker dies first, on its successor. */
  const call = async <T,>(run: (api: EngineApi) => Promise<T>): Promise<T> => {
    for (;;) {
      if (down) throw new WorkerDownError();
      const own = worker;
      debug.workerRequests += 1;
      const outcome = await Promise.race([run(own.api), own.died.then(() => DIED)]);
      if (outcome !== DIED) {
        if (own === worker) failures = 0;
        return outcome as T;
      }
      replace(own);
    }
  };

  return {
    compute: (scenario) => call((api) => api.compute(scenario)),
    computeMany: (scenarios) => call((api) => api.computeMany(scenarios)),
    segments: (scenario, settings) => call((api) => api.segments(scenario, settings)),
    keyAccount: (scenario, account) => call((api) => api.keyAccount(scenario, account)),
    keyAccountMany: (requests) => call((api) => api.keyAccountMany(requests)),
    retry: () => {
      if (!down) return;
      failures = 0;
      worker = start();
      setDown(false);
    },
    onWorkerDown: (listener) => {
      listeners.push(listener);
    },
    tornadoMany: (scenarios) => call((api) => api.tornadoMany(scenarios)),
    terminate: () => worker.terminate(),
  };
}

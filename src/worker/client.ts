// The main thread's side of the engine worker. "Latest request wins" (after
// the svelte.dev REPL): every request is numbered, at most one is in flight
// and at most one waits; a new request replaces the waiting one. Dragging a
// slider at 1,000,000 customers therefore never queues up work. Every answer
// newer than the one on screen is shown, even while a still newer request
// waits: a drag that outpaces the engine updates at the engine's pace instead
// of freezing until the mouse is released, and the last answer is always the
// one to the last request. Each answer travels with the request it answers,
// so a view never pairs a result with a newer question.
import { wrap } from 'comlink';
import type { Scenario } from '../engine/parameters.ts';
import type { Results, TornadoResult } from '../engine/results.ts';
import type { EngineApi } from './api.ts';
import type { SegmentSettings, SegmentsResult } from '../engine/scoring/segments.ts';
import type { KeyAccount, KeyAccountResult } from '../engine/keyAccount/index.ts';
import { lifelineName, watchLifeline } from './lifeline.ts';

export interface LatestWinsHandlers<Answer, Request = unknown> {
  /** An answer newer than every one delivered before, with the request it answers. */
  onAnswer(answer: Answer, id: number, request: Request): void;
  /** The latest request failed. */
  onError(error: unknown, id: number): void;
  /** True while a request is in flight or waiting. */
  onBusyChange?(busy: boolean): void;
}

interface Waiting<Request> {
  id: number;
  request: Request;
}

export class LatestWins<Request, Answer> {
  readonly #run: (request: Request) => Promise<Answer>;
  readonly #handlers: LatestWinsHandlers<Answer, Request>;
  #latestId = 0;
  #deliveredId = 0;
  #inFlightId: number | null = null;
  #waiting: Waiting<Request> | null = null;
  /** Calls of `run` so far (requests actually sent). */
  sent = 0;

  constructor(run: (request: Request) => Promise<Answer>, handlers: LatestWinsHandlers<Answer, Request>) {
    this.#run = run;
    this.#handlers = handlers;
  }

  get busy(): boolean {
    return this.#inFlightId !== null || this.#waiting !== null;
  }

  get latestId(): number {
    return this.#latestId;
  }

  /** True when the last delivered answer is not the answer to the latest request. */
  get stale(): boolean {
    return this.#deliveredId !== this.#latestId;
  }

  /** Numbers the request and sends it now, or lets it wait (replacing any waiting one). */
  request(request: Request): number {
    const id = ++this.#latestId;
    if (this.#inFlightId === null) {
      this.#start(id, request);
    } else {
      this.#waiting = { id, request };
    }
    return id;
  }

  #start(id: number, request: Request): void {
    const wasBusy = this.busy;
    this.#inFlightId = id;
    this.sent += 1;
    if (!wasBusy) this.#handlers.onBusyChange?.(true);
    let promise: Promise<Answer>;
    try {
      promise = this.#run(request);
    } catch (error) {
      promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    promise.then(
      (answer) =>
        this.#settle(id, id > this.#deliveredId, () => {
          this.#deliveredId = id;
          this.#handlers.onAnswer(answer, id, request);
        }),
      // An error matters only for the latest request: a newer one may already have fixed its cause.
      (error: unknown) => this.#settle(id, id === this.#latestId, () => this.#handlers.onError(error, id)),
    );
  }

  #settle(id: number, deliverIt: boolean, deliver: () => void): void {
    this.#inFlightId = null;
    const next = this.#waiting;
    this.#waiting = null;
    if (next) {
      this.#start(next.id, next.request);
    } else {
      this.#handlers.onBusyChange?.(false);
    }
    if (deliverIt) deliver();
  }
}

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
  request(scenario: Scenario): number;
  /** Several scenarios at once, outside the latest-wins queue (the comparison view). */
  computeMany(scenarios: readonly Scenario[]): Promise<Results[]>;
  /** Scoring and segmentation; the segments view keeps its own latest-wins queue. */
  segments(scenario: Scenario, settings: SegmentSettings): Promise<SegmentsResult>;
  /** The key account; its view keeps its own latest-wins queue. */
  keyAccount(scenario: Scenario, account: KeyAccount): Promise<KeyAccountResult>;
  keyAccountMany(requests: readonly { scenario: Scenario; account: KeyAccount }[]): Promise<KeyAccountResult[]>;
  /** The tornado chart of each scenario (current one or compared ones). */
  tornadoMany(scenarios: readonly Scenario[]): Promise<TornadoResult[]>;
  /** After the client gave up: a fresh worker, and the last scenario sent again. */
  retry(): void;
  terminate(): void;
}

export interface EngineClientHandlers extends LatestWinsHandlers<Results, Scenario> {
  /** True once the worker died MAX_WORKER_FAILURES times in a row (the app offers retry); false again after a retry. */
  onWorkerDown?(down: boolean): void;
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
 * Starts the engine worker and returns a latest-wins client for it. A worker
 * that dies or fails to start is replaced by a new one, which gets the call
 * again (its engine rebuilds the population from the scenario, as on first
 * use); after MAX_WORKER_FAILURES deaths in a row the client gives up until
 * `retry()`, so nothing waits forever. `spawn` is for tests.
 */
export function createEngineClient(handlers: EngineClientHandlers, spawn: () => EngineWorkerHandle = spawnEngineWorker): EngineClient {
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
  let lastScenario: Scenario | null = null;

  /** The worker `dead` has died: replace it, unless it already was or too many died in a row. */
  const replace = (dead: EngineWorkerHandle): void => {
    if (dead !== worker || down) return;
    dead.terminate();
    failures += 1;
    if (failures >= MAX_WORKER_FAILURES) {
      down = true;
      handlers.onWorkerDown?.(true);
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

  const scheduler = new LatestWins<Scenario, Results>((scenario) => call((api) => api.compute(scenario)), handlers);

  return {
    request: (scenario) => {
      lastScenario = scenario;
      return scheduler.request(scenario);
    },
    computeMany: (scenarios) => call((api) => api.computeMany(scenarios)),
    segments: (scenario, settings) => call((api) => api.segments(scenario, settings)),
    keyAccount: (scenario, account) => call((api) => api.keyAccount(scenario, account)),
    keyAccountMany: (requests) => call((api) => api.keyAccountMany(requests)),
    retry: () => {
      if (!down) return;
      down = false;
      failures = 0;
      worker = start();
      handlers.onWorkerDown?.(false);
      if (lastScenario) scheduler.request(lastScenario);
    },
    tornadoMany: (scenarios) => call((api) => api.tornadoMany(scenarios)),
    terminate: () => worker.terminate(),
  };
}

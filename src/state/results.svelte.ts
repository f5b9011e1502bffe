// The engine's answers: a Query of the scenario. Views render
// `scenario` (the input of the answer on screen), never a newer one the
// worker has not answered yet. A worker that kept dying is reported once, as
// `workerDown` with a retry button, not as a second error alert.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';
import { WorkerDownError } from '../worker/client.ts';
import { Query } from './query.svelte.ts';

export { STALE_CUE_MS } from './query.svelte.ts';

/** What the results need of the engine client (tests pass the engine in-process). */
export interface ResultsEngine {
  compute(scenario: Scenario): Promise<Results>;
  /** Starts a fresh worker after the client gave up. */
  retry?(): void;
  /** Calls back with true once the worker died too often in a row, false after a retry. */
  onWorkerDown?(listener: (down: boolean) => void): void;
}

export class ResultsState extends Query<Scenario, Results> {
  /** The engine worker kept dying; the app offers to try again. */
  workerDown = $state(false);
  readonly #engine: ResultsEngine;

  constructor(engine: ResultsEngine) {
    super((scenario) => engine.compute(scenario), { quiet: (error) => error instanceof WorkerDownError });
    this.#engine = engine;
    engine.onWorkerDown?.((down) => {
      this.workerDown = down;
    });
  }

  /** The results on screen, or null before the first answer. */
  get current(): Results | null {
    return this.answer?.value ?? null;
  }

  /** The scenario `current` was computed for. */
  get scenario(): Scenario | null {
    return this.answer?.input ?? null;
  }

  /** A fresh worker, and the last scenario asked again. */
  retry(): void {
    this.#engine.retry?.();
    this.again();
  }
}

// The engine's latest answer, with the scenario it answers: views render that
// scenario, never a newer one the worker has not answered yet, so a formula
// never prints the new churn next to the old CLV. Results are large and
// immutable: `$state.raw` keeps Svelte from proxying them.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';

/** How long an answer may lag the sliders before the page says so; shorter waits would only flicker. */
export const STALE_CUE_MS = 250;

export class ResultsState {
  current = $state.raw<Results | null>(null);
  /** The scenario `current` was computed for. */
  scenario = $state.raw<Scenario | null>(null);
  /** True while the worker computes or a request waits. */
  #pending = $state(false);
  /** True once the figures on screen have lagged the sliders for STALE_CUE_MS. */
  lagging = $state(false);
  /** The last engine error, shown as a notice; cleared by the next answer. */
  error = $state<string | null>(null);
  /** The engine worker kept dying; the app offers to try again. */
  workerDown = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;

  get pending(): boolean {
    return this.#pending;
  }

  set pending(busy: boolean) {
    this.#pending = busy;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (!busy) {
      this.lagging = false;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.lagging = this.#pending;
    }, STALE_CUE_MS);
  }

  receive(results: Results, scenario: Scenario | null = null): void {
    this.current = results;
    this.scenario = scenario;
    this.error = null;
  }

  fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
  }
}

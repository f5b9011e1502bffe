// The engine's latest answer. Results are large and immutable: `$state.raw`
// keeps Svelte from proxying them.
import type { Results } from '../engine/results.ts';

export class ResultsState {
  current = $state.raw<Results | null>(null);
  /** True while the worker computes or a request waits. */
  pending = $state(false);
  /** The last engine error, shown as a notice; cleared by the next answer. */
  error = $state<string | null>(null);
  /** The engine worker kept dying; the app offers to try again. */
  workerDown = $state(false);

  receive(results: Results): void {
    this.current = results;
    this.error = null;
  }

  fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
  }
}

// The typed contract between the main thread and the engine worker.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';

export interface EngineApi {
  /** Computes every figure for the scenario. The population is cached and only rebuilt when its keys change. */
  compute(scenario: Scenario): Promise<Results>;
  /** Computes several scenarios for a comparison, apart from the live one's cache. */
  computeMany(scenarios: readonly Scenario[]): Promise<Results[]>;
}

// The typed contract between the main thread and the engine worker.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';

export interface EngineApi {
  /** Computes every figure for the scenario. The population is cached and only rebuilt when its keys change. */
  compute(scenario: Scenario): Promise<Results>;
}

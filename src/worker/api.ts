// The typed contracts between the main thread and the workers.
import type { Scenario } from '../engine/parameters.ts';
import type { Results, TornadoResult } from '../engine/results.ts';
import type { SegmentSettings, SegmentsResult } from '../engine/scoring/segments.ts';
import type { KeyAccount, KeyAccountResult } from '../engine/keyAccount/index.ts';

export type { DataApi, DataProgress, DataImportOptions, DataImportOutcome, DataDetectOutcome } from '../data/session.ts';

/** The simulator's engine worker (engine.worker.ts). The Daten tab has its own worker (data.worker.ts, DataApi). */
export interface EngineApi {
  /** Computes every figure for the scenario. The population is cached and only rebuilt when its keys change. */
  compute(scenario: Scenario): Promise<Results>;
  /** Computes several scenarios for a comparison, apart from the live one's cache. */
  computeMany(scenarios: readonly Scenario[]): Promise<Results[]>;
  /** Scoring and segmentation (MODEL.md section 5) from the live scenario's cached population; summaries only. */
  segments(scenario: Scenario, settings: SegmentSettings): Promise<SegmentsResult>;
  /** The key account against the live scenario's cached portfolio. */
  keyAccount(scenario: Scenario, account: KeyAccount): Promise<KeyAccountResult>;
  /** Key accounts of compared scenarios, apart from the live one's cache (like computeMany). */
  keyAccountMany(requests: readonly { scenario: Scenario; account: KeyAccount }[]): Promise<KeyAccountResult[]>;
  /** "What moves the result most": decisionValue with each money slider moved by ±10 %, for each scenario. */
  tornadoMany(scenarios: readonly Scenario[]): Promise<TornadoResult[]>;
}

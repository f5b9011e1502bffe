// The worker is a thin shell: it exposes the engine through comlink and
// nothing else. The engine (with its cached population in typed arrays) is
// created once per worker, on first use, so a failure surfaces as a rejected
// request instead of a dead worker.
import { expose } from 'comlink';
import { createEngine, type Engine } from '../engine/index.ts';
import type { Scenario } from '../engine/parameters.ts';
import type { Results, TornadoResult } from '../engine/results.ts';
import type { SegmentSettings, SegmentsResult } from '../engine/scoring/segments.ts';
import type { EngineApi } from './api.ts';
import type { KeyAccount, KeyAccountResult } from '../engine/keyAccount/index.ts';
import { holdLifeline } from './lifeline.ts';

let engine: Engine | null = null;
/** Comparisons get their own engine, so they never evict the live scenario's population. */
let compareEngine: Engine | null = null;

const api: EngineApi = {
  compute(scenario: Scenario): Promise<Results> {
    try {
      engine ??= createEngine();
      return Promise.resolve(engine.compute(scenario));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  computeMany(scenarios: readonly Scenario[]): Promise<Results[]> {
    try {
      compareEngine ??= createEngine();
      const chosen = compareEngine;
      return Promise.resolve(scenarios.map((scenario) => chosen.compute(scenario)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  segments(scenario: Scenario, settings: SegmentSettings): Promise<SegmentsResult> {
    try {
      engine ??= createEngine();
      return Promise.resolve(engine.segments(scenario, settings));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  keyAccount(scenario: Scenario, account: KeyAccount): Promise<KeyAccountResult> {
    try {
      engine ??= createEngine();
      return Promise.resolve(engine.keyAccount(scenario, account));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  keyAccountMany(requests: readonly { scenario: Scenario; account: KeyAccount }[]): Promise<KeyAccountResult[]> {
    try {
      compareEngine ??= createEngine();
      const chosen = compareEngine;
      return Promise.resolve(requests.map(({ scenario, account }) => chosen.keyAccount(scenario, account)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  tornadoMany(scenarios: readonly Scenario[]): Promise<TornadoResult[]> {
    try {
      // The comparison's engine: ten moved scenarios each must not evict the live population.
      compareEngine ??= createEngine();
      const chosen = compareEngine;
      return Promise.resolve(scenarios.map((scenario) => chosen.tornado(scenario)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

holdLifeline(self);
expose(api);

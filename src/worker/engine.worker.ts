// The worker is a thin shell: it exposes the engine through comlink and
// nothing else. The engine (with its cached population in typed arrays) is
// created once per worker, on first use, so a failure surfaces as a rejected
// request instead of a dead worker (comlink turns a throw into a rejection).
import { expose } from 'comlink';
import { createEngine, type Engine } from '../engine/index.ts';
import type { EngineApi } from './api.ts';
import { holdLifeline } from './lifeline.ts';

let engine: Engine | null = null;
/** Comparisons (and the tornado's ten moved scenarios) get their own engine, so they never evict the live scenario's population. */
let compareEngine: Engine | null = null;

const live = (): Engine => (engine ??= createEngine());
const apart = (): Engine => (compareEngine ??= createEngine());

const api: EngineApi = {
  compute: async (scenario) => live().compute(scenario),
  computeMany: async (scenarios) => scenarios.map((scenario) => apart().compute(scenario)),
  segments: async (scenario, settings) => live().segments(scenario, settings),
  keyAccount: async (scenario, account) => live().keyAccount(scenario, account),
  keyAccountMany: async (requests) => requests.map(({ scenario, account }) => apart().keyAccount(scenario, account)),
  tornadoMany: async (scenarios) => scenarios.map((scenario) => apart().tornado(scenario)),
};

holdLifeline(self);
expose(api);

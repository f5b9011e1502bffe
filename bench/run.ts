// `npm run bench`: one JSON line per case on stdout, e.g.
// {"case":"recompute","n":1000000,"medianMs":..,"baselineMedianMs":..}.
// recompute = every portfolio and drop figure after a money slider moves
// (population cached, as in the worker); focusSweep = the 21-point sweep.
// IndexedDB for the scenarioList case; installing it globally changes nothing for the others.
import 'fake-indexeddb/auto';
import { createEngine } from '../src/engine/index.ts';
import { focusBase, focusSweep } from '../src/engine/focus.ts';
import { DEFAULTS, type Scenario } from '../src/engine/parameters.ts';
import { generatePopulation, populationKeysOf } from '../src/engine/population.ts';
import { rank } from '../src/engine/rank.ts';
import { DEFAULT_SEGMENT_SETTINGS } from '../src/engine/scoring/segments.ts';
import { sizeFactors, valuePortfolio } from '../src/engine/valuation.ts';
import { baselineRecompute, baselineTraits } from './baseline.ts';
import { DATA_CASES, runDataBenchmarks } from './data.ts';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * CPU time of this process for each run, beside the wall time: on a shared machine
 * (7 helpers on 2 cores) the wall time mostly measures the other processes, the CPU
 * time far less so. Set by `measure`, printed as cpuMedianMs.
 */
let lastCpuMedianMs = 0;

/** Runs `work` with a fresh money-slider value each time, after warm-up runs. */
function measure(repetitions: number, work: (step: number) => unknown): number {
  for (let w = 0; w < 2; w++) work(-1 - w);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    work(r);
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  lastCpuMedianMs = Number(median(cpu).toFixed(2));
  return Number(median(samples).toFixed(2));
}

/** A money slider moving: the order value steps by 1 each run. */
const moved = (base: Scenario, step: number): Scenario => ({ ...base, orderValue: 250 + (step % 50) });

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const only = process.argv[2];

if (!only || only === 'recompute') {
  for (const [n, repetitions, baselineRepetitions] of [
    [10_000, 40, 20],
    [100_000, 20, 7],
    [1_000_000, 9, 3],
  ] as const) {
    const scenario = { ...DEFAULTS, customers: n };
    const engine = createEngine();
    engine.computePortfolio(scenario);
    const medianMs = measure(repetitions, (step) => engine.computePortfolio(moved(scenario, step)));
    const cpuMedianMs = lastCpuMedianMs;
    const traits = baselineTraits(generatePopulation(populationKeysOf(scenario)));
    const baselineMedianMs = measure(baselineRepetitions, (step) => baselineRecompute(traits, moved(scenario, step)));
    print({ case: 'recompute', n, medianMs, baselineMedianMs, speedup: Number((baselineMedianMs / medianMs).toFixed(1)), cpuMedianMs });
  }
}

if (!only || only === 'focusSweep') {
  const n = 100_000;
  const scenario = { ...DEFAULTS, customers: n };
  const population = generatePopulation(populationKeysOf(scenario));
  const valuation = valuePortfolio(population, sizeFactors(population, scenario, null), scenario, null);
  const base = focusBase(valuation, rank(valuation.clv, true));
  const medianMs = measure(15, (step) => focusSweep(base, { ...scenario, stickiness: 0.5 + (step % 2) * 0.05 }));
  print({ case: 'focusSweep', n, points: 21, medianMs, cpuMedianMs: lastCpuMedianMs });
}

if (!only || only === 'fullCompute') {
  // Everything the worker does for one slider move, focus sweep included.
  for (const [n, repetitions] of [
    [10_000, 30],
    [100_000, 10],
    [1_000_000, 5],
  ] as const) {
    const scenario = { ...DEFAULTS, customers: n };
    const engine = createEngine();
    engine.compute(scenario);
    print({ case: 'fullCompute', n, medianMs: measure(repetitions, (step) => engine.compute(moved(scenario, step))), cpuMedianMs: lastCpuMedianMs });
  }
}

if (!only || only === 'segments') {
  // One change on the Segmente tab at 1M: the money slider moved, so scoring reruns on the cached population.
  const n = 1_000_000;
  const scenario = { ...DEFAULTS, customers: n };
  const engine = createEngine();
  engine.segments(scenario, DEFAULT_SEGMENT_SETTINGS);
  print({ case: 'segments', n, medianMs: measure(5, (step) => engine.segments(moved(scenario, step), DEFAULT_SEGMENT_SETTINGS)), cpuMedianMs: lastCpuMedianMs });
}

if (!only || only === 'population') {
  for (const n of [100_000, 1_000_000]) {
    const medianMs = measure(3, (step) => generatePopulation(populationKeysOf({ ...DEFAULTS, customers: n, seed: 2 + step + 3 })));
    print({ case: 'population', n, medianMs, cpuMedianMs: lastCpuMedianMs });
  }
}

if (!only || only === 'scenarioList') {
  // Listing 1,000 saved scenarios (IndexedDB through fake-indexeddb in Node),
  // searching and sorting them, and opening one: what the list view does.
  const { IDBFactory } = await import('fake-indexeddb');
  const { openScenarioStore } = await import('../src/persistence/store.ts');
  const { ScenarioLibrary, searchScenarios } = await import('../src/persistence/library.ts');
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  const { store } = await openScenarioStore(factory);
  const library = new ScenarioLibrary(store, { channel: undefined });
  const n = 1000;
  for (let k = 0; k < n; k++) {
    await library.saveAs(`Szenario ${k}`, { ...DEFAULTS, churnRate: 0.1 + (k % 50) / 100, focus: (k % 21) / 20 }, {
      clv: k,
      lifetimeProfit: k - 500,
      portfolioValue: k * 1000,
      top20RevenueShare: 0.75,
    });
  }
  const samples: number[] = [];
  for (let r = 0; r < 12; r++) {
    const started = performance.now();
    const { scenarios } = await library.list();
    const shown = searchScenarios(scenarios, '', r % 2 ? 'updated' : 'lifetimeProfit');
    await store.get(shown[0]?.id ?? '');
    samples.push(performance.now() - started);
  }
  library.close();
  print({ case: 'scenarioList', n, medianMs: Number(median(samples.slice(2)).toFixed(2)), storage: 'fake-indexeddb (Node)' });
}

if (!only || (DATA_CASES as readonly string[]).includes(only)) await runDataBenchmarks(print, only);

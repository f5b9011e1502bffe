// The engine's public face: one stateful object per worker (or CLI run) that
// keeps the population and its rankings between calls and recomputes every
// figure of MODEL.md sections 1-4 from a scenario.
import { afterPortfolio, decidesAnything } from './after.ts';
import { runningSums } from './curve.ts';
import { singleCustomer } from './customer.ts';
import { valueDeciles } from './deciles.ts';
import { decide, decisionPortfolio, decisionValueOnly, type DecisionPortfolio } from './decision.ts';
import { dropWorst } from './drop.ts';
import { focusBase, focusStrategy } from './focus.ts';
import { valueHistogram } from './histogram.ts';
import { MONEY_KEYS, PARAMETERS, type Scenario } from './parameters.ts';
import { paretoFigures, type ParetoFigures } from './pareto.ts';
import { generatePopulation, populationKeysOf, samePopulation, type Population } from './population.ts';
import { rank, rankInto } from './rank.ts';
import { computeSegments, type SegmentSettings, type SegmentsResult } from './scoring/segments.ts';
import { simulatedCustomers, type SimulatedCache } from './scoring/simulated.ts';
import type { DropResult, PortfolioResult, Results, TornadoBar, TornadoResult } from './results.ts';
import { sizeFactors, valuePortfolio, type SizeFactors, type Valuation } from './valuation.ts';
import { whaleFigures } from './whale.ts';
import { computeKeyAccount, portfolioReference, type KeyAccount, type KeyAccountResult } from './keyAccount/index.ts';

export interface Engine {
  compute(scenario: Scenario): Results;
  /** Sections 2 and 3 only: what a money slider costs without the focus sweep (for the benchmark). */
  computePortfolio(scenario: Scenario): { portfolio: PortfolioResult; drop: DropResult };
  /** Scoring and segmentation of MODEL.md section 5 on the same cached population (summaries only). */
  segments(scenario: Scenario, settings: SegmentSettings): SegmentsResult;
  /** The key account (issue 17) against the same cached portfolio. */
  keyAccount(scenario: Scenario, account: KeyAccount): KeyAccountResult;
  /** decisionValue alone (no sweep, no curves). */
  decisionValue(scenario: Scenario): number;
  /** "What moves the result most": decisionValue with each money slider moved by -step and +step. */
  tornado(scenario: Scenario, step?: number): TornadoResult;
}

/** Each money slider moves by this share of its value in the tornado chart. */
export const TORNADO_STEP = 0.1;

/** The scenario with one slider moved by a relative step, kept inside the slider's range. */
export function movedScenario(scenario: Scenario, key: (typeof MONEY_KEYS)[number], relative: number): Scenario {
  const spec = PARAMETERS[key];
  const value = scenario[key] ?? 0;
  return { ...scenario, [key]: Math.min(spec.max, Math.max(spec.min, value * (1 + relative))) };
}

/** Everything that depends only on the population: rebuilt when N, seed or spread change. */
interface PopulationCache {
  population: Population;
  /** Customers by revenue, smallest first: revenue = F V size, so money sliders never change it. */
  revenueAscending: Uint32Array;
  /** Each customer's position by revenue, largest first. */
  revenuePosition: Uint32Array;
  valueOrder: Uint32Array;
  /** Reused buffer for the values in value order, best first. */
  valueSorted: Float64Array;
  /** Reused buffer for the cumulative value in value order (length n + 1). */
  valuePrefix: Float64Array;
  /** Revenue concentration: revenue is F V size, so these shares never change with money sliders. */
  pareto: ParetoFigures;
}

function buildPopulationCache(scenario: Scenario): PopulationCache {
  const population = generatePopulation(populationKeysOf(scenario));
  const n = population.size;
  const revenueAscending = rank(population.customerSize, false);
  const revenuePosition = new Uint32Array(n);
  for (let k = 0; k < n; k++) revenuePosition[revenueAscending[k] as number] = n - 1 - k;
  const pareto = paretoFigures(population.customerSize, revenueAscending);
  return { population, revenueAscending, revenuePosition, valueOrder: new Uint32Array(n), valueSorted: new Float64Array(n), valuePrefix: new Float64Array(n + 1), pareto };
}

export function portfolioFigures(
  valuation: Valuation,
  pareto: ParetoFigures,
  valueOrder: Uint32Array,
  valuePrefix: Float64Array,
  acquisitionCost: number,
): PortfolioResult {
  const n = valuation.size;
  const sums = new Float64Array(3);
  totalsOf(valuation, sums);
  const revenue = sums[0] as number;
  const contribution = sums[1] as number;
  const negativeCount = sums[2] as number;
  const value = valuePrefix[n] as number;
  const middle = (n - 1) / 2;
  const medianClv =
    n === 0
      ? 0
      : ((valuation.clv[valueOrder[Math.floor(middle)] as number] as number) + (valuation.clv[valueOrder[Math.ceil(middle)] as number] as number)) / 2;
  return {
    totals: {
      customers: n,
      revenue,
      contribution,
      value,
      // As if every customer had been won at today's acquisition cost.
      lifetimeProfit: value - n * acquisitionCost,
      negativeCount,
      negativeShare: n > 0 ? negativeCount / n : 0,
      meanClv: n > 0 ? value / n : 0,
      medianClv,
      cappedCustomers: valuation.cappedCount,
    },
    ...pareto,
    ...whaleFigures(valuePrefix),
    deciles: valueDeciles(valueOrder, valuation.revenue, valuation.margin, valuePrefix),
    histogram: valueHistogram(valuation.clv, valueOrder),
  };
}

/** Revenue, contribution and the count of negative CLVs into `sums` (a loop of its own: see focus.ts markSegments). */
function totalsOf(valuation: Valuation, sums: Float64Array): void {
  const { revenue: revenueOf, margin, clv } = valuation;
  let revenue = 0;
  let contribution = 0;
  let negativeCount = 0;
  for (let i = 0; i < valuation.size; i++) {
    revenue += revenueOf[i] as number;
    contribution += margin[i] as number;
    if ((clv[i] as number) < 0) negativeCount++;
  }
  sums[0] = revenue;
  sums[1] = contribution;
  sums[2] = negativeCount;
}

export function createEngine(): Engine {
  let cache: PopulationCache | null = null;
  let factors: SizeFactors | null = null;
  let valuation: Valuation | null = null;
  let simulated: SimulatedCache | null = null;

  /** The per-customer values on the cached population (rebuilt when a population key changed). */
  function valued(scenario: Scenario): { cache: PopulationCache; valuation: Valuation } {
    if (cache === null || !samePopulation(cache.population.keys, populationKeysOf(scenario))) {
      cache = buildPopulationCache(scenario);
      factors = null;
      valuation = null;
    }
    factors = sizeFactors(cache.population, scenario, factors);
    valuation = valuePortfolio(cache.population, factors, scenario, valuation);
    return { cache, valuation };
  }

  function valueRanked(scenario: Scenario) {
    const { cache: held, valuation: values } = valued(scenario);
    const valueOrder = rankInto(values.clv, held.valueOrder, true, held.valueSorted);
    const valuePrefix = runningSums(held.valueSorted, valueOrder.length, held.valuePrefix);
    // Without any revenue the cached shares (of customer size) would not describe the portfolio.
    const pareto = scenario.ordersPerYear * scenario.orderValue > 0 ? held.pareto : paretoFigures(values.revenue, held.revenueAscending);
    const portfolio = portfolioFigures(values, pareto, valueOrder, valuePrefix, scenario.acquisitionCost);
    const drop = dropWorst({ valuation: values, valueOrder, valueSorted: held.valueSorted, valuePrefix, revenuePosition: held.revenuePosition }, scenario);
    return { valuation: values, valueOrder, valuePrefix, portfolio, drop };
  }

  function afterFigures(current: Valuation, valueOrder: Uint32Array, portfolio: DecisionPortfolio, drop: DropResult, scenario: Scenario): PortfolioResult {
    if (cache === null) throw new Error('population missing');
    const after = afterPortfolio({ valuation: current, valueOrder, portfolio, revenueAscending: cache.revenueAscending, drop }, scenario);
    return portfolioFigures(after.valuation, after.pareto, after.valueOrder, after.valuePrefix, scenario.acquisitionCost);
  }

  return {
    segments(scenario: Scenario, settings: SegmentSettings): SegmentsResult {
      // Scoring reads the per-customer values only: no ranking, portfolio or drop figures.
      const { cache: current, valuation: values } = valued(scenario);
      const { customers, cache: next } = simulatedCustomers(current.population, values, scenario, simulated);
      simulated = next;
      return computeSegments(customers, settings, scenario);
    },
    keyAccount(scenario: Scenario, account: KeyAccount): KeyAccountResult {
      const { valuation: current, valueOrder, valuePrefix } = valueRanked(scenario);
      return computeKeyAccount(account, scenario, portfolioReference(current.clv, current.revenue, valueOrder, valuePrefix));
    },
    decisionValue(scenario: Scenario): number {
      const { valuation, valueOrder, drop } = valueRanked(scenario);
      return decisionValueOnly({ portfolio: decisionPortfolio(valuation, valueOrder, drop, scenario), drop }, scenario);
    },
    tornado(scenario: Scenario, step: number = TORNADO_STEP): TornadoResult {
      const base = this.decisionValue(scenario);
      const bars = MONEY_KEYS.map((key): TornadoBar => {
        const down = movedScenario(scenario, key, -step);
        const up = movedScenario(scenario, key, step);
        const low = this.decisionValue(down);
        const high = this.decisionValue(up);
        return { key, lowInput: down[key] ?? 0, highInput: up[key] ?? 0, low, high, effect: Math.max(Math.abs(low - base), Math.abs(high - base)) };
      });
      bars.sort((a, b) => b.effect - a.effect);
      return { step, base, bars };
    },
    computePortfolio(scenario: Scenario) {
      const { portfolio, drop } = valueRanked(scenario);
      return { portfolio, drop };
    },
    compute(scenario: Scenario): Results {
      const started = performance.now();
      const { valuation, valueOrder, portfolio, drop } = valueRanked(scenario);
      const whole = focusBase(valuation, valueOrder);
      const focus = focusStrategy(whole, scenario);
      // Before `valuation` is overwritten by the next call: the decision reads it now.
      const decided = decisionPortfolio(valuation, valueOrder, drop, scenario, whole);
      const decision = decide({ portfolio: decided, drop, focus }, scenario);
      const after = decidesAnything(scenario) ? afterFigures(valuation, valueOrder, decided, drop, scenario) : undefined;
      return {
        customer: singleCustomer(scenario),
        portfolio,
        drop,
        focus,
        decision,
        ...(after ? { after } : {}),
        computeMs: performance.now() - started,
      };
    },
  };
}

/** One-shot computation for the CLI and tests. */
export function computeResults(scenario: Scenario): Results {
  return createEngine().compute(scenario);
}

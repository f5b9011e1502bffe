// The simulated portfolio as plain per-customer arrays for the scoring
// engine: the valuation of MODEL.md section 2 plus a simulated 24-month
// purchase history (history.ts) and seeded soft-factor traits (softFactors.ts).
import type { Scenario } from '../parameters.ts';
import type { Population } from '../population.ts';
import type { Valuation } from '../valuation.ts';
import { simulateHistory, spendOf, type PurchaseHistory } from './history.ts';
import { quintileScores, type RfmScores } from './rfm.ts';
import type { SegmentCustomers } from './segments.ts';
import { simulateSoftTraits, type SoftTraits } from './softFactors.ts';

/** Traits and history cached per population (and the two sliders the history depends on). */
export interface SimulatedCache {
  population: Population;
  soft: SoftTraits;
  /** Orders per year F the purchases were drawn for. */
  historyOrders: number;
  /** Order value V the spend figures were filled for. */
  historyOrderValue: number;
  history: PurchaseHistory;
  /** Recency and frequency quintiles of that history (monetary follows V and is scored each time). */
  historyScores: Pick<RfmScores, 'recency' | 'frequency'>;
  ordersPerYear: Float64Array;
  orderValue: Float64Array;
}

export function simulatedCustomers(
  population: Population,
  valuation: Valuation,
  scenario: Scenario,
  previous: SimulatedCache | null,
): { customers: SegmentCustomers; cache: SimulatedCache } {
  const n = population.size;
  const samePopulation = previous !== null && previous.population === population;
  const soft = samePopulation ? previous.soft : simulateSoftTraits(population.keys.seed, population.customerSize);
  let cache: SimulatedCache;
  if (samePopulation && previous.historyOrders === scenario.ordersPerYear) {
    if (previous.historyOrderValue === scenario.orderValue) {
      cache = previous;
    } else {
      // Only the spend figures depend on V: the purchases stay, so the draws are not repeated.
      const orderValue = scaled(population.orderValue, scenario.orderValue, previous.orderValue);
      cache = { ...previous, historyOrderValue: scenario.orderValue, orderValue, history: spendOf(previous.history, orderValue) };
    }
  } else {
    const ordersPerYear = scaled(population.frequency, scenario.ordersPerYear, null);
    const orderValue = scaled(population.orderValue, scenario.orderValue, null);
    const history = simulateHistory({ seed: population.keys.seed, ordersPerYear, orderValue, orderCostFactor: population.orderCost });
    const historyScores = { recency: quintileScores(history.recencyMonths, false), frequency: quintileScores(history.purchases, true) };
    cache = { population, soft, historyOrders: scenario.ordersPerYear, historyOrderValue: scenario.orderValue, history, historyScores, ordersPerYear, orderValue };
  }
  const { history } = cache;
  return {
    cache,
    customers: {
      size: n,
      revenue: valuation.revenue,
      contribution: valuation.margin,
      margin: valuation.margin,
      value: valuation.clv,
      annuity: valuation.annuity,
      serviceCost: valuation.serviceCost,
      annualCost: valuation.annualCost,
      churn: valuation.churn,
      cost: valuation.cost,
      ordersPerYear: cache.ordersPerYear,
      orderValue: cache.orderValue,
      recencyMonths: history.recencyMonths,
      purchases: history.purchases,
      averageOrderValue: history.averageOrderValue,
      returns: history.returns,
      catalogues: history.catalogues,
      mailings: history.mailings,
      monetary: history.monetary,
      soft,
      leadSeed: population.keys.seed,
      leads: null,
      historyScores: cache.historyScores,
    },
  };
}

/** factor x trait per customer, into `into` when it has the right length. */
function scaled(trait: Float64Array, factor: number, into: Float64Array | null): Float64Array {
  const out = into !== null && into.length === trait.length ? into : new Float64Array(trait.length);
  for (let i = 0; i < trait.length; i++) out[i] = factor * (trait[i] as number);
  return out;
}

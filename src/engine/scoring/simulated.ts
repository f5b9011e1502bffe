// The simulated portfolio as plain per-customer arrays for the scoring
// engine: the valuation of MODEL.md section 2 plus a simulated 24-month
// purchase history (history.ts) and seeded soft-factor traits (softFactors.ts).
import type { Scenario } from '../parameters.ts';
import type { Population } from '../population.ts';
import type { Valuation } from '../valuation.ts';
import { simulateHistory, type PurchaseHistory } from './history.ts';
import type { SegmentCustomers } from './segments.ts';
import { simulateSoftTraits, type SoftTraits } from './softFactors.ts';

/** Traits and history cached per population (and the two sliders the history depends on). */
export interface SimulatedCache {
  population: Population;
  soft: SoftTraits;
  historyKey: string;
  history: PurchaseHistory;
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
  const historyKey = `${scenario.ordersPerYear}|${scenario.orderValue}`;
  let cache: SimulatedCache;
  if (samePopulation && previous.historyKey === historyKey) {
    cache = previous;
  } else {
    const ordersPerYear = Float64Array.from(population.frequency, (phi) => scenario.ordersPerYear * phi);
    const orderValue = Float64Array.from(population.orderValue, (nu) => scenario.orderValue * nu);
    const history = simulateHistory({ seed: population.keys.seed, ordersPerYear, orderValue, orderCostFactor: population.orderCost });
    cache = { population, soft, historyKey, history, ordersPerYear, orderValue };
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
    },
  };
}

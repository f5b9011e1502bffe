// Per-customer values of the portfolio (MODEL.md section 2): each customer's
// traits turned into F_i, V_i, c_i, costs and margin rate, then the
// section-1 formulas. Arrays stay in the worker; only summaries leave it.
import { UNBOUNDED_CAP_YEARS, type Scenario } from './parameters.ts';
import type { Population } from './population.ts';
import { capMatters } from './customer.ts';
import { powInt } from './power.ts';

/** Lower and upper bound of a customer's churn rate, c_i = clamp(c kappa, 0.01, 1). */
export const MIN_CUSTOMER_CHURN = 0.01;
export const MAX_CUSTOMER_CHURN = 1;

export interface Valuation {
  readonly size: number;
  /** Annual revenue F_i V_i. */
  readonly revenue: Float64Array;
  /** Annual contribution margin II, m_i. */
  readonly margin: Float64Array;
  /** Annual order and service costs, F_i s_o_i + s_y_i. */
  readonly annualCost: Float64Array;
  /** Annual service load s_y_i (for "fix instead of drop"). */
  readonly serviceCost: Float64Array;
  /** Margin rate g_i. */
  readonly marginRate: Float64Array;
  /** Customer churn rate c_i. */
  readonly churn: Float64Array;
  /** Expected discounted years: CLV_i = m_i * annuity_i. */
  readonly annuity: Float64Array;
  /** CLV_i before acquisition cost (the value of an existing customer). */
  readonly clv: Float64Array;
  /** Expected discounted order and service costs over the horizon (MODEL section 3: cost_i). */
  readonly cost: Float64Array;
  /** Customers whose unlimited-horizon sum the 100-year cap changes (see capMatters). */
  readonly cappedCount: number;
}

export function clampChurn(c: number): number {
  return c < MIN_CUSTOMER_CHURN ? MIN_CUSTOMER_CHURN : c > MAX_CUSTOMER_CHURN ? MAX_CUSTOMER_CHURN : c;
}

/**
 * Expected discounted years of a customer with churn c: (1 - q^H) / (1 - q) / (1 + d),
 * q = (1 - c)(1 + u)/(1 + d): the per-customer twin of `annuityFactor` in
 * customer.ts, with the whole-year power for speed. H is always whole
 * (the horizon, or the 100-year cap of an unlimited one).
 */
export function annuityOf(churn: number, growthFactor: number, discountFactor: number, horizon: number | null): number {
  const q = ((1 - churn) * growthFactor) / discountFactor;
  const years = horizon ?? UNBOUNDED_CAP_YEARS;
  if (Math.abs(1 - q) < 1e-12) return years / discountFactor;
  return (1 - powInt(q, years)) / (1 - q) / discountFactor;
}

/**
 * Factors that depend on the population and one advanced elasticity only,
 * cached so that a money slider costs no Math.pow per customer for them.
 */
export interface SizeFactors {
  readonly sizeDiscountElasticity: number;
  readonly serviceSizeElasticity: number;
  /** size^(-delta): the margin rate falls with size. */
  readonly marginFactor: Float64Array;
  /** chi * size^(e_S): service load grows with size. */
  readonly serviceFactor: Float64Array;
}

export function sizeFactors(population: Population, s: Scenario, previous: SizeFactors | null): SizeFactors {
  const n = population.size;
  const reuse = previous !== null && previous.marginFactor.length === n;
  const marginFactor =
    reuse && previous.sizeDiscountElasticity === s.sizeDiscountElasticity ? previous.marginFactor : new Float64Array(n);
  const serviceFactor =
    reuse && previous.serviceSizeElasticity === s.serviceSizeElasticity ? previous.serviceFactor : new Float64Array(n);
  if (marginFactor !== previous?.marginFactor) {
    for (let i = 0; i < n; i++) marginFactor[i] = Math.pow(population.customerSize[i] as number, -s.sizeDiscountElasticity);
  }
  if (serviceFactor !== previous?.serviceFactor) {
    for (let i = 0; i < n; i++) {
      serviceFactor[i] = (population.serviceLoad[i] as number) * Math.pow(population.customerSize[i] as number, s.serviceSizeElasticity);
    }
  }
  return {
    sizeDiscountElasticity: s.sizeDiscountElasticity,
    serviceSizeElasticity: s.serviceSizeElasticity,
    marginFactor,
    serviceFactor,
  };
}

function allocate(n: number, previous: Valuation | null): Valuation {
  if (previous !== null && previous.size === n) return previous;
  return {
    size: n,
    revenue: new Float64Array(n),
    margin: new Float64Array(n),
    annualCost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    marginRate: new Float64Array(n),
    churn: new Float64Array(n),
    annuity: new Float64Array(n),
    clv: new Float64Array(n),
    cost: new Float64Array(n),
    cappedCount: 0,
  };
}

/**
 * Customer i: F_i = F phi, V_i = V nu, c_i = clamp(c kappa, 0.01, 1),
 * order cost s_o psi, service load s_y chi size^e_S, g_i = min(1, g size^-delta).
 * `previous` arrays of the same size are overwritten in place.
 */
export function valuePortfolio(population: Population, factors: SizeFactors, s: Scenario, previous: Valuation | null): Valuation {
  const n = population.size;
  const v = allocate(n, previous);
  const cappedCount = valueCustomers(population, factors, s, v);
  // Written out rather than spread: the same object shape as `allocate`'s, so the loops reading it stay compiled.
  const { revenue, margin, annualCost, serviceCost, marginRate, churn, annuity, clv, cost } = v;
  return { size: n, revenue, margin, annualCost, serviceCost, marginRate, churn, annuity, clv, cost, cappedCount };
}

/**
 * The per-customer loop of valuePortfolio, writing into `v`; returns how many customers the cap
 * changes. A function of its own with nothing after the loop: V8 compiles a long loop while it
 * runs, and code after it that had not run yet made every call throw that compiled loop away.
 */
function valueCustomers(population: Population, factors: SizeFactors, s: Scenario, v: Valuation): number {
  const n = population.size;
  const growthFactor = 1 + s.growthRate;
  const discountFactor = 1 + s.discountRate;
  // The inputs as locals: one property load each instead of one per customer, on every slider move.
  const unlimited = s.horizon === null;
  const { ordersPerYear, orderValue: baseOrderValue, marginRate, costPerOrder, serviceCostPerYear, churnRate } = s;
  const { frequency, orderValue: orderValueFactor, orderCost: orderCostFactor, churn: churnFactor } = population;
  const { marginFactor, serviceFactor } = factors;
  const { revenue: revenueOut, margin: marginOut, annualCost, serviceCost, marginRate: rateOut, churn: churnOut, annuity: annuityOut, clv, cost } = v;
  let cappedCount = 0;
  for (let i = 0; i < n; i++) {
    const orders = ordersPerYear * (frequency[i] as number);
    const orderValue = baseOrderValue * (orderValueFactor[i] as number);
    // g * size^-delta with size -> 0 would be 0 * Infinity when g = 0.
    const rate = marginRate === 0 ? 0 : Math.min(1, marginRate * (marginFactor[i] as number));
    const orderCosts = orders * costPerOrder * (orderCostFactor[i] as number);
    const service = serviceCostPerYear * (serviceFactor[i] as number);
    const revenue = orders * orderValue;
    const margin = revenue * rate - orderCosts - service;
    const churn = clampChurn(churnRate * (churnFactor[i] as number));
    const annuity = annuityOf(churn, growthFactor, discountFactor, s.horizon);
    if (unlimited && capMatters(((1 - churn) * growthFactor) / discountFactor)) cappedCount++;
    revenueOut[i] = revenue;
    marginOut[i] = margin;
    annualCost[i] = orderCosts + service;
    serviceCost[i] = service;
    rateOut[i] = rate;
    churnOut[i] = churn;
    annuityOut[i] = annuity;
    clv[i] = margin * annuity;
    cost[i] = (orderCosts + service) * annuity;
  }
  return cappedCount;
}

// Customer lifetime value from the fitted models (issue 7, scope 4):
//
//   CLV = m * E[Z | x, mbar] * sum_{k=1..K} (E[Y(t_k)] - E[Y(t_{k-1})]) / (1 + d)^(t_k / P)
//         - s * D(x, t_x, T)
//
// with E[Y(t)] = E[Y(t) | x, t_x, T] the BG/NBD expected purchases in the
// next t periods, E[Z | x, mbar] the Gamma-Gamma expected spend per purchase,
// m the margin rate (share of revenue that is profit; 1 gives a revenue CLV),
// d the annual discount rate, P periods per year, t_k = min(k * step, horizon)
// (purchases expected within each step are discounted to the step's end),
// s the cost to serve per customer and year she is alive and D her expected
// discounted years alive over the horizon (aliveTime.ts; 0 when s = 0).
// This is the discrete form of lifetimes' customer_lifetime_value (monthly
// steps there), so figures are comparable.
import { discountedYearsAlive } from './aliveTime.ts';
import { conditionalExpectedPurchases, type BgNbdParameters } from './bgnbd.ts';
import { conditionalExpectedAverageProfit, type GammaGammaParameters } from './gammaGamma.ts';

export interface ClvOptions {
  /** Horizon in periods of the time unit (52 weeks = one year). */
  horizon: number;
  /** Annual discount rate, e.g. 0.1 for 10 %. */
  annualDiscountRate: number;
  /** Periods of the time unit per year (365.25 / 7 for weeks, 365.25 for days). */
  periodsPerYear: number;
  /** Discounting step in periods (a month by default). */
  step: number;
  /** Profit share of revenue. */
  marginRate: number;
  /** Cost to serve per customer and year alive (0: none); subtracted over the customer's expected discounted years alive. */
  serviceCost: number;
}

const WEEKS_PER_YEAR = 365.25 / 7;

/** One year ahead, 10 % a year, monthly steps, revenue (margin rate 1); in weeks. */
export const CLV_DEFAULTS: ClvOptions = {
  horizon: WEEKS_PER_YEAR,
  annualDiscountRate: 0.1,
  periodsPerYear: WEEKS_PER_YEAR,
  step: WEEKS_PER_YEAR / 12,
  marginRate: 1,
  serviceCost: 0,
};

/** The same defaults for data summarised in days. */
export const CLV_DEFAULTS_DAYS: ClvOptions = { horizon: 365.25, annualDiscountRate: 0.1, periodsPerYear: 365.25, step: 365.25 / 12, marginRate: 1, serviceCost: 0 };

/**
 * The customer's expected purchases over the horizon, each step's discounted
 * to its end: the CLV per unit of margin and spend, which depends on the
 * BG/NBD and the customer's (x, t_x, T) alone.
 */
export function discountedPurchases(bgnbd: BgNbdParameters, x: number, tx: number, T: number, options: ClvOptions = CLV_DEFAULTS): number {
  if (!(options.horizon > 0)) return 0;
  // A non-positive step would never reach the horizon: take the horizon in one step.
  const step = options.step > 0 ? options.step : options.horizon;
  let discounted = 0;
  let before = 0;
  for (let t = Math.min(step, options.horizon); ; t = Math.min(t + step, options.horizon)) {
    const expected = conditionalExpectedPurchases(bgnbd, t, x, tx, T);
    discounted += (expected - before) / (1 + options.annualDiscountRate) ** (t / options.periodsPerYear);
    before = expected;
    if (t >= options.horizon) break;
  }
  return discounted;
}

export function customerLifetimeValue(
  bgnbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  customer: { x: number; tx: number; T: number; mbar: number },
  options: ClvOptions = CLV_DEFAULTS,
): number {
  const { x, tx, T, mbar } = customer;
  if (!(options.horizon > 0)) return 0;
  const value = options.marginRate * conditionalExpectedAverageProfit(gammaGamma, x, mbar) * discountedPurchases(bgnbd, x, tx, T, options);
  return options.serviceCost > 0 ? value - options.serviceCost * discountedYearsAlive(bgnbd, x, tx, T, options) : value;
}

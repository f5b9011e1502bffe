// The imported (real) customers as the engine's `Valuation` (issue 7, scope 3;
// MODEL.md sections 3, 4 and 6), so that dropWorst (engine/drop.ts),
// focusBase/focusStrategy (engine/focus.ts) and valueHistogram run unchanged
// on real data. Every mapping, per customer i (Y = years the data covers,
// g = the forecast's contribution rate, d = its discount rate, H its horizon,
// s its cost to serve per customer and year alive, D_i the customer's
// expected discounted years alive over H, aliveTime.ts):
//
//   revenue_i    = observed revenue_i / Y                       (per year)
//   marginRate_i = g
//   clv_i        = the forecast CLV of clv.ts, net of s * D_i (0 for
//                  customers without a forecast, and 0 where the forecast is
//                  not a finite number, counted in missingForecasts), so
//                  whale curve and drop agree with the forecast
//   annuity_i    = (clv_i + s * D_i) / (g * revenue_i) when g * revenue_i > 0:
//                  the forecast's discounted years of activity at the
//                  observed yearly rate (the CLV before the cost to serve
//                  over a year's contribution); else sum_{k=1..H'} (1 + d)^-k,
//                  H' = max(1, round(H))
//   serviceCost_i = s * D_i / annuity_i (0 when annuity_i = 0): the cost to
//                  serve per year of that annuity, so that serviceCost_i *
//                  annuity_i is exactly the forecast's s * D_i; the service
//                  load "cut service" acts on
//   margin_i     = g * revenue_i - serviceCost_i, the contribution after the
//                  cost to serve (it may be negative)
//   annualCost_i = cost column_i / Y when a cost column is mapped (read as
//                  order cost, cost per purchase row), else 0; plus
//                  serviceCost_i
//   cost_i       = annualCost_i * annuity_i   (the costs follow the forecast:
//                  a customer the model thinks is gone costs nothing more)
//   churn_i      = clamp(1 - (1 - p_i)^(E_i), 0.01, 1), with
//                  p_i = a / (a + b + x_i)   the posterior mean of the
//                                            dropout probability of a customer
//                                            who is still alive (Beta(a, b + x))
//                  E_i = (r + x_i) / (alpha + T_i) * P   the posterior mean
//                                            purchase rate, over one year (P =
//                                            periods per year)
//                  An approximation of P(no longer alive a year from now |
//                  alive now): BG/NBD customers drop out only right after a
//                  purchase, with probability p each time, so a year with E
//                  purchases survives with (1 - p)^E (posterior means plugged
//                  in instead of integrating over lambda and p). Only the
//                  focus response uses it (focusValuation); values use D_i.
//
// Why margin_i subtracts the cost to serve s but not the cost column: the
// forecast CLV is g times the forecast revenue minus s * D_i and nothing
// else, so g has to be read as the contribution after the order costs, and
// the cost column tells how much of those costs could stay behind (the
// sticky share).
// With g * revenue_i > 0 the engine's contract clv_i = margin_i * annuity_i
// holds, with a cost to serve or without.
//
// The focus response (focusValuation) needs each customer in the simulator's
// retention model (annuity from churn, engine/valuation.ts annuityOf): the
// same clv_i and cost_i, re-expressed per year of that model.
import { annuityOf, clampChurn, type Valuation } from '../engine/valuation.ts';
import type { BgNbdParameters } from './bgnbd.ts';
import type { TransactionTable } from './table.ts';

export interface RealCustomers {
  /** Observed revenue per customer over the whole data set. */
  revenue: ArrayLike<number>;
  /** Cost column total per customer; null without a mapped cost column. */
  cost: ArrayLike<number> | null;
  /** Forecast CLV per customer (clv.ts); 0 for customers without a forecast. */
  clv: ArrayLike<number>;
  /** Repeat purchases x and age T in the time unit (0 for customers without a forecast). */
  frequency: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Expected discounted years alive D_i (aliveTime.ts; 0 without a forecast); null without a cost to serve. */
  yearsAlive: ArrayLike<number> | null;
}

export interface RealValuationSettings {
  /** Years the data covers (Y). */
  observedYears: number;
  /** The forecast's contribution rate g. */
  marginRate: number;
  annualDiscountRate: number;
  /** The forecast horizon in years. */
  horizonYears: number;
  /** Cost to serve per customer and year alive, s (0: none). */
  serviceCost: number;
  /** Periods of the time unit per year (365.25 / 7 for weeks). */
  periodsPerYear: number;
  bgnbd: BgNbdParameters;
}

/** Whole years the engine counts: H' = max(1, round(H)). */
export function engineHorizon(horizonYears: number): number {
  return Math.max(1, Math.round(Number.isFinite(horizonYears) ? horizonYears : 1));
}

/** 1 - P(alive a year from now | alive now) ~ 1 - (1 - a/(a+b+x))^((r+x)/(alpha+T) P), clamped like the engine. */
export function yearlyChurn(bgnbd: BgNbdParameters, x: number, T: number, periodsPerYear: number): number {
  const dropout = bgnbd.a / (bgnbd.a + bgnbd.b + x);
  const purchases = ((bgnbd.r + x) / (bgnbd.alpha + T)) * periodsPerYear;
  const churn = 1 - Math.pow(1 - dropout, purchases);
  return clampChurn(Number.isFinite(churn) ? churn : 1);
}

/** Customers whose forecast CLV is not a finite number (realValuation counts them as 0). */
export function missingForecasts(clv: ArrayLike<number>): number {
  let missing = 0;
  for (let i = 0; i < clv.length; i++) if (!Number.isFinite(clv[i])) missing++;
  return missing;
}

export function realValuation(customers: RealCustomers, s: RealValuationSettings): Valuation {
  const n = customers.revenue.length;
  if (
    customers.clv.length !== n ||
    customers.frequency.length !== n ||
    customers.T.length !== n ||
    (customers.cost !== null && customers.cost.length !== n) ||
    (customers.yearsAlive !== null && customers.yearsAlive.length !== n)
  ) {
    throw new RangeError('every customer needs revenue, clv, frequency, T (and cost and years alive when given)');
  }
  const years = s.observedYears > 0 ? s.observedYears : 1;
  const fullHorizon = annuityOf(0, 1, 1 + s.annualDiscountRate, engineHorizon(s.horizonYears));
  const v: Valuation = {
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
  const service = s.serviceCost > 0 ? s.serviceCost : 0;
  const yearsAlive = service > 0 ? customers.yearsAlive : null;
  if (service > 0 && yearsAlive === null) throw new RangeError("a cost to serve needs every customer's years alive");
  for (let i = 0; i < n; i++) {
    const revenue = (customers.revenue[i] as number) / years;
    const forecast = customers.clv[i] as number;
    const clv = Number.isFinite(forecast) ? forecast : 0;
    const alive = yearsAlive === null ? 0 : (yearsAlive[i] as number);
    const served = Number.isFinite(alive) && alive > 0 ? service * alive : 0;
    const contribution = s.marginRate * revenue;
    const beforeService = clv + served;
    const annuity = contribution > 0 && beforeService >= 0 ? beforeService / contribution : fullHorizon;
    const serviceCost = annuity > 0 ? served / annuity : 0;
    const margin = contribution - serviceCost;
    const annualCost = (customers.cost === null ? 0 : (customers.cost[i] as number) / years) + serviceCost;
    v.serviceCost[i] = serviceCost;
    v.revenue[i] = revenue;
    v.margin[i] = margin;
    v.marginRate[i] = s.marginRate;
    v.annualCost[i] = annualCost;
    v.clv[i] = clv;
    v.annuity[i] = annuity;
    v.cost[i] = annualCost * annuity;
    v.churn[i] = yearlyChurn(s.bgnbd, customers.frequency[i] as number, customers.T[i] as number, s.periodsPerYear);
  }
  return v;
}

/**
 * The valuation the focus response works on: focus.ts recomputes each
 * customer's annuity from churn, A_i = annuityOf(c_i, 1, 1 + d, H'), so the
 * yearly figures are rescaled by rho_i = annuity_i / A_i. clv_i = margin_i * A_i
 * and cost_i = annualCost_i * A_i stay what they were: at f = 0 with no care
 * budget the sweep gives back the forecast total, and a customer the model
 * thinks is gone (clv ~ 0) is not brought back by care.
 */
export function focusValuation(v: Valuation, annualDiscountRate: number, horizonYears: number): Valuation {
  const n = v.size;
  const horizon = engineHorizon(horizonYears);
  const out: Valuation = {
    ...v,
    revenue: new Float64Array(n),
    margin: new Float64Array(n),
    annualCost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    annuity: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const retained = annuityOf(v.churn[i] as number, 1, 1 + annualDiscountRate, horizon);
    const rho = (v.annuity[i] as number) / retained;
    out.annuity[i] = retained;
    out.revenue[i] = (v.revenue[i] as number) * rho;
    out.margin[i] = (v.margin[i] as number) * rho;
    out.annualCost[i] = (v.annualCost[i] as number) * rho;
    out.serviceCost[i] = (v.serviceCost[i] as number) * rho;
  }
  return out;
}

/** The cost column summed per customer (rows after `lastDay` left out, as summary.ts does); null without a cost column. */
export function costByCustomer(table: TransactionTable, customers: number, lastDay: number): Float64Array | null {
  if (table.cost === null) return null;
  const cost = new Float64Array(customers);
  for (let row = 0; row < table.rows; row++) {
    if ((table.day[row] as number) > lastDay) continue;
    const c = table.customer[row] as number;
    cost[c] = (cost[c] as number) + (table.cost[row] as number);
  }
  return cost;
}

/** Values of the calibration customers spread onto all `customers` of the summary (index: their positions there); 0 for the rest, who have no forecast. */
export function perSummaryCustomer(values: ArrayLike<number>, index: ArrayLike<number>, customers: number): Float64Array {
  const out = new Float64Array(customers);
  for (let k = 0; k < index.length; k++) out[index[k] as number] = values[k] as number;
  return out;
}

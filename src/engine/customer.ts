// One customer (MODEL.md section 1): annual contribution, discounted CLV,
// payback, the J-curve and "what becomes of 100 customers you win".
import { CAP_NOTICE_TAIL, UNBOUNDED_CAP_YEARS, type Scenario } from './parameters.ts';
import { geometricSum, power } from './power.ts';
import { clvConventions } from './conventions.ts';
import type { CustomerResult, JCurvePoint, LifetimeGroup } from './results.ts';

/** Years shown for an unlimited horizon in the J-curve and lifetime bars. */
export const DISPLAY_YEARS_UNLIMITED = 30;

export interface AnnuityFactor {
  /** Multiplier turning an annual amount m into its expected discounted sum: CLV = m * factor. */
  factor: number;
  /** Years summed where that matters; null = unlimited, and the cap changes the figure by less than CAP_NOTICE_TAIL. */
  yearsCounted: number | null;
  /** Unlimited horizon where the cap matters: q >= 1 (the sum diverges) or q^100 >= CAP_NOTICE_TAIL. */
  unbounded: boolean;
}

/** Whether the 100-year cap of an unlimited horizon changes a sum with ratio q by CAP_NOTICE_TAIL or more. */
export function capMatters(q: number): boolean {
  return q >= 1 || power(q, UNBOUNDED_CAP_YEARS) >= CAP_NOTICE_TAIL;
}

/**
 * CLV = m / (1 + d) * (1 - q^H) / (1 - q) (MODEL.md section 1). An unlimited
 * horizon counts UNBOUNDED_CAP_YEARS years for every q: where the sum
 * converges fast that is the closed form m / (1 + d) / (1 - q) to 0.01 %;
 * where it does not (q near or above 1) the cap is flagged instead of the
 * figure running off to 1 / c or Infinity.
 */
export function annuityFactor(q: number, discountRate: number, horizon: number | null): AnnuityFactor {
  const discount = 1 + discountRate;
  const years = horizon ?? UNBOUNDED_CAP_YEARS;
  const factor = geometricSum(q, years) / discount;
  if (horizon !== null) return { factor, yearsCounted: horizon, unbounded: false };
  const unbounded = capMatters(q);
  return { factor, yearsCounted: unbounded ? UNBOUNDED_CAP_YEARS : null, unbounded };
}

/** m = F * (V * g - s_o) - s_y */
export function annualMargin(s: Pick<Scenario, 'ordersPerYear' | 'orderValue' | 'marginRate' | 'costPerOrder' | 'serviceCostPerYear'>): number {
  return s.ordersPerYear * (s.orderValue * s.marginRate - s.costPerOrder) - s.serviceCostPerYear;
}

/** q = r (1 + u) / (1 + d) */
export function survivalDiscount(churnRate: number, growthRate: number, discountRate: number): number {
  return ((1 - churnRate) * (1 + growthRate)) / (1 + discountRate);
}

/**
 * Payback: the first moment the cumulative expected discounted margin reaches
 * A, linearly interpolated within the year; null if not within the years searched.
 */
export function paybackYears(margin: number, q: number, discountRate: number, acquisitionCost: number, maxYears: number): number | null {
  if (acquisitionCost <= 0) return 0;
  if (margin <= 0) return null;
  let cumulative = 0;
  let yearly = margin / (1 + discountRate);
  for (let year = 1; year <= maxYears; year++) {
    const next = cumulative + yearly;
    if (next >= acquisitionCost) return year - 1 + (acquisitionCost - cumulative) / yearly;
    cumulative = next;
    yearly *= q;
    // A converging series that can no longer reach A: stop early.
    if (q < 1 && cumulative + yearly / (1 - q) < acquisitionCost) return null;
  }
  return null;
}

/** Realised discounted profit of a customer who stays exactly `years` years: m/(1+d) (1-w^l)/(1-w) - A. */
export function realisedProfit(margin: number, w: number, discountRate: number, acquisitionCost: number, years: number): number {
  return (margin / (1 + discountRate)) * geometricSum(w, years) - acquisitionCost;
}

export function singleCustomer(s: Scenario): CustomerResult {
  const margin = annualMargin(s);
  const retention = 1 - s.churnRate;
  const q = survivalDiscount(s.churnRate, s.growthRate, s.discountRate);
  const annuity = annuityFactor(q, s.discountRate, s.horizon);
  const clv = margin * annuity.factor;
  const searchYears = s.horizon ?? UNBOUNDED_CAP_YEARS;
  const displayYears = s.horizon ?? DISPLAY_YEARS_UNLIMITED;

  const lifetimeCap = s.horizon ?? Number.POSITIVE_INFINITY;
  const meanLifetime = s.churnRate > 0 ? 1 / s.churnRate : Number.POSITIVE_INFINITY;
  const cappedLifetime = Math.min(meanLifetime, lifetimeCap);
  // With an unlimited horizon a lifetime past the cap (c -> 0) is reported unbounded, like the CLV sum.
  const expectedLifetimeYears = cappedLifetime <= (s.horizon ?? UNBOUNDED_CAP_YEARS) ? cappedLifetime : null;
  const simpleLifetimeYears = expectedLifetimeYears ?? UNBOUNDED_CAP_YEARS;
  const unbounded = annuity.unbounded || expectedLifetimeYears === null;

  const jCurve: JCurvePoint[] = [{ year: 0, margin: 0, cumulative: -s.acquisitionCost }];
  let cumulative = -s.acquisitionCost;
  let yearly = margin / (1 + s.discountRate);
  for (let year = 1; year <= displayYears; year++) {
    cumulative += yearly;
    jCurve.push({ year, margin: yearly, cumulative });
    yearly *= q;
  }

  const w = (1 + s.growthRate) / (1 + s.discountRate);
  const lifetimes = lifetimeGroups(margin, retention, w, s, displayYears);
  const paybackLifetime = firstPayingLifetime(margin, w, s, searchYears);

  return {
    annualRevenue: s.ordersPerYear * s.orderValue,
    annualContribution1: s.ordersPerYear * s.orderValue * s.marginRate,
    annualOrderCost: s.ordersPerYear * s.costPerOrder,
    annualMargin: margin,
    retention,
    q,
    yearsCounted: annuity.yearsCounted,
    unbounded,
    clv,
    lifetimeProfit: clv - s.acquisitionCost,
    paybackYears: paybackYears(margin, q, s.discountRate, s.acquisitionCost, searchYears),
    expectedLifetimeYears,
    simpleLifetimeYears,
    simpleLifetimeProfit: margin * simpleLifetimeYears - s.acquisitionCost,
    jCurve,
    lifetimes,
    paybackLifetime,
    // P(L >= l*) = r^(l* - 1): the share of won customers who ever pay back.
    paybackProbability: paybackLifetime === null ? 0 : Math.pow(retention, paybackLifetime - 1),
    conventions: clvConventions(s, margin, clv),
  };
}

function firstPayingLifetime(margin: number, w: number, s: Scenario, maxYears: number): number | null {
  for (let years = 1; years <= maxYears; years++) {
    if (realisedProfit(margin, w, s.discountRate, s.acquisitionCost, years) >= 0) return years;
  }
  return null;
}

/**
 * P(L = l) = r^(l-1) c. The last group holds everyone who stays at least
 * `groups` years: with a finite horizon they all earn the horizon's profit;
 * with an unlimited one their expected profit uses the memoryless tail
 * E[sum | L >= n] = m/(1+d) [(1 - w^(n-1))/(1 - w) + w^(n-1)/(1 - w r)].
 */
function lifetimeGroups(margin: number, retention: number, w: number, s: Scenario, groups: number): LifetimeGroup[] {
  const result: LifetimeGroup[] = [];
  const churn = 1 - retention;
  for (let years = 1; years < groups; years++) {
    result.push({
      years,
      share: Math.pow(retention, years - 1) * churn,
      profit: realisedProfit(margin, w, s.discountRate, s.acquisitionCost, years),
    });
  }
  const tailShare = Math.pow(retention, groups - 1);
  let tailProfit = realisedProfit(margin, w, s.discountRate, s.acquisitionCost, groups);
  if (s.horizon === null) {
    // Those who stay `groups` years or more earn w^(t-1) in year t while they stay, up to the cap:
    // E[sum_{t=n}^{min(L, cap)} w^(t-1) | L >= n] = w^(n-1) (1 - (wr)^(cap-n+1)) / (1 - wr).
    const tail = geometricSum(w * retention, UNBOUNDED_CAP_YEARS - groups + 1);
    tailProfit =
      (margin / (1 + s.discountRate)) * (geometricSum(w, groups - 1) + Math.pow(w, groups - 1) * tail) - s.acquisitionCost;
  }
  result.push({ years: groups, share: tailShare, profit: tailProfit });
  return result;
}

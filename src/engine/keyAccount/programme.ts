// The key-account programme as an investment (the J-curve and payback of
// MODEL.md section 1, for an account instead of one new customer). The
// programme costs A_p once at t = 0 and C every year; it wins Delta points of
// each entity's potential per year, never beyond the potential:
//   R_e(t) = min(P_e', R_e + t Delta P_e')               t = 1, 2, ...
// The extra revenue earns gamma_e and survives like the entity (q_e); the
// programme's cost is paid every year whichever entities stay:
//   E[net_t] = sum_e (R_e(t) - R_e) gamma_e (r_e (1 + u))^(t-1) / (1 + d)^t - C / (1 + d)^t
//   J(0) = -A_p,  J(t) = J(t - 1) + E[net_t]
// Doing nothing is the zero line (revenue stays R_e). Payback: the first
// moment J reaches 0 from below, interpolated within the year; null = never
// within the horizon.
import { DISPLAY_YEARS_UNLIMITED } from '../customer.ts';
import { UNBOUNDED_CAP_YEARS } from '../parameters.ts';
import type { KeyAccountProgramme } from './account.ts';
import type { EntityValue, ValuationScenario } from './value.ts';

export interface ProgrammeYear {
  year: number;
  /** Revenue of the whole account with the programme (sum_e R_e(t)). */
  revenue: number;
  /** Revenue without it (doing nothing). */
  revenueWithout: number;
  /** Expected discounted extra margin of the year. */
  gain: number;
  /** Discounted programme cost of the year (A_p at year 0). */
  cost: number;
  /** gain - cost. */
  net: number;
  /** J(t). */
  cumulative: number;
}

export interface ProgrammeResult {
  /** Year 0 to the horizon (30 years shown for an unlimited one). */
  years: ProgrammeYear[];
  /** J at the horizon: what the programme adds over doing nothing. */
  value: number;
  paybackYears: number | null;
  /** Year from which every entity is at its potential; null if not within the years counted. */
  saturatedFrom: number | null;
  /** Unlimited horizon without discounting: the sum was capped at UNBOUNDED_CAP_YEARS. */
  unbounded: boolean;
}

/** R_e(t) = min(P_e', R_e + t Delta P_e'). */
export function programmeRevenue(entity: Pick<EntityValue, 'potential' | 'revenue'>, gain: number, year: number): number {
  return Math.min(entity.potential, entity.revenue + year * gain * entity.potential);
}

export function programmeInvestment(entities: readonly EntityValue[], programme: Readonly<KeyAccountProgramme>, s: ValuationScenario): ProgrammeResult {
  const discount = 1 + s.discountRate;
  const countedYears = s.horizon ?? UNBOUNDED_CAP_YEARS;
  const shownYears = s.horizon ?? DISPLAY_YEARS_UNLIMITED;
  const revenueWithout = entities.reduce((total, e) => total + e.revenue, 0);
  const years: ProgrammeYear[] = [
    { year: 0, revenue: revenueWithout, revenueWithout, gain: 0, cost: programme.startCost, net: -programme.startCost, cumulative: -programme.startCost },
  ];
  let cumulative = -programme.startCost;
  let payback: number | null = null;
  let saturatedFrom: number | null = null;
  let discountFactor = 1;
  for (let t = 1; t <= countedYears; t++) {
    discountFactor /= discount;
    let revenue = 0;
    let gain = 0;
    let saturated = true;
    for (const e of entities) {
      const r = programmeRevenue(e, programme.shareGainPerYear, t);
      if (r < e.potential) saturated = false;
      revenue += r;
      // (r_e (1 + u))^(t-1) / (1 + d)^t = q_e^(t-1) / (1 + d).
      gain += ((r - e.revenue) * e.marginOnRevenue * Math.pow(e.q, t - 1)) / discount;
    }
    const cost = programme.costPerYear * discountFactor;
    const net = gain - cost;
    const before = cumulative;
    cumulative += net;
    if (payback === null) {
      if (t === 1 && programme.startCost <= 0 && net >= 0) payback = 0;
      else if (before < 0 && cumulative >= 0) payback = t - 1 + -before / net;
    }
    if (saturated && saturatedFrom === null) saturatedFrom = t;
    if (t <= shownYears) years.push({ year: t, revenue, revenueWithout, gain, cost, net, cumulative });
  }
  return {
    years,
    value: cumulative,
    paybackYears: payback,
    saturatedFrom,
    unbounded: s.horizon === null && s.discountRate <= 0,
  };
}

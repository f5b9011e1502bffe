// "Why CLV calculators disagree" (issue 16, item 9): the same customer valued
// under the conventions users meet in textbooks, spreadsheets and libraries.
// Every figure is a value before the acquisition cost, over the scenario's
// horizon, so that only the convention differs between them.
import { UNBOUNDED_CAP_YEARS, type Scenario } from './parameters.ts';
import { geometricSum } from './power.ts';

/** Days in a calendar year on average; a "month" is a twelfth of it. */
export const DAYS_PER_YEAR = 365.25;
/** The 30-day month of many calculators (lifetimes counts a month as 30 days). */
export const FLAT_MONTH_DAYS = 30;

export type ConventionId = 'model' | 'textbook' | 'undiscounted' | 'monthly' | 'monthly30';

export interface Convention {
  id: ConventionId;
  /** Value of the customer before acquisition, in money. */
  value: number;
  /** The monthly conventions' terms, for their formula with today's numbers. */
  monthly?: MonthlyTerms;
}

export interface MonthlyTerms {
  /** Days in one month of this convention. */
  monthDays: number;
  /** Months counted: 12 per year of the horizon. */
  months: number;
  /** Margin of one month: m * monthDays / 365.25. */
  monthlyMargin: number;
  /** Survival and growth over one month: (r (1 + u))^(monthDays / 365.25). */
  monthlyRetention: number;
  /** Discount factor of one month: (1 + d)^(monthDays / 365.25). */
  monthlyDiscount: number;
}

type Inputs = Pick<Scenario, 'churnRate' | 'growthRate' | 'discountRate' | 'horizon'>;

/**
 * A calculator that works in months: the margin comes at the end of every
 * month, the yearly churn, growth and discount rates are turned into monthly
 * ones with the same effect over a year, and the first month is bought for
 * sure (as the first year is in MODEL section 1). It counts 12 months per
 * year; with 30-day months those 12 months cover only 360 days.
 */
export function monthlyTerms(s: Inputs, margin: number, monthDays: number): MonthlyTerms {
  const share = monthDays / DAYS_PER_YEAR;
  return {
    monthDays,
    months: 12 * (s.horizon ?? UNBOUNDED_CAP_YEARS),
    monthlyMargin: margin * share,
    monthlyRetention: Math.pow((1 - s.churnRate) * (1 + s.growthRate), share),
    monthlyDiscount: Math.pow(1 + s.discountRate, share),
  };
}

/** Σ_{j=1..n} m_mo ρ^(j−1) / δ^j = m_mo / δ · (1 − (ρ/δ)^n) / (1 − ρ/δ). */
export function monthlyValue(t: MonthlyTerms): number {
  return (t.monthlyMargin / t.monthlyDiscount) * geometricSum(t.monthlyRetention / t.monthlyDiscount, t.months);
}

/**
 * The five conventions for one customer with annual contribution `margin`
 * and the model's CLV `model` (MODEL section 1, computed by singleCustomer):
 * - model: MODEL section 1, the first year bought for sure, yearly discounting;
 * - textbook: m·r/(1+d−r), the margin of a year counted only if the customer
 *   stays through it; over H years Σ m r^t (1+u)^(t−1)/(1+d)^t, which is
 *   exactly r times the model's figure;
 * - undiscounted: annual margin × expected lifetime, m · min(1/c, H);
 * - monthly: monthly margins and rates with months of 365.25/12 days;
 * - monthly30: the same with 30-day months, 12 per year.
 */
export function clvConventions(s: Inputs, margin: number, model: number): Convention[] {
  const years = s.horizon ?? UNBOUNDED_CAP_YEARS;
  const lifetime = s.churnRate > 0 ? Math.min(1 / s.churnRate, years) : years;
  return [
    { id: 'model', value: model },
    { id: 'textbook', value: (1 - s.churnRate) * model },
    { id: 'undiscounted', value: margin * lifetime },
    monthlyConvention('monthly', monthlyTerms(s, margin, DAYS_PER_YEAR / 12)),
    monthlyConvention('monthly30', monthlyTerms(s, margin, FLAT_MONTH_DAYS)),
  ];
}

function monthlyConvention(id: ConventionId, monthly: MonthlyTerms): Convention {
  return { id, value: monthlyValue(monthly), monthly };
}

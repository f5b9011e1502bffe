// What the engine hands to the main thread: figures and sampled curves only
// (a few hundred points), never per-customer arrays. Shares are fractions,
// money is in the scenario's currency, time in years.
import type { Convention } from './conventions.ts';

export interface CurvePoint {
  /** Share of customers, 0..1. */
  x: number;
  /** Cumulative share (Lorenz: of revenue; whale: of total value). */
  y: number;
}

export interface JCurvePoint {
  year: number;
  /** Expected discounted margin of this year (0 at year 0). */
  margin: number;
  /** Cumulative expected discounted margin minus acquisition cost. */
  cumulative: number;
}

export interface LifetimeGroup {
  /** Years the customer stays (the last group holds everyone who reaches the horizon). */
  years: number;
  /** Share of won customers who stay exactly this long. */
  share: number;
  /** Realised discounted profit of such a customer, after acquisition cost. */
  profit: number;
}

export interface CustomerResult {
  annualRevenue: number;
  annualContribution1: number;
  annualOrderCost: number;
  annualMargin: number;
  retention: number;
  /** q = r(1+u)/(1+d). */
  q: number;
  /** Years summed: the horizon, or the cap when unlimited and divergent. null = unlimited and convergent. */
  yearsCounted: number | null;
  /** True when an unlimited horizon diverges (q >= 1): figures are capped at UNBOUNDED_CAP_YEARS. */
  unbounded: boolean;
  clv: number;
  lifetimeProfit: number;
  paybackYears: number | null;
  /** 1/c capped by the horizon; null when unbounded (c = 0, horizon unlimited). */
  expectedLifetimeYears: number | null;
  /** Textbook figure m * min(1/c, H) - A. */
  simpleLifetimeYears: number;
  simpleLifetimeProfit: number;
  jCurve: JCurvePoint[];
  lifetimes: LifetimeGroup[];
  /** l*: first lifetime in years whose realised profit is >= 0; null if none within the horizon. */
  paybackLifetime: number | null;
  paybackProbability: number;
  /** The same customer under the conventions other calculators use ("why CLV calculators disagree"). */
  conventions: Convention[];
}

export interface Decile {
  /** 1 = the best tenth by value. */
  decile: number;
  customers: number;
  revenue: number;
  contribution: number;
  value: number;
  valueShare: number | null;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface PortfolioTotals {
  customers: number;
  revenue: number;
  contribution: number;
  value: number;
  lifetimeProfit: number;
  negativeCount: number;
  negativeShare: number;
  meanClv: number;
  medianClv: number;
  /** Customers whose unlimited-horizon value diverges (q >= 1) and is capped at UNBOUNDED_CAP_YEARS. */
  cappedCustomers: number;
}

export interface PortfolioResult {
  totals: PortfolioTotals;
  /** Customers ranked by revenue ascending: convex from (0,0) to (1,1). */
  lorenz: CurvePoint[];
  top20RevenueShare: number;
  customersFor80Revenue: number;
  gini: number;
  /** Ranked by value descending; y = cumulative value / total value. null when total value <= 0. */
  whale: CurvePoint[] | null;
  whalePeak: number | null;
  whalePeakAt: number | null;
  top20ValueShare: number | null;
  worst10ValueShare: number | null;
  deciles: Decile[];
  histogram: HistogramBin[];
}

export interface FixResult {
  /** Value gained by raising the margin of the dropped group instead of dropping it. */
  repriceGain: number;
  /** Value gained by cutting their service load (the sticky share does not go away). */
  serviceCutGain: number;
  total: number;
}

export interface DropResult {
  dropShare: number;
  droppedCount: number;
  customersBefore: number;
  customersAfter: number;
  valueBefore: number;
  naiveGain: number;
  /** Costs that stay behind: stickiness x the dropped customers' discounted order and service costs. */
  stickyCost: number;
  realisticGain: number;
  valueAfterNaive: number;
  valueAfter: number;
  revenueBefore: number;
  revenueLost: number;
  /** Dropped customers who are in the top 30 % by revenue (the dilemma). */
  importantCount: number;
  importantRevenue: number;
  /** The whale curve of the remaining customers, as a share of the value before. */
  whaleAfter: CurvePoint[] | null;
  fix: FixResult;
}

export type SegmentId = 'A' | 'B' | 'C';

export interface SegmentFigures {
  segment: SegmentId;
  customers: number;
  budgetShare: number;
  /** Care intensity x: budget per customer relative to the average. */
  careIntensity: number;
  /** Expected share of the segment's customers still there after 1, 3, 5 years. */
  keptAfter1: number;
  keptAfter3: number;
  keptAfter5: number;
  revenue: number;
  value: number;
}

export interface FocusPoint {
  focus: number;
  value: number;
}

export interface FocusResult {
  budget: number;
  sweep: FocusPoint[];
  bestFocus: number;
  valueAtBestFocus: number;
  valueAtNoFocus: number;
  valueAtFocus: number;
  segments: SegmentFigures[];
  /** The same figures at f = 0, for before/after. */
  segmentsAtNoFocus: SegmentFigures[];
}

/** The result of the scenario's decisions (src/engine/decision.ts says how drop and focus combine). */
export interface DecisionResult {
  /** What happens to the worst dropShare: kept as they are, dropped, or fixed. */
  kind: 'none' | 'drop' | 'fix';
  /** decisionValue: the portfolio value at the chosen f after the drop or fix. */
  value: number;
  /** Customers in the portfolio after the decision. */
  customers: number;
  /** The worst customers the decision drops or fixes (0 when it does neither). */
  affected: number;
  /** V(f) of the portfolio after the decision, before the dropped customers' sticky costs and the fix gain. */
  focusValue: number;
  /** Sticky costs the dropped customers leave behind (0 unless dropped). */
  stickyCost: number;
  /** Gain of fixing instead of dropping (0 unless fixed). */
  fixGain: number;
  /** decisionValue at every sweep level of f (the focus curve after the decision). */
  sweep: FocusPoint[];
}

/** decisionValue with one money slider moved down and up (the tornado chart). */
export interface TornadoBar {
  key: string;
  /** The slider's value moved down and up (clamped to its range). */
  lowInput: number;
  highInput: number;
  low: number;
  high: number;
  /** max(|low - base|, |high - base|): the bars are sorted by it, largest first. */
  effect: number;
}

export interface TornadoResult {
  /** The relative move of every slider (0.1 = ±10 %). */
  step: number;
  base: number;
  bars: TornadoBar[];
}

export interface Results {
  customer: CustomerResult;
  portfolio: PortfolioResult;
  drop: DropResult;
  focus: FocusResult;
  decision: DecisionResult;
  /**
   * The portfolio after the decision (src/engine/after.ts): only when the scenario
   * drops, fixes or focuses, so the default scenario costs nothing extra. Its
   * totals.value is decisionValue.
   */
  after?: PortfolioResult;
  /** Milliseconds the engine spent, for the status line. */
  computeMs: number;
}

/** The flat figures of the `kpis` CLI and the `data-kpi` attributes. */
export interface Kpis {
  annualMargin: number;
  clv: number;
  lifetimeProfit: number;
  paybackYears: number | null;
  simpleLifetimeProfit: number;
  paybackProbability: number;
  top20RevenueShare: number;
  customersFor80Revenue: number;
  gini: number;
  whalePeak: number | null;
  whalePeakAt: number | null;
  top20ValueShare: number | null;
  worst10ValueShare: number | null;
  negativeShare: number;
  dropValueBefore: number;
  dropValueAfter: number;
  dropRealisticGain: number;
  droppedImportantCount: number;
  bestFocus: number;
  valueAtBestFocus: number;
  valueAtNoFocus: number;
  valueAtFocus: number;
  decisionValue: number;
}

export function kpisOf(results: Results): Kpis {
  const { customer, portfolio, drop, focus, decision } = results;
  return {
    annualMargin: customer.annualMargin,
    clv: customer.clv,
    lifetimeProfit: customer.lifetimeProfit,
    paybackYears: customer.paybackYears,
    simpleLifetimeProfit: customer.simpleLifetimeProfit,
    paybackProbability: customer.paybackProbability,
    top20RevenueShare: portfolio.top20RevenueShare,
    customersFor80Revenue: portfolio.customersFor80Revenue,
    gini: portfolio.gini,
    whalePeak: portfolio.whalePeak,
    whalePeakAt: portfolio.whalePeakAt,
    top20ValueShare: portfolio.top20ValueShare,
    worst10ValueShare: portfolio.worst10ValueShare,
    negativeShare: portfolio.totals.negativeShare,
    dropValueBefore: drop.valueBefore,
    dropValueAfter: drop.valueAfter,
    dropRealisticGain: drop.realisticGain,
    droppedImportantCount: drop.importantCount,
    bestFocus: focus.bestFocus,
    valueAtBestFocus: focus.valueAtBestFocus,
    valueAtNoFocus: focus.valueAtNoFocus,
    valueAtFocus: focus.valueAtFocus,
    decisionValue: decision.value,
  };
}

// "Drop the worst k %" and "focus" for the imported customers (issue 7,
// scope 3; MODEL.md sections 3 and 4): the engine's dropWorst and
// focusStrategy on the valuation of valuation.ts, and the value histogram.
// Per-customer arrays stay with the caller (the worker); only figures and
// sampled curves are returned.
import { prefixSums, sampleCurve } from '../engine/curve.ts';
import { dropWorst } from '../engine/drop.ts';
import { focusBase, focusStrategy, type FocusScenario } from '../engine/focus.ts';
import { valueHistogram } from '../engine/histogram.ts';
import { DEFAULTS } from '../engine/parameters.ts';
import { rank } from '../engine/rank.ts';
import type { CurvePoint, DropResult, FocusResult, HistogramBin } from '../engine/results.ts';
import type { Valuation } from '../engine/valuation.ts';
import { engineHorizon, focusValuation } from './valuation.ts';

/**
 * The simulator's care budget is 30 a year on about 1,000 of yearly revenue
 * per customer (MODEL.md sections 1 and 4): real data gets the same 3 % of
 * its mean observed yearly revenue per customer unless a budget is given.
 */
export const CARE_BUDGET_REVENUE_SHARE = DEFAULTS.careBudgetPerCustomer / (DEFAULTS.orderValue * DEFAULTS.ordersPerYear);

export interface DataDecisionSettings {
  dropShare: number;
  stickiness: number;
  focus: number;
  /** Care budget per customer and year; default CARE_BUDGET_REVENUE_SHARE of the mean yearly revenue. */
  careBudgetPerCustomer?: number;
}

/** What the decisions are computed with, shown to the user as the assumptions. */
export interface DataDecisionAssumptions {
  observedYears: number;
  marginRate: number;
  annualDiscountRate: number;
  /** Whole years of the retention model (the forecast horizon rounded, at least 1). */
  horizonYears: number;
  hasCost: boolean;
  /** Customers whose forecast is not a finite number, counted with value 0. */
  missingForecasts: number;
  /** Total cost per year from the cost column (0 without one). */
  annualCost: number;
  /** Cost to serve per customer and year alive (0: none). */
  serviceCost: number;
  meanChurn: number;
  careBudgetPerCustomer: number;
  careSaturation: number;
  careChurnElasticity: number;
  careOrderElasticity: number;
  focusShares: readonly [number, number, number];
}

export interface DataDecisions {
  drop: DropResult;
  focus: FocusResult;
  /** The whale curve before dropping (the same as the forecast's). */
  whaleBefore: CurvePoint[] | null;
  histogram: HistogramBin[];
  negativeShare: number;
  medianClv: number;
  assumptions: DataDecisionAssumptions;
}

export interface DataDecisionContext {
  valuation: Valuation;
  /** Observed revenue per customer, for the dilemma (top 30 % by revenue). */
  observedRevenue: ArrayLike<number>;
  observedYears: number;
  marginRate: number;
  annualDiscountRate: number;
  horizonYears: number;
  hasCost: boolean;
  /** Cost to serve per customer and year alive, s (valuation.ts). */
  serviceCost: number;
  /** Customers whose forecast CLV was not finite (valuation.ts counts them as 0). */
  missingForecasts: number;
}

/** Ranks and the focus base that do not depend on the sliders, prepared once per valuation. */
export interface DataDecisionBase {
  context: DataDecisionContext;
  valueOrder: Uint32Array;
  valuePrefix: Float64Array;
  revenuePosition: Uint32Array;
  focusValuation: Valuation;
}

export function decisionBase(context: DataDecisionContext): DataDecisionBase {
  const { valuation } = context;
  const valueOrder = rank(valuation.clv, true);
  const valuePrefix = prefixSums(valuation.clv, valueOrder);
  const revenueOrder = rank(context.observedRevenue, true);
  const revenuePosition = new Uint32Array(revenueOrder.length);
  for (let k = 0; k < revenueOrder.length; k++) revenuePosition[revenueOrder[k] as number] = k;
  return {
    context,
    valueOrder,
    valuePrefix,
    revenuePosition,
    focusValuation: focusValuation(valuation, context.annualDiscountRate, context.horizonYears),
  };
}

export function focusScenarioOf(base: DataDecisionBase, settings: DataDecisionSettings): FocusScenario {
  const { valuation } = base.context;
  let revenue = 0;
  for (let i = 0; i < valuation.size; i++) revenue += valuation.revenue[i] as number;
  const meanRevenue = valuation.size > 0 ? revenue / valuation.size : 0;
  const budget = settings.careBudgetPerCustomer ?? CARE_BUDGET_REVENUE_SHARE * meanRevenue;
  return {
    focus: settings.focus,
    stickiness: settings.stickiness,
    growthRate: 0,
    discountRate: base.context.annualDiscountRate,
    horizon: engineHorizon(base.context.horizonYears),
    careBudgetPerCustomer: budget,
    careSaturation: DEFAULTS.careSaturation,
    careChurnElasticity: DEFAULTS.careChurnElasticity,
    careOrderElasticity: DEFAULTS.careOrderElasticity,
    careGrowthElasticity: DEFAULTS.careGrowthElasticity,
    focusShareA: DEFAULTS.focusShareA,
    focusShareB: DEFAULTS.focusShareB,
    focusShareC: DEFAULTS.focusShareC,
  };
}

export function dataDecisions(base: DataDecisionBase, settings: DataDecisionSettings): DataDecisions {
  const { context, valueOrder, valuePrefix, revenuePosition } = base;
  const { valuation } = context;
  const n = valuation.size;
  const drop = dropWorst(
    { valuation, valueOrder, valuePrefix, revenuePosition },
    {
      dropShare: settings.dropShare,
      stickiness: settings.stickiness,
      repriceMarginPoints: DEFAULTS.repriceMarginPoints,
      serviceCutShare: DEFAULTS.serviceCutShare,
    },
  );
  const scenario = focusScenarioOf(base, settings);
  const focus = focusStrategy(focusBase(base.focusValuation, valueOrder), scenario);
  let negative = 0;
  let annualCost = 0;
  let churn = 0;
  for (let i = 0; i < n; i++) {
    if ((valuation.clv[i] as number) < 0) negative++;
    // The cost column's part: annualCost_i also holds the cost to serve (valuation.ts).
    annualCost += (valuation.annualCost[i] as number) - (valuation.serviceCost[i] as number);
    churn += valuation.churn[i] as number;
  }
  const total = valuePrefix[n] as number;
  const middle = (k: number): number => valuation.clv[valueOrder[k] as number] as number;
  const median = n === 0 ? 0 : n % 2 === 1 ? middle((n - 1) / 2) : (middle(n / 2 - 1) + middle(n / 2)) / 2;
  return {
    drop,
    focus,
    whaleBefore: total > 0 && n > 0 ? sampleCurve(valuePrefix, total) : null,
    histogram: valueHistogram(valuation.clv, valueOrder),
    negativeShare: n > 0 ? negative / n : 0,
    medianClv: median,
    assumptions: {
      observedYears: context.observedYears,
      marginRate: context.marginRate,
      annualDiscountRate: context.annualDiscountRate,
      horizonYears: scenario.horizon ?? engineHorizon(context.horizonYears),
      hasCost: context.hasCost,
      missingForecasts: context.missingForecasts,
      annualCost,
      serviceCost: context.serviceCost,
      meanChurn: n > 0 ? churn / n : 0,
      careBudgetPerCustomer: scenario.careBudgetPerCustomer,
      careSaturation: scenario.careSaturation,
      careChurnElasticity: scenario.careChurnElasticity,
      careOrderElasticity: scenario.careOrderElasticity,
      focusShares: [scenario.focusShareA, scenario.focusShareB, scenario.focusShareC],
    },
  };
}

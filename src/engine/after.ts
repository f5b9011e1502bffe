// The portfolio after the scenario's decision (issue 12): the customers who
// remain, each with the value the decision gives them, so that the Portfolio
// tab's curves and tables describe the same state as decisionValue.
//
// Per customer, consistently with decision.ts:
// - focus: every remaining customer is valued at the chosen f with the care
//   their segment gets (focus.ts `customerValuesAt`; at f = 0 that is their
//   value with the watering-can care spend);
// - drop: the dropped customers leave; the sticky share of their cost
//   (MODEL section 3) stays and is carried by those who remain, in proportion
//   to each one's own cost to serve (the capacity that stays is used by whom
//   uses it; per head it would push every small customer below zero), per
//   head only when nobody left has any cost;
// - fix: the worst k % stay and each gets their own repricing and service-cut
//   gain (drop.ts), so the fix gain is where it is earned.
// The values then sum to decisionValue (a test holds them to it).
import { prefixSums } from './curve.ts';
import type { DecisionPortfolio } from './decision.ts';
import { customerValuesAt, type FocusScenario } from './focus.ts';
import { dropDecisionOf, type Scenario } from './parameters.ts';
import { paretoFigures, type ParetoFigures } from './pareto.ts';
import { rank } from './rank.ts';
import type { DropResult } from './results.ts';
import type { Valuation } from './valuation.ts';

type AfterScenario = FocusScenario & Pick<Scenario, 'applyDrop' | 'applyFix' | 'dropShare' | 'repriceMarginPoints' | 'serviceCutShare'>;

/** Whether the scenario decides anything: only then does the engine compute the after state. */
export function decidesAnything(s: Pick<Scenario, 'applyDrop' | 'applyFix' | 'focus'>): boolean {
  return dropDecisionOf(s) !== 'none' || s.focus > 0;
}

export interface AfterPortfolio {
  /** The remaining customers: revenue, margin and clv are the after-decision figures. */
  valuation: Valuation;
  valueOrder: Uint32Array;
  valuePrefix: Float64Array;
  pareto: ParetoFigures;
}

export interface AfterInputs {
  /** The whole portfolio before the decision. */
  valuation: Valuation;
  valueOrder: Uint32Array;
  /** The customers the decision values (decision.ts). */
  portfolio: DecisionPortfolio;
  /** Customers by revenue, smallest first (the cached order: reused when f = 0 leaves revenue as it is). */
  revenueAscending: Uint32Array;
  drop: DropResult;
}

export function afterPortfolio({ valuation, valueOrder, portfolio, revenueAscending, drop }: AfterInputs, s: AfterScenario): AfterPortfolio {
  const kind = dropDecisionOf(s);
  const { dropping } = portfolio;
  const kept = portfolio.valuation.size;
  // Dropping renumbers the kept customers by their value rank (keptValuation); otherwise indices stay.
  const base = portfolio.valuation;
  const values = customerValuesAt(portfolio.base, s, s.focus);
  if (dropping && kept > 0) spreadStickyCost(values.value, base.cost, kept, drop.stickyCost);
  if (kind === 'fix') {
    for (let k = drop.customersAfter; k < valuation.size; k++) {
      const i = valueOrder[k] as number;
      const revenue = valuation.revenue[i] as number;
      const annuity = valuation.annuity[i] as number;
      const points = Math.min(s.repriceMarginPoints, 1 - (valuation.marginRate[i] as number));
      const serviceCut = (1 - s.stickiness) * s.serviceCutShare * (valuation.serviceCost[i] as number);
      // The same terms drop.ts sums into fix.total.
      values.value[i] = (values.value[i] as number) + revenue * points * annuity + serviceCut * annuity;
      values.margin[i] = (values.margin[i] as number) + revenue * points + serviceCut;
    }
  }
  const after: Valuation = { ...base, revenue: values.revenue, margin: values.margin, clv: values.value };
  // The care response reorders customers by value, so they are ranked again (a radix sort, only when deciding).
  const order = rank(values.value, true);
  const prefix = prefixSums(values.value, order, order.length);
  // At f = 0 revenue is untouched: the cached revenue order, filtered to the kept customers, needs no sort.
  const ascending = s.focus === 0 ? keptRevenueOrder(revenueAscending, valueOrder, dropping ? kept : -1) : rank(values.revenue, false);
  return { valuation: after, valueOrder: order, valuePrefix: prefix, pareto: paretoFigures(values.revenue, ascending) };
}

/** Subtracts `sticky` from the first `kept` values in proportion to their cost (per head when all costs are 0). */
export function spreadStickyCost(value: Float64Array, cost: Float64Array, kept: number, sticky: number): void {
  let totalCost = 0;
  for (let k = 0; k < kept; k++) totalCost += Math.max(0, cost[k] as number);
  for (let k = 0; k < kept; k++) {
    const share = totalCost > 0 ? Math.max(0, cost[k] as number) / totalCost : 1 / kept;
    value[k] = (value[k] as number) - sticky * share;
  }
}

/** The revenue order of the kept customers in their kept numbering (kept = -1: everyone, as is). */
function keptRevenueOrder(revenueAscending: Uint32Array, valueOrder: Uint32Array, kept: number): Uint32Array {
  if (kept < 0) return revenueAscending;
  const keptIndex = new Int32Array(valueOrder.length).fill(-1);
  for (let k = 0; k < kept; k++) keptIndex[valueOrder[k] as number] = k;
  const out = new Uint32Array(kept);
  let at = 0;
  for (const i of revenueAscending) {
    const k = keptIndex[i] as number;
    if (k >= 0) out[at++] = k;
  }
  return out;
}

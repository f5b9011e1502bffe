// The result of a scenario's decisions (issue 12): the portfolio value at the
// chosen focus f after the drop or fix of the worst k %, when applied.
//
// How drop and focus combine (also in the README's model notes):
// - Drop: the dropped customers leave, and the care budget goes with them:
//   B = b x the customers kept (b is a budget per customer, MODEL section 4),
//   so at f = 0 every kept customer still gets b and nobody's care changes.
//   The segments A/B/C are formed anew over the kept customers (A = the top
//   20 % of those kept). The value is V_kept(f), the section-4 value over the
//   kept customers with its own sticky term, minus the sticky share of the
//   dropped customers' cost to serve (section 3), which stays:
//       decisionValue = V_kept(f) - stickiness * sum over dropped i of cost_i
//   At f = 0 this is dropValueAfter - b * sum over kept i of a_i (their care
//   spend): exactly dropValueAfter when b = 0.
// - Fix: the worst k % stay in the portfolio, so the focus is that of the
//   whole portfolio, and the fix gain of section 3 (repricing plus the
//   non-sticky part of the service cut) is added:
//       decisionValue = V(f) + fix.total
//   The gain is valued at the fixed customers' lifetimes without the care
//   response (section 3 keeps them "as they are"), a first-order reading.
// - Neither: decisionValue = V(f) = valueAtFocus.
import { focusBase, focusStrategy, focusValueAt, type FocusBase, type FocusScenario } from './focus.ts';
import { dropDecisionOf, type Scenario } from './parameters.ts';
import type { DecisionResult, DropResult, FocusResult } from './results.ts';
import type { Valuation } from './valuation.ts';

type DecisionScenario = FocusScenario & Pick<Scenario, 'applyDrop' | 'applyFix'>;

/** The first `kept` customers in value order as a portfolio of their own (arrays in that order). */
export function keptValuation(valuation: Valuation, valueOrder: Uint32Array, kept: number): { valuation: Valuation; valueOrder: Uint32Array } {
  const pick = (from: Float64Array): Float64Array => {
    const out = new Float64Array(kept);
    for (let k = 0; k < kept; k++) out[k] = from[valueOrder[k] as number] as number;
    return out;
  };
  const order = new Uint32Array(kept);
  for (let k = 0; k < kept; k++) order[k] = k;
  return {
    valuation: {
      size: kept,
      revenue: pick(valuation.revenue),
      margin: pick(valuation.margin),
      annualCost: pick(valuation.annualCost),
      serviceCost: pick(valuation.serviceCost),
      marginRate: pick(valuation.marginRate),
      churn: pick(valuation.churn),
      annuity: pick(valuation.annuity),
      clv: pick(valuation.clv),
      cost: pick(valuation.cost),
      cappedCount: valuation.cappedCount,
    },
    valueOrder: order,
  };
}

/**
 * The customers the decision values: after a drop the kept ones as a portfolio of their own
 * (renumbered by value rank, A/B/C formed anew over them), else the whole portfolio. Built once
 * per compute and shared by decisionValue and the portfolio after the decision.
 */
export interface DecisionPortfolio {
  readonly dropping: boolean;
  readonly valuation: Valuation;
  readonly valueOrder: Uint32Array;
  readonly base: FocusBase;
}

/** `whole` is the whole portfolio's focus base when already at hand. */
export function decisionPortfolio(
  valuation: Valuation,
  valueOrder: Uint32Array,
  drop: DropResult,
  s: Pick<Scenario, 'applyDrop' | 'applyFix'>,
  whole?: FocusBase,
): DecisionPortfolio {
  if (dropDecisionOf(s) === 'drop' && drop.droppedCount > 0) {
    const kept = keptValuation(valuation, valueOrder, drop.customersAfter);
    return { dropping: true, ...kept, base: focusBase(kept.valuation, kept.valueOrder) };
  }
  return { dropping: false, valuation, valueOrder, base: whole ?? focusBase(valuation, valueOrder) };
}

export interface DecisionInputs {
  portfolio: DecisionPortfolio;
  drop: DropResult;
  /** The focus result of the whole portfolio (already computed for the Fokussierung tab). */
  focus: FocusResult;
}

export function decide({ portfolio, drop, focus }: DecisionInputs, s: DecisionScenario): DecisionResult {
  const kind = dropDecisionOf(s);
  if (portfolio.dropping) {
    const after = focusStrategy(portfolio.base, s);
    return {
      kind,
      value: after.valueAtFocus - drop.stickyCost,
      customers: drop.customersAfter,
      affected: drop.droppedCount,
      focusValue: after.valueAtFocus,
      stickyCost: drop.stickyCost,
      fixGain: 0,
      sweep: after.sweep.map((p) => ({ focus: p.focus, value: p.value - drop.stickyCost })),
    };
  }
  const fixGain = kind === 'fix' ? drop.fix.total : 0;
  return {
    kind,
    value: focus.valueAtFocus + fixGain,
    customers: drop.customersBefore,
    affected: kind === 'fix' ? drop.droppedCount : 0,
    focusValue: focus.valueAtFocus,
    stickyCost: 0,
    fixGain,
    sweep: fixGain === 0 ? focus.sweep : focus.sweep.map((p) => ({ focus: p.focus, value: p.value + fixGain })),
  };
}

/** decisionValue alone, without the sweep: for the many evaluations of the tornado. */
export function decisionValueOnly({ portfolio, drop }: Omit<DecisionInputs, 'focus'>, s: DecisionScenario): number {
  const focusValue = focusValueAt(portfolio.base, s, s.focus);
  if (portfolio.dropping) return focusValue - drop.stickyCost;
  return focusValue + (dropDecisionOf(s) === 'fix' ? drop.fix.total : 0);
}

// Focus strategy (MODEL.md section 4): a fixed care budget B = N b spread
// over value segments A (top 20 %), B (next 30 %), C (bottom 50 %), from the
// watering can (f = 0) to full focus (f = 1), with diminishing, saturating
// response and sticky costs.
import { countOf } from './curve.ts';
import type { Scenario } from './parameters.ts';
import type { FocusPoint, FocusResult, SegmentFigures, SegmentId } from './results.ts';
import { annuityOf, clampChurn, type Valuation } from './valuation.ts';

export const SEGMENTS: readonly SegmentId[] = ['A', 'B', 'C'];
/** Segment sizes by value rank: A = top 20 %, B = next 30 %, C = the rest. */
export const SEGMENT_POPULATION_SHARES = [0.2, 0.3, 0.5] as const;
export const FOCUS_SWEEP_POINTS = 21;

export type FocusScenario = Pick<
  Scenario,
  | 'focus'
  | 'stickiness'
  | 'growthRate'
  | 'discountRate'
  | 'horizon'
  | 'careBudgetPerCustomer'
  | 'careSaturation'
  | 'careChurnElasticity'
  | 'careOrderElasticity'
  | 'careGrowthElasticity'
  | 'focusShareA'
  | 'focusShareB'
  | 'focusShareC'
>;

/** Per-customer inputs that do not depend on f, prepared once per recompute. */
export interface FocusBase {
  readonly size: number;
  /** 0 = A, 1 = B, 2 = C. */
  readonly segment: Uint8Array;
  readonly counts: Triple;
  readonly valuation: Valuation;
}

export function focusBase(valuation: Valuation, valueOrder: Uint32Array): FocusBase {
  const n = valueOrder.length;
  const countA = countOf(SEGMENT_POPULATION_SHARES[0], n);
  const countAB = countOf(SEGMENT_POPULATION_SHARES[0] + SEGMENT_POPULATION_SHARES[1], n);
  const segment = new Uint8Array(n);
  for (let k = 0; k < n; k++) segment[valueOrder[k] as number] = k < countA ? 0 : k < countAB ? 1 : 2;
  return { size: n, segment, counts: [countA, countAB - countA, n - countAB], valuation };
}

type Triple = readonly [number, number, number];

function mapTriple(t: Triple, fn: (value: number, g: 0 | 1 | 2) => number): Triple {
  return [fn(t[0], 0), fn(t[1], 1), fn(t[2], 2)];
}

/** Budget share of each segment at focus f: linear from the population shares to the full-focus shares. */
export function budgetShares(f: number, counts: Triple, s: FocusScenario): Triple {
  const n = counts[0] + counts[1] + counts[2];
  const full: Triple = [s.focusShareA, s.focusShareB, s.focusShareC];
  const fullTotal = full[0] + full[1] + full[2];
  return mapTriple(counts, (count, g) => ((1 - f) * count) / n + (f * full[g]) / fullTotal);
}

/** How each segment responds to its care, as arrays indexed by segment for the hot loop. */
interface SegmentResponses {
  /** Care intensity x: segment budget per customer / (B / N). */
  intensity: Triple;
  /** Care spend per customer and year, b x. */
  spend: Float64Array;
  /** x_eff^e_f. */
  orderFactor: Float64Array;
  /** x_eff^-e_c (Infinity for x = 0: no care means churn 1). */
  churnFactor: Float64Array;
  /** 1 + u' with u' = u + e_u ln x_eff, never below 0. */
  growthFactor: Float64Array;
}

function segmentResponses(f: number, base: FocusBase, s: FocusScenario): SegmentResponses {
  const shares = budgetShares(f, base.counts, s);
  const intensity = mapTriple(base.counts, (count, g) => (count > 0 ? (shares[g] * base.size) / count : 1));
  const effective = intensity.map((x) => Math.min(x, s.careSaturation));
  return {
    intensity,
    spend: Float64Array.from(intensity, (x) => s.careBudgetPerCustomer * x),
    orderFactor: Float64Array.from(effective, (x) => (x > 0 ? Math.pow(x, s.careOrderElasticity) : 0)),
    churnFactor: Float64Array.from(effective, (x) => (x > 0 ? Math.pow(x, -s.careChurnElasticity) : Number.POSITIVE_INFINITY)),
    growthFactor: Float64Array.from(effective, (x) =>
      x > 0 ? Math.max(0, 1 + s.growthRate + s.careGrowthElasticity * Math.log(x)) : 0,
    ),
  };
}

interface SegmentSums {
  customers: Float64Array;
  value: Float64Array;
  revenue: Float64Array;
  kept1: Float64Array;
  kept3: Float64Array;
  kept5: Float64Array;
}

function addAt(sums: Float64Array, g: number, amount: number): void {
  sums[g] = (sums[g] as number) + amount;
}

/**
 * V(f) = sum_i CLV_i(f) + stickiness * sum_i (cost_i(f) - cost_i(0)), with the
 * care spend b x_i a cost in m_i. Fills per-segment sums when `sums` is given.
 */
function evaluate(f: number, base: FocusBase, s: FocusScenario, sums: SegmentSums | null): number {
  const r = segmentResponses(f, base, s);
  const { valuation } = base;
  const discountFactor = 1 + s.discountRate;
  let total = 0;
  for (let i = 0; i < base.size; i++) {
    const g = base.segment[i] as number;
    const orderFactor = r.orderFactor[g] as number;
    const service = valuation.serviceCost[i] as number;
    const orderCost = (valuation.annualCost[i] as number) - service;
    const orderMargin = (valuation.margin[i] as number) + service;
    const churn = clampChurn((valuation.churn[i] as number) * (r.churnFactor[g] as number));
    const annuity = annuityOf(churn, r.growthFactor[g] as number, discountFactor, s.horizon);
    const margin = orderFactor * orderMargin - service - (r.spend[g] as number);
    const cost = (orderFactor * orderCost + service) * annuity;
    const value = margin * annuity + s.stickiness * (cost - (valuation.cost[i] as number));
    total += value;
    if (sums !== null) {
      const retention = 1 - churn;
      const retention3 = retention * retention * retention;
      addAt(sums.customers, g, 1);
      addAt(sums.value, g, value);
      addAt(sums.revenue, g, orderFactor * (valuation.revenue[i] as number));
      addAt(sums.kept1, g, retention);
      addAt(sums.kept3, g, retention3);
      addAt(sums.kept5, g, retention3 * retention * retention);
    }
  }
  return total;
}

function segmentFigures(f: number, base: FocusBase, s: FocusScenario): { value: number; segments: SegmentFigures[] } {
  const sums: SegmentSums = {
    customers: new Float64Array(3),
    value: new Float64Array(3),
    revenue: new Float64Array(3),
    kept1: new Float64Array(3),
    kept3: new Float64Array(3),
    kept5: new Float64Array(3),
  };
  const value = evaluate(f, base, s, sums);
  const shares = budgetShares(f, base.counts, s);
  const { intensity } = segmentResponses(f, base, s);
  const segments = SEGMENTS.map((segment, g): SegmentFigures => {
    const customers = sums.customers[g] as number;
    const mean = (sum: Float64Array): number => (customers > 0 ? (sum[g] as number) / customers : 0);
    return {
      segment,
      customers,
      budgetShare: shares[g as 0 | 1 | 2],
      careIntensity: intensity[g as 0 | 1 | 2],
      keptAfter1: mean(sums.kept1),
      keptAfter3: mean(sums.kept3),
      keptAfter5: mean(sums.kept5),
      revenue: sums.revenue[g] as number,
      value: sums.value[g] as number,
    };
  });
  return { value, segments };
}

/** Total value at each of `points` evenly spaced focus levels from 0 to 1. */
export function focusSweep(base: FocusBase, s: FocusScenario, points: number = FOCUS_SWEEP_POINTS): FocusPoint[] {
  const sweep: FocusPoint[] = [];
  for (let j = 0; j < points; j++) {
    const focus = j / (points - 1);
    sweep.push({ focus, value: evaluate(focus, base, s, null) });
  }
  return sweep;
}

export function focusStrategy(base: FocusBase, s: FocusScenario): FocusResult {
  const sweep = focusSweep(base, s);
  // The best focus on the sweep grid; on a tie the smaller focus (less concentration for the same value).
  const start: FocusPoint = sweep[0] ?? { focus: 0, value: evaluate(0, base, s, null) };
  let best = start;
  for (const point of sweep) if (point.value > best.value + 1e-9 * Math.abs(best.value)) best = point;
  const current = segmentFigures(s.focus, base, s);
  const none = segmentFigures(0, base, s);
  return {
    budget: base.size * s.careBudgetPerCustomer,
    sweep,
    bestFocus: best.focus,
    valueAtBestFocus: best.value,
    valueAtNoFocus: start.value,
    valueAtFocus: current.value,
    segments: current.segments,
    segmentsAtNoFocus: none.segments,
  };
}

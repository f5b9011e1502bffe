// Focus strategy (MODEL.md section 4): a fixed care budget B = N b spread
// over value segments A (top 20 %), B (next 30 %), C (bottom 50 %), from the
// watering can (f = 0) to full focus (f = 1), with diminishing, saturating
// response and sticky costs.
import { countOf } from './curve.ts';
import type { Scenario } from './parameters.ts';
import { powInt } from './power.ts';
import type { FocusPoint, FocusResult, SegmentFigures, SegmentId } from './results.ts';
import { annuityOf, clampChurn, MAX_CUSTOMER_CHURN, MIN_CUSTOMER_CHURN, type Valuation } from './valuation.ts';

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
  markSegments(valueOrder, countA, countAB, segment);
  return { size: n, segment, counts: [countA, countAB - countA, n - countAB], valuation };
}

/**
 * segment[i] = 0, 1, 2 for the first countA, the next up to countAB and the rest in value order.
 * Hot loops such as this one live in functions of their own that return nothing or a number:
 * V8 compiles a long loop while it runs and caches that code, and code after the loop that had
 * not run by then (an object literal) threw the compiled loop away on every later call.
 */
function markSegments(valueOrder: Uint32Array, countA: number, countAB: number, segment: Uint8Array): void {
  const n = valueOrder.length;
  for (let k = 0; k < n; k++) segment[valueOrder[k] as number] = k < countA ? 0 : k < countAB ? 1 : 2;
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

/** Per-segment sums at one focus level; V(f) is the sum of `value` over the segments. */
interface SegmentSums {
  customers: Float64Array;
  value: Float64Array;
  revenue: Float64Array;
  kept1: Float64Array;
  kept3: Float64Array;
  kept5: Float64Array;
}

function emptySums(): SegmentSums {
  return {
    customers: new Float64Array(3),
    value: new Float64Array(3),
    revenue: new Float64Array(3),
    kept1: new Float64Array(3),
    kept3: new Float64Array(3),
    kept5: new Float64Array(3),
  };
}

function totalOf(sums: SegmentSums): number {
  return (sums.value[0] as number) + (sums.value[1] as number) + (sums.value[2] as number);
}

/** Each customer's figures at one focus level: what the Portfolio tab shows after the decision. */
export interface CustomerValues {
  /** CLV_i(f) + stickiness * (cost_i(f) - cost_i(0)): summed, these give V(f). */
  value: Float64Array;
  /** Yearly revenue with the care response. */
  revenue: Float64Array;
  /** Yearly margin after order, service and care costs. */
  margin: Float64Array;
}

/**
 * The direct method, one pass over every customer (for horizons the moment
 * method does not cover, and for the portfolio after the decision):
 * V(f) = sum_i CLV_i(f) + stickiness * sum_i (cost_i(f) - cost_i(0)), with the
 * care spend b x_i a cost in m_i. With `out` each customer's terms are kept
 * too, so the portfolio after the decision adds up to exactly these sums.
 */
function directSums(r: SegmentResponses, base: FocusBase, s: FocusScenario, out: CustomerValues | null): SegmentSums {
  const sums = emptySums();
  const { customers, value: valueSums, revenue: revenueSums, kept1, kept3, kept5 } = sums;
  const { revenue, margin: marginOf, annualCost, serviceCost, churn: churnOf, cost: costOf } = base.valuation;
  const { segment } = base;
  const { stickiness, horizon } = s;
  const discountFactor = 1 + s.discountRate;
  for (let i = 0; i < base.size; i++) {
    const g = segment[i] as number;
    const orderFactor = r.orderFactor[g] as number;
    const service = serviceCost[i] as number;
    const orderCost = (annualCost[i] as number) - service;
    const orderMargin = (marginOf[i] as number) + service;
    const churn = clampChurn((churnOf[i] as number) * (r.churnFactor[g] as number));
    const annuity = annuityOf(churn, r.growthFactor[g] as number, discountFactor, horizon);
    const margin = orderFactor * orderMargin - service - (r.spend[g] as number);
    const cost = (orderFactor * orderCost + service) * annuity;
    const value = margin * annuity + stickiness * (cost - (costOf[i] as number));
    const grown = orderFactor * (revenue[i] as number);
    const retention = 1 - churn;
    const retention3 = retention * retention * retention;
    if (out !== null) {
      out.value[i] = value;
      out.revenue[i] = grown;
      out.margin[i] = margin;
    }
    customers[g] = (customers[g] as number) + 1;
    valueSums[g] = (valueSums[g] as number) + value;
    revenueSums[g] = (revenueSums[g] as number) + grown;
    kept1[g] = (kept1[g] as number) + retention;
    kept3[g] = (kept3[g] as number) + retention3;
    kept5[g] = (kept5[g] as number) + retention3 * retention * retention;
  }
  return sums;
}

/** Each customer's terms of V(f) at focus f (their sum is V(f)). */
export function customerValuesAt(base: FocusBase, s: FocusScenario, f: number): CustomerValues {
  const n = base.size;
  const out: CustomerValues = { value: new Float64Array(n), revenue: new Float64Array(n), margin: new Float64Array(n) };
  directSums(segmentResponses(f, base, s), base, s, out);
  return out;
}

/*
 * The moment method. Within a segment every customer gets the same response
 * (churn factor k_c, growth factor, order factor), so with a whole-year
 * horizon H and an unclamped churn c_i' = k_c c_i a customer's annuity is a
 * polynomial in c_i:
 *     a_i = (1/D) sum_{t<H} (G/D)^t (1 - k_c c_i)^t,   D = 1 + d, G = 1 + u'
 * and V_g(f) = oF sum a_i W1_i - sum a_i W0_i - spend sum a_i - st sum cost_i(0)
 * with W1_i = orderMargin_i + st orderCost_i and W0_i = (1 - st) service_i.
 * One pass collects the power moments sum w_i (c_i - z)^j per segment (z the
 * middle of the segment's unclamped range, which keeps the binomial expansion
 * well conditioned: |1 - k_c z| + k_c |c_i - z| <= 1); every focus level is
 * then a few hundred operations instead of a pass over N customers. Customers
 * whose churn would be clamped at some evaluated level (c_i k_c < 0.01 or > 1)
 * are kept in a list and summed exactly, one by one, at every level. The
 * result equals the direct sum up to rounding (a test holds them within 1e-9).
 */

/** Beyond this horizon the moment pass (3 H products per customer) costs more than direct passes. */
export const MAX_MOMENT_HORIZON = 30;
/** kept after 5 years needs (1 - c)^5: moments up to degree 5 at least. */
const MIN_MOMENT_DEGREE = 6;
const WEIGHTS = 3;

interface Moments {
  degree: number;
  /** Middle of each segment's unclamped churn range. */
  center: Float64Array;
  /** [segment][power][weight]: weight 0 = 1, 1 = W1, 2 = W0. */
  sums: Float64Array;
  /** Per segment: customers, revenue, cost_i(0) over all of them (edge customers included). */
  customers: Float64Array;
  revenue: Float64Array;
  baseCost: Float64Array;
  /** Customers summed one by one, per segment, as contiguous arrays of what the sum reads. */
  edges: EdgeCustomers[];
  binomial: Float64Array;
}

/** The edge customers of one segment: churn c_i, service s_i, m_i + s_i and the order costs. */
interface EdgeCustomers {
  count: number;
  churn: Float64Array;
  service: Float64Array;
  orderMargin: Float64Array;
  orderCost: Float64Array;
}

/** Customers whose powers are summed together: short enough that the powers stay in cache. */
const MOMENT_BLOCK = 512;

/** Scratch of the moment pass, reused between calls of the same size (every slider move runs it). */
let momentScratch: { delta: Float64Array; w1: Float64Array; w0: Float64Array; edgeIndex: Uint32Array; powers: Float64Array } | null = null;

function momentScratchFor(n: number) {
  if (momentScratch === null || momentScratch.delta.length < n) {
    momentScratch = {
      delta: new Float64Array(n),
      w1: new Float64Array(n),
      w0: new Float64Array(n),
      edgeIndex: new Uint32Array(n),
      powers: new Float64Array(MOMENT_BLOCK),
    };
  }
  return momentScratch;
}

/**
 * Adds sum_i w_i (c_i - z)^j for j < degree and the weights 1, W1, W0 of the customers from..end
 * to sums[offset + j * WEIGHTS + w], block by block. A function of its own: loops that V8 compiles
 * on the stack of one call are tied to that call's closures and are thrown away by the next.
 */
function addPowerSums(
  delta: Float64Array,
  w1: Float64Array,
  w0: Float64Array,
  start: number,
  end: number,
  degree: number,
  sums: Float64Array,
  offset: number,
  powers: Float64Array,
): void {
  for (let from = start; from < end; from += MOMENT_BLOCK) {
    const to = Math.min(end, from + MOMENT_BLOCK);
    const length = to - from;
    for (let k = 0; k < length; k++) powers[k] = 1;
    // Three powers per sweep over the block (nine independent accumulators, which still fit in
    // registers), then two or one for the rest: each sum still adds the same products in the same order.
    let j = 0;
    for (; j + 2 < degree; j += 3) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let v0 = 0;
      let v1 = 0;
      let v2 = 0;
      for (let k = 0; k < length; k++) {
        const d = delta[from + k] as number;
        const u1 = w1[from + k] as number;
        const u0 = w0[from + k] as number;
        const power = powers[k] as number;
        const next = power * d;
        const third = next * d;
        s0 += power;
        s1 += power * u1;
        s2 += power * u0;
        t0 += next;
        t1 += next * u1;
        t2 += next * u0;
        v0 += third;
        v1 += third * u1;
        v2 += third * u0;
        powers[k] = third * d;
      }
      const at = offset + j * WEIGHTS;
      sums[at] = (sums[at] as number) + s0;
      sums[at + 1] = (sums[at + 1] as number) + s1;
      sums[at + 2] = (sums[at + 2] as number) + s2;
      sums[at + 3] = (sums[at + 3] as number) + t0;
      sums[at + 4] = (sums[at + 4] as number) + t1;
      sums[at + 5] = (sums[at + 5] as number) + t2;
      sums[at + 6] = (sums[at + 6] as number) + v0;
      sums[at + 7] = (sums[at + 7] as number) + v1;
      sums[at + 8] = (sums[at + 8] as number) + v2;
    }
    if (j + 1 < degree) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      for (let k = 0; k < length; k++) {
        const d = delta[from + k] as number;
        const u1 = w1[from + k] as number;
        const u0 = w0[from + k] as number;
        const power = powers[k] as number;
        const next = power * d;
        s0 += power;
        s1 += power * u1;
        s2 += power * u0;
        t0 += next;
        t1 += next * u1;
        t2 += next * u0;
        powers[k] = next * d;
      }
      const at = offset + j * WEIGHTS;
      sums[at] = (sums[at] as number) + s0;
      sums[at + 1] = (sums[at + 1] as number) + s1;
      sums[at + 2] = (sums[at + 2] as number) + s2;
      sums[at + 3] = (sums[at + 3] as number) + t0;
      sums[at + 4] = (sums[at + 4] as number) + t1;
      sums[at + 5] = (sums[at + 5] as number) + t2;
      j += 2;
    } else if (j < degree) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < length; k++) {
        const power = powers[k] as number;
        s0 += power;
        s1 += power * (w1[from + k] as number);
        s2 += power * (w0[from + k] as number);
      }
      const at = offset + j * WEIGHTS;
      sums[at] = (sums[at] as number) + s0;
      sums[at + 1] = (sums[at + 1] as number) + s1;
      sums[at + 2] = (sums[at + 2] as number) + s2;
    }
  }
}

/** Per segment: customers, revenue and cost_i(0) over all of them, and where each run of the scratch ends. */
interface SegmentRuns {
  customers: Float64Array;
  revenue: Float64Array;
  baseCost: Float64Array;
  /** End of each segment's moment customers in delta/w1/w0, and of its edge customers in edgeIndex. */
  momentEnd: Int32Array;
  edgeEnd: Int32Array;
}

/**
 * One sequential pass (filling `runs`, whose ends start at `start`) sorts the moment customers by segment into contiguous (delta, W1, W0) runs,
 * so that the power sums run over plain arrays with their accumulators in registers. Edge
 * customers go to the same segment runs of `edgeIndex` (a segment holds both kinds).
 */
function sortIntoSegments(
  base: FocusBase,
  stickiness: number,
  lowest: Float64Array,
  highest: Float64Array,
  center: Float64Array,
  start: Int32Array,
  scratch: NonNullable<typeof momentScratch>,
  runs: SegmentRuns,
): void {
  const { valuation, segment } = base;
  const n = base.size;
  const { customers, revenue, baseCost, momentEnd: cursor, edgeEnd: edgeCursor } = runs;
  const { delta, w1, w0, edgeIndex } = scratch;
  const { churn: churnOf, serviceCost: serviceOf, margin: marginOf, annualCost: annualCostOf, revenue: revenueOf, cost: costOf } = valuation;
  // Imported bindings are read through a getter in some module loaders (tsx): local copies for the loop.
  const minChurn = MIN_CUSTOMER_CHURN;
  const maxChurn = MAX_CUSTOMER_CHURN;
  for (let i = 0; i < n; i++) {
    const g = segment[i] as number;
    const churn = churnOf[i] as number;
    customers[g] = (customers[g] as number) + 1;
    revenue[g] = (revenue[g] as number) + (revenueOf[i] as number);
    baseCost[g] = (baseCost[g] as number) + (costOf[i] as number);
    // The same products clampChurn sees: unclamped at the extreme factors means unclamped at every level between.
    if (!(churn * (lowest[g] as number) >= minChurn && churn * (highest[g] as number) <= maxChurn)) {
      const at = edgeCursor[g] as number;
      edgeCursor[g] = at + 1;
      edgeIndex[at] = i;
      continue;
    }
    const service = serviceOf[i] as number;
    const at = cursor[g] as number;
    cursor[g] = at + 1;
    delta[at] = churn - (center[g] as number);
    w1[at] = (marginOf[i] as number) + service + stickiness * ((annualCostOf[i] as number) - service);
    w0[at] = (1 - stickiness) * service;
  }
}

/** The edge customers edgeIndex[from..to) as contiguous arrays of what their sum reads. */
function edgeCustomersOf(valuation: Valuation, edgeIndex: Uint32Array, from: number, to: number): EdgeCustomers {
  const count = to - from;
  const e: EdgeCustomers = {
    count,
    churn: new Float64Array(count),
    service: new Float64Array(count),
    orderMargin: new Float64Array(count),
    orderCost: new Float64Array(count),
  };
  const { churn, serviceCost, margin, annualCost } = valuation;
  for (let k = 0; k < count; k++) {
    const i = edgeIndex[from + k] as number;
    const service = serviceCost[i] as number;
    e.churn[k] = churn[i] as number;
    e.service[k] = service;
    e.orderMargin[k] = (margin[i] as number) + service;
    e.orderCost[k] = (annualCost[i] as number) - service;
  }
  return e;
}

function momentsOf(base: FocusBase, responses: readonly SegmentResponses[], s: FocusScenario, horizon: number): Moments {
  const degree = Math.max(horizon, MIN_MOMENT_DEGREE);
  const lowest = new Float64Array(3).fill(Number.POSITIVE_INFINITY);
  const highest = new Float64Array(3).fill(0);
  for (const r of responses) {
    for (let g = 0; g < 3; g++) {
      const factor = r.churnFactor[g] as number;
      // No care at all clamps every churn to 1: that level needs no moments beyond the count.
      if (!Number.isFinite(factor)) continue;
      lowest[g] = Math.min(lowest[g] as number, factor);
      highest[g] = Math.max(highest[g] as number, factor);
    }
  }
  const center = new Float64Array(3);
  for (let g = 0; g < 3; g++) {
    const low = Number.isFinite(lowest[g] as number) ? Math.max(MIN_CUSTOMER_CHURN, MIN_CUSTOMER_CHURN / (lowest[g] as number)) : MIN_CUSTOMER_CHURN;
    const high = (highest[g] as number) > 0 ? Math.min(MAX_CUSTOMER_CHURN, MAX_CUSTOMER_CHURN / (highest[g] as number)) : MAX_CUSTOMER_CHURN;
    center[g] = (low + high) / 2;
  }
  const scratch = momentScratchFor(base.size);
  const start = new Int32Array([0, base.counts[0], base.counts[0] + base.counts[1]]);
  const runs: SegmentRuns = {
    customers: new Float64Array(3),
    revenue: new Float64Array(3),
    baseCost: new Float64Array(3),
    momentEnd: Int32Array.from(start),
    edgeEnd: Int32Array.from(start),
  };
  sortIntoSegments(base, s.stickiness, lowest, highest, center, start, scratch, runs);
  const sums = new Float64Array(3 * degree * WEIGHTS);
  const edges: EdgeCustomers[] = [];
  for (let g = 0; g < 3; g++) {
    const from = start[g] as number;
    addPowerSums(scratch.delta, scratch.w1, scratch.w0, from, runs.momentEnd[g] as number, degree, sums, g * degree * WEIGHTS, scratch.powers);
    edges.push(edgeCustomersOf(base.valuation, scratch.edgeIndex, from, runs.edgeEnd[g] as number));
  }
  // Pascal's triangle, row t at t * degree.
  const binomial = new Float64Array(degree * degree);
  for (let t = 0; t < degree; t++) {
    binomial[t * degree] = 1;
    for (let j = 1; j <= t; j++) binomial[t * degree + j] = (binomial[(t - 1) * degree + j - 1] as number) + (j < t ? (binomial[(t - 1) * degree + j] as number) : 0);
  }
  return { degree, center, sums, customers: runs.customers, revenue: runs.revenue, baseCost: runs.baseCost, edges, binomial };
}

/** Segment sums at one response from the moments, plus the edge customers one by one. */
function evaluateMoments(r: SegmentResponses, m: Moments, s: FocusScenario, horizon: number): SegmentSums {
  const out = emptySums();
  const discountFactor = 1 + s.discountRate;
  const { degree, binomial } = m;
  // P[t * WEIGHTS + w] = sum_i w_i (1 - k_c c_i)^t over the moment customers.
  const retained = new Float64Array(degree * WEIGHTS);
  const basePowers = new Float64Array(degree);
  const slopePowers = new Float64Array(degree);
  for (let g = 0; g < 3; g++) {
    const churnFactor = r.churnFactor[g] as number;
    const growthFactor = r.growthFactor[g] as number;
    const orderFactor = r.orderFactor[g] as number;
    const spend = r.spend[g] as number;
    const offset = g * degree * WEIGHTS;
    retained.fill(0);
    // Without moment customers (all are edge customers, summed below) there is nothing to expand.
    const hasMoments = (m.sums[offset] as number) > 0;
    if (hasMoments && Number.isFinite(churnFactor)) {
      // (1 - k_c c) = (1 - k_c z) - k_c (c - z)
      const head = 1 - churnFactor * (m.center[g] as number);
      basePowers[0] = 1;
      slopePowers[0] = 1;
      for (let j = 1; j < degree; j++) {
        basePowers[j] = (basePowers[j - 1] as number) * head;
        slopePowers[j] = (slopePowers[j - 1] as number) * -churnFactor;
      }
      for (let t = 0; t < degree; t++) {
        let p0 = 0;
        let p1 = 0;
        let p2 = 0;
        for (let j = 0; j <= t; j++) {
          const coefficient = (binomial[t * degree + j] as number) * (basePowers[t - j] as number) * (slopePowers[j] as number);
          const at = offset + j * WEIGHTS;
          p0 += coefficient * (m.sums[at] as number);
          p1 += coefficient * (m.sums[at + 1] as number);
          p2 += coefficient * (m.sums[at + 2] as number);
        }
        retained[t * WEIGHTS] = p0;
        retained[t * WEIGHTS + 1] = p1;
        retained[t * WEIGHTS + 2] = p2;
      }
    } else if (hasMoments) {
      // Churn 1 for everyone: only the first year counts, (1 - c)^0 = 1.
      retained[0] = m.sums[offset] as number;
      retained[1] = m.sums[offset + 1] as number;
      retained[2] = m.sums[offset + 2] as number;
    }
    // sum_i w_i a_i = (1/D) sum_{t<H} (G/D)^t P_t
    const ratio = growthFactor / discountFactor;
    let annuity0 = 0;
    let annuity1 = 0;
    let annuity2 = 0;
    let scale = 1 / discountFactor;
    for (let t = 0; t < horizon; t++) {
      annuity0 += scale * (retained[t * WEIGHTS] as number);
      annuity1 += scale * (retained[t * WEIGHTS + 1] as number);
      annuity2 += scale * (retained[t * WEIGHTS + 2] as number);
      scale *= ratio;
    }
    let value = orderFactor * annuity1 - annuity2 - spend * annuity0 - s.stickiness * (m.baseCost[g] as number);
    let kept1 = retained[WEIGHTS] as number;
    let kept3 = retained[3 * WEIGHTS] as number;
    let kept5 = retained[5 * WEIGHTS] as number;
    const edges = m.edges[g] as EdgeCustomers;
    const stickiness = s.stickiness;
    const minChurn = MIN_CUSTOMER_CHURN;
    const maxChurn = MAX_CUSTOMER_CHURN;
    // annuityOf and clampChurn of valuation.ts, written out: this loop runs for every edge customer at every level.
    for (let e = 0; e < edges.count; e++) {
      const service = edges.service[e] as number;
      const scaled = (edges.churn[e] as number) * churnFactor;
      const churn = scaled < minChurn ? minChurn : scaled > maxChurn ? maxChurn : scaled;
      const q = ((1 - churn) * growthFactor) / discountFactor;
      const annuity = Math.abs(1 - q) < 1e-12 ? horizon / discountFactor : (1 - powInt(q, horizon)) / (1 - q) / discountFactor;
      const margin = orderFactor * (edges.orderMargin[e] as number) - service - spend;
      const cost = (orderFactor * (edges.orderCost[e] as number) + service) * annuity;
      // The stickiness term of the segment's base cost is already in `value`.
      value += margin * annuity + stickiness * cost;
      const retention = 1 - churn;
      const retention3 = retention * retention * retention;
      kept1 += retention;
      kept3 += retention3;
      kept5 += retention3 * retention * retention;
    }
    out.customers[g] = m.customers[g] as number;
    out.value[g] = value;
    out.revenue[g] = orderFactor * (m.revenue[g] as number);
    out.kept1[g] = kept1;
    out.kept3[g] = kept3;
    out.kept5[g] = kept5;
  }
  return out;
}

/** How the sums over customers are taken: `auto` uses moments where the horizon allows. */
export type FocusMethod = 'auto' | 'direct';

/** A whole-year horizon the moment method covers, or null. */
function momentHorizon(s: FocusScenario): number | null {
  const h = s.horizon;
  return h !== null && Number.isInteger(h) && h >= 1 && h <= MAX_MOMENT_HORIZON ? h : null;
}

/** Segment sums at each focus level, by moments where possible, else by direct passes. */
function sumsAt(levels: readonly number[], base: FocusBase, s: FocusScenario, method: FocusMethod): SegmentSums[] {
  const responses = levels.map((f) => segmentResponses(f, base, s));
  const horizon = method === 'auto' ? momentHorizon(s) : null;
  if (horizon === null) return responses.map((r) => directSums(r, base, s, null));
  const moments = momentsOf(base, responses, s, horizon);
  return responses.map((r) => evaluateMoments(r, moments, s, horizon));
}

function segmentFigures(f: number, base: FocusBase, s: FocusScenario, sums: SegmentSums): SegmentFigures[] {
  const shares = budgetShares(f, base.counts, s);
  const { intensity } = segmentResponses(f, base, s);
  return SEGMENTS.map((segment, g): SegmentFigures => {
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
}

function sweepLevels(points: number): number[] {
  return Array.from({ length: points }, (_, j) => (points > 1 ? j / (points - 1) : 0));
}

/** Total value at each of `points` evenly spaced focus levels from 0 to 1. */
export function focusSweep(base: FocusBase, s: FocusScenario, points: number = FOCUS_SWEEP_POINTS, method: FocusMethod = 'auto'): FocusPoint[] {
  const levels = sweepLevels(points);
  return sumsAt(levels, base, s, method).map((sums, j) => ({ focus: levels[j] as number, value: totalOf(sums) }));
}

/** V(f) at one focus level only (the tornado's many evaluations need no sweep). */
export function focusValueAt(base: FocusBase, s: FocusScenario, f: number, method: FocusMethod = 'auto'): number {
  return totalOf(sumsAt([f], base, s, method)[0] as SegmentSums);
}

export function focusStrategy(base: FocusBase, s: FocusScenario, method: FocusMethod = 'auto'): FocusResult {
  const levels = sweepLevels(FOCUS_SWEEP_POINTS);
  // The sweep, then the chosen focus and f = 0 for the segment table, all from one set of moments.
  const all = sumsAt([...levels, s.focus, 0], base, s, method);
  const none = all[all.length - 1] as SegmentSums;
  const current = all[all.length - 2] as SegmentSums;
  const sweep = levels.map((focus, j): FocusPoint => ({ focus, value: totalOf(all[j] as SegmentSums) }));
  // The best focus on the sweep grid; on a tie the smaller focus (less concentration for the same value).
  const start: FocusPoint = sweep[0] ?? { focus: 0, value: totalOf(none) };
  let best = start;
  for (const point of sweep) if (point.value > best.value + 1e-9 * Math.abs(best.value)) best = point;
  return {
    budget: base.size * s.careBudgetPerCustomer,
    sweep,
    bestFocus: best.focus,
    valueAtBestFocus: best.value,
    valueAtNoFocus: start.value,
    valueAtFocus: totalOf(current),
    segments: segmentFigures(s.focus, base, s, current),
    segmentsAtNoFocus: segmentFigures(0, base, s, none),
  };
}

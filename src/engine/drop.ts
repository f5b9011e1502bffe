// Dropping the worst customers (MODEL.md section 3): the naive and the
// realistic gain with sticky costs, the dilemma (important customers by
// revenue among the dropped) and "fix instead of drop".
import { countOf, sampleCurve } from './curve.ts';
import type { Scenario } from './parameters.ts';
import type { DropResult } from './results.ts';
import type { Valuation } from './valuation.ts';

/** A dropped customer is "important" when in the top 30 % by revenue. */
export const IMPORTANT_REVENUE_SHARE = 0.3;

export interface DropInputs {
  valuation: Valuation;
  /** Customers ranked by value, best first. */
  valueOrder: Uint32Array;
  /** The values in that order, when at hand: read in sequence instead of gathered. */
  valueSorted?: Float64Array;
  /** Cumulative value in that order (length n + 1). */
  valuePrefix: Float64Array;
  /** Each customer's position when ranked by revenue, largest first. */
  revenuePosition: Uint32Array;
}

export function dropWorst(
  { valuation, valueOrder, valueSorted, valuePrefix, revenuePosition }: DropInputs,
  s: Pick<Scenario, 'dropShare' | 'stickiness' | 'repriceMarginPoints' | 'serviceCutShare'>,
): DropResult {
  const n = valueOrder.length;
  const dropped = countOf(s.dropShare, n);
  const kept = n - dropped;
  const importantLimit = countOf(IMPORTANT_REVENUE_SHARE, n);
  const sums = new Float64Array(DropSum.Count);
  tailSums(valuation, valueOrder, valueSorted ?? null, revenuePosition, kept, importantLimit, s.repriceMarginPoints, sums);
  const droppedValue = sums[DropSum.Value] as number;
  const droppedCost = sums[DropSum.Cost] as number;
  const revenueLost = sums[DropSum.RevenueLost] as number;
  const importantCount = sums[DropSum.ImportantCount] as number;
  const importantRevenue = sums[DropSum.ImportantRevenue] as number;
  const repriceGain = sums[DropSum.RepriceGain] as number;
  const serviceCost = sums[DropSum.ServiceCost] as number;
  const revenueBefore = sums[DropSum.RevenueBefore] as number;
  const valueBefore = valuePrefix[n] as number;
  const naiveGain = -droppedValue;
  const stickyCost = s.stickiness * droppedCost;
  const realisticGain = naiveGain - stickyCost;
  // Cutting service saves only the part of it that is not allocated overhead.
  const serviceCutGain = (1 - s.stickiness) * s.serviceCutShare * serviceCost;
  return {
    dropShare: s.dropShare,
    droppedCount: dropped,
    customersBefore: n,
    customersAfter: kept,
    valueBefore,
    naiveGain,
    stickyCost,
    realisticGain,
    valueAfterNaive: valueBefore + naiveGain,
    valueAfter: valueBefore + realisticGain,
    revenueBefore,
    revenueLost,
    importantCount,
    importantRevenue,
    whaleAfter: valueBefore > 0 && kept > 0 ? sampleCurve(valuePrefix.subarray(0, kept + 1), valueBefore) : null,
    fix: { repriceGain, serviceCutGain, total: repriceGain + serviceCutGain },
  };
}

const enum DropSum {
  Value,
  Cost,
  RevenueLost,
  ImportantCount,
  ImportantRevenue,
  RepriceGain,
  ServiceCost,
  RevenueBefore,
  Count,
}

/**
 * The sums over the dropped customers (value order from `kept` on) and the revenue of all, into
 * `sums` (a loop of its own: see focus.ts markSegments).
 */
function tailSums(
  valuation: Valuation,
  valueOrder: Uint32Array,
  sorted: Float64Array | null,
  revenuePosition: Uint32Array,
  kept: number,
  importantLimit: number,
  points: number,
  sums: Float64Array,
): void {
  const n = valueOrder.length;
  let droppedValue = 0;
  let droppedCost = 0;
  let revenueLost = 0;
  let importantCount = 0;
  let importantRevenue = 0;
  let repriceGain = 0;
  let serviceCost = 0;
  let revenueBefore = 0;
  const { revenue: revenueOf, annuity: annuities, clv, cost, marginRate, serviceCost: serviceOf } = valuation;
  for (let i = 0; i < n; i++) revenueBefore += revenueOf[i] as number;
  for (let k = kept; k < n; k++) {
    const i = valueOrder[k] as number;
    const revenue = revenueOf[i] as number;
    const annuity = annuities[i] as number;
    droppedValue += sorted !== null ? (sorted[k] as number) : (clv[i] as number);
    droppedCost += cost[i] as number;
    revenueLost += revenue;
    if ((revenuePosition[i] as number) < importantLimit) {
      importantCount++;
      importantRevenue += revenue;
    }
    // Repricing: + x points of margin on their revenue, the rate capped at 100 %; they stay as they are.
    repriceGain += revenue * Math.min(points, 1 - (marginRate[i] as number)) * annuity;
    serviceCost += (serviceOf[i] as number) * annuity;
  }
  sums[DropSum.Value] = droppedValue;
  sums[DropSum.Cost] = droppedCost;
  sums[DropSum.RevenueLost] = revenueLost;
  sums[DropSum.ImportantCount] = importantCount;
  sums[DropSum.ImportantRevenue] = importantRevenue;
  sums[DropSum.RepriceGain] = repriceGain;
  sums[DropSum.ServiceCost] = serviceCost;
  sums[DropSum.RevenueBefore] = revenueBefore;
}

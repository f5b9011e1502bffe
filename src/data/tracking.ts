// The tracking chart of a fit (FHL 2005 Fig. 2; BTYD's bgnbd.PlotTrackingInc
// and ...Cum): repeat purchases per week of the calibration customers, actual
// against expected, over calibration and holdout. Week w holds the days
// [start + 7w, start + 7w + 6], start = the first purchase day of any of them.
// Expected cumulative repeat purchases by the end of day d:
//   sum_i E[X((d - f_i) / u)]   over customers with first purchase f_i <= d,
// with E[X(t)] the model's unconditional expectation for a new customer and
// u the days per time unit (7 for weeks). Customers are grouped by their
// first day, so the cost is (distinct first days) x (weeks) evaluations.
import { daysOf, type PurchaseDays } from './purchaseDays.ts';

export interface TrackingWeek {
  /** First day of the week (days since 1970-01-01). */
  start: number;
  actual: number;
  expected: number;
}

export interface Tracking {
  weeks: TrackingWeek[];
  /** First day of week 0. */
  startDay: number;
  calibrationEnd: number;
  observationEnd: number;
  /** Customers tracked (the calibration customers). */
  customers: number;
}

export interface TrackingInput {
  lists: PurchaseDays;
  /** Summary index of each calibration customer (CalibrationData.index). */
  index: ArrayLike<number>;
  calibrationEnd: number;
  observationEnd: number;
  daysPerUnit: number;
}

export function trackingOf(input: TrackingInput, newCustomerPurchases: (t: number) => number): Tracking {
  const { lists, index, observationEnd, daysPerUnit } = input;
  const firstCounts = new Map<number, number>();
  const repeats: number[] = [];
  for (let k = 0; k < index.length; k++) {
    const days = daysOf(lists, index[k] as number);
    if (days.length === 0) continue;
    const first = days[0] as number;
    firstCounts.set(first, (firstCounts.get(first) ?? 0) + 1);
    for (let j = 1; j < days.length; j++) repeats.push(days[j] as number);
  }
  const firsts = [...firstCounts.keys()].sort((p, q) => p - q);
  const startDay = firsts[0] ?? input.calibrationEnd;
  const weekCount = Math.max(1, Math.ceil((observationEnd - startDay + 1) / 7));
  const actual = new Float64Array(weekCount);
  for (const day of repeats) {
    const w = Math.floor((day - startDay) / 7);
    if (w >= 0 && w < weekCount) actual[w] = (actual[w] as number) + 1;
  }
  const weeks: TrackingWeek[] = [];
  let before = 0;
  for (let w = 0; w < weekCount; w++) {
    const end = Math.min(startDay + 7 * w + 6, observationEnd);
    let cumulative = 0;
    for (const first of firsts) {
      if (first > end) break;
      cumulative += (firstCounts.get(first) as number) * newCustomerPurchases((end - first) / daysPerUnit);
    }
    weeks.push({ start: startDay + 7 * w, actual: actual[w] as number, expected: cumulative - before });
    before = cumulative;
  }
  return { weeks, startDay, calibrationEnd: input.calibrationEnd, observationEnd, customers: index.length };
}

/** Running sums of the weekly figures (the cumulative view). */
export function cumulativeOf(weeks: readonly TrackingWeek[]): TrackingWeek[] {
  let actual = 0;
  let expected = 0;
  return weeks.map((week) => ({ start: week.start, actual: (actual += week.actual), expected: (expected += week.expected) }));
}

/** The calibration end after `weeks` whole weeks from the first purchase day (the split the chart's handle sets). */
export function calibrationEndAfter(startDay: number, weeks: number): number {
  return startDay + 7 * weeks - 1;
}

/** Whole weeks from the first purchase day to a calibration end, rounded (the handle's position). */
export function weeksUntil(startDay: number, calibrationEnd: number): number {
  return Math.round((calibrationEnd - startDay + 1) / 7);
}

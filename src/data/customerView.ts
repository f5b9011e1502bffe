// What the per-customer view and the heat maps show (issue 16, item 4), for
// any model of models.ts:
// - the distribution of purchases in the next t periods, P(Y(t) = 0 ... 9)
//   and P(Y(t) >= 10);
// - the P(alive) path over the customer's own timeline: at every age tau
//   from the first purchase to T, P(alive | x(tau), t_x(tau), tau) with x(tau)
//   and t_x(tau) her repeat purchases and last purchase up to tau (it jumps
//   up at each purchase and decays in between);
// - P(alive) and E[Y(t)] over a grid of frequency and recency at one age T.
import type { Forecaster } from './models.ts';
import { purchaseDistribution } from './purchaseCounts.ts';

/** Bars 0 ... 9 and "10+". */
export const PURCHASE_BARS = 10;

export function customerPurchaseDistribution(forecaster: Forecaster, t: number, x: number, tx: number, T: number): number[] {
  return purchaseDistribution((n) => forecaster.probabilityOfPurchases(t, n, x, tx, T), PURCHASE_BARS);
}

export interface AlivePoint {
  /** Age since the first purchase, in the time unit. */
  t: number;
  alive: number;
}

/**
 * P(alive) along the customer's history. `repeatTimes` are the ages of her
 * repeat purchases (sorted, > 0); the path has `steps` evenly spaced points
 * plus a point just before and at each purchase, so the jumps are vertical.
 */
export function aliveHistory(forecaster: Forecaster, repeatTimes: readonly number[], T: number, steps = 100): AlivePoint[] {
  const times = new Set<number>();
  for (let k = 0; k <= steps; k++) times.add((T * k) / steps);
  for (const p of repeatTimes) {
    if (p > 0 && p <= T) {
      times.add(p);
      times.add(Math.max(0, p - 1e-9 * Math.max(1, T)));
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const points: AlivePoint[] = [];
  let next = 0;
  let x = 0;
  let tx = 0;
  for (const tau of sorted) {
    while (next < repeatTimes.length && (repeatTimes[next] as number) <= tau) {
      x++;
      tx = repeatTimes[next] as number;
      next++;
    }
    points.push({ t: tau, alive: forecaster.probabilityAlive(x, tx, tau) });
  }
  return points;
}

export interface ForecastMatrix {
  /** Frequencies 0 ... maxFrequency (rows). */
  frequencies: number[];
  /** Recencies (columns), from 0 to T. */
  recencies: number[];
  /** alive[row][column]; null where the cell cannot occur (x = 0 with t_x > 0). */
  alive: (number | null)[][];
  expected: (number | null)[][];
  T: number;
  t: number;
}

export function forecastMatrix(forecaster: Forecaster, T: number, maxFrequency: number, columns: number, t: number): ForecastMatrix {
  const frequencies = Array.from({ length: maxFrequency + 1 }, (_, x) => x);
  const recencies = Array.from({ length: columns }, (_, k) => (columns > 1 ? (T * k) / (columns - 1) : T));
  const alive = frequencies.map((x) => recencies.map((tx) => (x === 0 && tx > 0 ? null : forecaster.probabilityAlive(x, tx, T))));
  const expected = frequencies.map((x) => recencies.map((tx) => (x === 0 && tx > 0 ? null : forecaster.expectedPurchases(t, x, tx, T))));
  return { frequencies, recencies, alive, expected, T, t };
}

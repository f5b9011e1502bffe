// The classic check of a BG/NBD fit (FHL 2005 Fig. 3): customers grouped by
// their calibration frequency x = 0, 1, ..., 7+, mean actual purchases in
// the holdout period against the mean of E[Y(t*) | x, t_x, T] with t* the
// holdout length.
import { conditionalExpectedPurchases, type BgNbdParameters } from './bgnbd.ts';

export interface HoldoutGroup {
  /** Calibration frequency; the last group holds `frequency` and more. */
  frequency: number;
  label: string;
  customers: number;
  actual: number;
  predicted: number;
}

export interface HoldoutInput {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  holdoutFrequency: ArrayLike<number>;
}

/** FHL 2005 and BTYD group x = 7 and above. */
export const HOLDOUT_TOP_GROUP = 7;

/** Conditional expected purchases E[Y(t) | x, t_x, T] of some fitted model. */
export type ExpectedPurchases = (t: number, x: number, tx: number, T: number) => number;

/** The holdout groups for any model's conditional forecast. */
export function holdoutGroups(expectedPurchases: ExpectedPurchases, data: HoldoutInput, holdoutLength: number, topGroup: number = HOLDOUT_TOP_GROUP): HoldoutGroup[] {
  const customers = new Float64Array(topGroup + 1);
  const actual = new Float64Array(topGroup + 1);
  const predicted = new Float64Array(topGroup + 1);
  for (let i = 0; i < data.frequency.length; i++) {
    const x = data.frequency[i] as number;
    const g = Math.min(x, topGroup);
    customers[g] = (customers[g] as number) + 1;
    actual[g] = (actual[g] as number) + (data.holdoutFrequency[i] as number);
    predicted[g] = (predicted[g] as number) + expectedPurchases(holdoutLength, x, data.recency[i] as number, data.T[i] as number);
  }
  return Array.from({ length: topGroup + 1 }, (_, g) => {
    const count = customers[g] as number;
    return {
      frequency: g,
      label: g === topGroup ? `${g}+` : String(g),
      customers: count,
      actual: count > 0 ? (actual[g] as number) / count : 0,
      predicted: count > 0 ? (predicted[g] as number) / count : 0,
    };
  });
}

export function holdoutCheck(params: BgNbdParameters, data: HoldoutInput, holdoutLength: number, topGroup: number = HOLDOUT_TOP_GROUP): HoldoutGroup[] {
  return holdoutGroups((t, x, tx, T) => conditionalExpectedPurchases(params, t, x, tx, T), data, holdoutLength, topGroup);
}

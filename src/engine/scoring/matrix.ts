// Portfolio matrix (MODEL.md section 5): current value against potential
// (the soft-factor score), split at the median value and at the middle of
// the 1-5 scale (3), with a recommended treatment per quadrant:
//   high value, high potential -> keep and secure ("halten")
//   low value, high potential  -> develop ("entwickeln")
//   high value, low potential  -> maintain efficiently
//   low value, low potential   -> reprice or let go
// With many customers the chart shows a density (counts in a grid of cells)
// instead of one dot per customer.

export type Quadrant = 'keep' | 'develop' | 'maintain' | 'reprice';
export const QUADRANTS: readonly Quadrant[] = ['keep', 'develop', 'maintain', 'reprice'];

/** Potential above this is "high" (the middle of 1-5). */
export const POTENTIAL_SPLIT = 3;
export const DENSITY_COLUMNS = 24;
export const DENSITY_ROWS = 16;
/** Up to this many customers are drawn as dots. */
export const MAX_DOTS = 400;

export interface QuadrantFigures {
  quadrant: Quadrant;
  customers: number;
  value: number;
  revenue: number;
  meanPotential: number;
}

export interface MatrixResult {
  /** The value dividing low from high: the median value. */
  valueSplit: number;
  potentialSplit: number;
  quadrants: QuadrantFigures[];
  /** x domain of the chart: the 1st to 99th percentile of value (outliers sit on the edge). */
  valueRange: [number, number];
  /** Customer counts, row-major: rows from potential 1 (row 0) to 5, columns from low to high value. */
  density: number[];
  columns: number;
  rows: number;
  /** One dot per customer when there are few (null otherwise). */
  dots: { value: number; potential: number }[] | null;
}

export function quadrantOf(value: number, potential: number, valueSplit: number, potentialSplit: number): Quadrant {
  const highValue = value > valueSplit;
  const highPotential = potential > potentialSplit;
  return highValue ? (highPotential ? 'keep' : 'maintain') : highPotential ? 'develop' : 'reprice';
}

function quantileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const at = p * (n - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function portfolioMatrix(value: ArrayLike<number>, potential: ArrayLike<number>, revenue: ArrayLike<number>): MatrixResult {
  const n = value.length;
  const sorted = Float64Array.from(value).sort();
  const valueSplit = quantileOfSorted(sorted, 0.5);
  let lo = quantileOfSorted(sorted, 0.01);
  let hi = quantileOfSorted(sorted, 0.99);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const sums = QUADRANTS.map((quadrant) => ({ quadrant, customers: 0, value: 0, revenue: 0, meanPotential: 0 }));
  const index: Record<Quadrant, number> = { keep: 0, develop: 1, maintain: 2, reprice: 3 };
  const density = new Array<number>(DENSITY_COLUMNS * DENSITY_ROWS).fill(0);
  for (let i = 0; i < n; i++) {
    const v = value[i] as number;
    const p = potential[i] as number;
    const row = sums[index[quadrantOf(v, p, valueSplit, POTENTIAL_SPLIT)]];
    if (row) {
      row.customers += 1;
      row.value += v;
      row.revenue += revenue[i] as number;
      row.meanPotential += p;
    }
    const column = Math.min(DENSITY_COLUMNS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * DENSITY_COLUMNS)));
    const r = Math.min(DENSITY_ROWS - 1, Math.max(0, Math.floor(((p - 1) / 4) * DENSITY_ROWS)));
    const cell = r * DENSITY_COLUMNS + column;
    density[cell] = (density[cell] ?? 0) + 1;
  }
  for (const row of sums) row.meanPotential = row.customers > 0 ? row.meanPotential / row.customers : 0;
  const dots = n <= MAX_DOTS ? Array.from({ length: n }, (_, i) => ({ value: value[i] as number, potential: potential[i] as number })) : null;
  return {
    valueSplit,
    potentialSplit: POTENTIAL_SPLIT,
    quadrants: sums,
    valueRange: [lo, hi],
    density,
    columns: DENSITY_COLUMNS,
    rows: DENSITY_ROWS,
    dots,
  };
}

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
  return QUADRANTS[quadrantIndex(value, potential, valueSplit, potentialSplit)] as Quadrant;
}

/** quadrantOf as its place in QUADRANTS (keep, develop, maintain, reprice), for the per-customer loop. */
function quadrantIndex(value: number, potential: number, valueSplit: number, potentialSplit: number): number {
  const highValue = value > valueSplit;
  const highPotential = potential > potentialSplit;
  return highValue ? (highPotential ? 0 : 2) : highPotential ? 1 : 3;
}

/**
 * Moves the k-th smallest of a[left..right] to a[k], smaller ones before it and larger ones
 * after it (Hoare's selection, the middle element as pivot). Three quantiles need only
 * this, not a sort of a million values.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The p-quantile of a (linear between neighbours, as on a sorted copy), searching only
 * a[left..right]: the caller guarantees that this range holds exactly the order statistics
 * left..right, among them both neighbours.
 */
function quantileOf(a: Float64Array, p: number, left: number, right: number): number {
  const n = a.length;
  if (n === 0) return 0;
  const at = p * (n - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  select(a, lo, left, right);
  const low = a[lo] as number;
  if (hi === lo) return low;
  // After the selection everything beyond lo is at least a[lo]: the next order statistic is their minimum.
  let next = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i <= right; i++) if ((a[i] as number) < next) next = a[i] as number;
  return low + (next - low) * (at - lo);
}

/** Per quadrant (in QUADRANTS order): customers, value, revenue and potential, at QUADRANT_SUMS * q + that. */
const QUADRANT_SUMS = 4;

/**
 * The per-customer loop of portfolioMatrix: quadrant sums and the density grid (a loop of its own
 * with numeric indices, instead of a quadrant name looked up per customer: see focus.ts markSegments).
 */
function matrixSums(
  value: ArrayLike<number>,
  potential: ArrayLike<number>,
  revenue: ArrayLike<number>,
  valueSplit: number,
  lo: number,
  hi: number,
  totals: Float64Array,
  density: Float64Array,
): void {
  for (let i = 0; i < value.length; i++) {
    const v = value[i] as number;
    const p = potential[i] as number;
    const at = QUADRANT_SUMS * quadrantIndex(v, p, valueSplit, POTENTIAL_SPLIT);
    totals[at] = (totals[at] as number) + 1;
    totals[at + 1] = (totals[at + 1] as number) + v;
    totals[at + 2] = (totals[at + 2] as number) + (revenue[i] as number);
    totals[at + 3] = (totals[at + 3] as number) + p;
    const column = Math.min(DENSITY_COLUMNS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * DENSITY_COLUMNS)));
    const r = Math.min(DENSITY_ROWS - 1, Math.max(0, Math.floor(((p - 1) / 4) * DENSITY_ROWS)));
    const cell = r * DENSITY_COLUMNS + column;
    density[cell] = (density[cell] as number) + 1;
  }
}

export function portfolioMatrix(value: ArrayLike<number>, potential: ArrayLike<number>, revenue: ArrayLike<number>): MatrixResult {
  const n = value.length;
  const values = Float64Array.from(value);
  const valueSplit = quantileOf(values, 0.5, 0, n - 1);
  // The median's selection split the values at floor((n - 1) / 2): each outer quantile lies on one side.
  const middle = Math.floor(0.5 * (n - 1));
  const lowUpper = Math.ceil(0.01 * (n - 1));
  let lo = quantileOf(values, 0.01, 0, lowUpper <= middle ? middle : n - 1);
  let hi = quantileOf(values, 0.99, Math.min(n - 1, middle), n - 1);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const totals = new Float64Array(QUADRANT_SUMS * QUADRANTS.length);
  const counts = new Float64Array(DENSITY_COLUMNS * DENSITY_ROWS);
  matrixSums(value, potential, revenue, valueSplit, lo, hi, totals, counts);
  const sums = QUADRANTS.map((quadrant, q) => ({
    quadrant,
    customers: totals[QUADRANT_SUMS * q] as number,
    value: totals[QUADRANT_SUMS * q + 1] as number,
    revenue: totals[QUADRANT_SUMS * q + 2] as number,
    meanPotential: totals[QUADRANT_SUMS * q + 3] as number,
  }));
  const density = Array.from(counts);
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

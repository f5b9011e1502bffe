// The profile of the best customers (MODEL.md section 5): how A and C
// customers differ in each trait, as the "look for more customers like
// these" picture (target-group profiling). Means per segment and their ratio.

export interface ProfileTrait {
  /** A message-free id, e.g. 'ordersPerYear'. */
  readonly id: string;
  readonly values: ArrayLike<number>;
}

export interface ProfileRow {
  id: string;
  meanA: number;
  meanB: number;
  meanC: number;
  /** meanA / meanC; null when meanC is 0. */
  ratio: number | null;
}

export function segmentProfile(segment: Uint8Array, traits: readonly ProfileTrait[]): ProfileRow[] {
  const counts = [0, 0, 0];
  for (let i = 0; i < segment.length; i++) {
    const g = segment[i] as number;
    counts[g] = (counts[g] ?? 0) + 1;
  }
  return traits.map((trait) => {
    const sums = [0, 0, 0];
    for (let i = 0; i < segment.length; i++) {
      const g = segment[i] as number;
      sums[g] = (sums[g] ?? 0) + (trait.values[i] as number);
    }
    const mean = (g: number) => ((counts[g] ?? 0) > 0 ? (sums[g] ?? 0) / (counts[g] ?? 1) : 0);
    const meanA = mean(0);
    const meanC = mean(2);
    return { id: trait.id, meanA, meanB: mean(1), meanC, ratio: meanC !== 0 ? meanA / meanC : null };
  });
}

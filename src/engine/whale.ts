// The whale curve (MODEL.md section 2): customers ranked by value (CLV
// without acquisition cost, sunk for existing customers), cumulative value as
// a share of the total. It rises above 100 % and falls back: the best
// customers earn more than everything, the worst destroy value.
import { countOf, sampleCurve } from './curve.ts';
import type { CurvePoint } from './results.ts';

export interface WhaleFigures {
  whale: CurvePoint[] | null;
  whalePeak: number | null;
  whalePeakAt: number | null;
  top20ValueShare: number | null;
  worst10ValueShare: number | null;
}

/** `prefix` holds the cumulative value of customers ranked best first (length n + 1). */
export function whaleFigures(prefix: Float64Array): WhaleFigures {
  const n = prefix.length - 1;
  const total = prefix[n] as number;
  // A share of a total that is zero or negative has no meaning: say so instead of flipping signs.
  if (!(total > 0)) return { whale: null, whalePeak: null, whalePeakAt: null, top20ValueShare: null, worst10ValueShare: null };
  const peakAt = peakOf(prefix);
  const peak = peakAt > 0 ? (prefix[peakAt] as number) : 0;
  const worst10 = countOf(0.1, n);
  return {
    whale: sampleCurve(prefix, total),
    whalePeak: peak / total,
    whalePeakAt: peakAt / n,
    top20ValueShare: (prefix[countOf(0.2, n)] as number) / total,
    worst10ValueShare: (total - (prefix[n - worst10] as number)) / total,
  };
}

/** The first k >= 1 where prefix[k] is highest and above 0, or 0 (a loop of its own: see focus.ts markSegments). */
function peakOf(prefix: Float64Array): number {
  let peak = 0;
  let peakAt = 0;
  for (let k = 1; k < prefix.length; k++) {
    const cumulative = prefix[k] as number;
    if (cumulative > peak) {
      peak = cumulative;
      peakAt = k;
    }
  }
  return peakAt;
}

// Customers drawn from a known BG/NBD model (issue 16: "simulate, fit,
// compare"; FHL 2005 section 2): lambda ~ Gamma(r, alpha) and p ~ Beta(a, b)
// per customer, exponential gaps with rate lambda between purchases, and
// after each repeat purchase the customer drops out with probability p. Every
// customer is observed for T periods after her first purchase, T spread
// evenly over [minT, maxT] (a cohort acquired over a while). Seeded with the
// engine's counter-based generator, so customer i keeps her history when N
// grows.
import type { BgNbdParameters, RecencyFrequency } from './bgnbd.ts';
import { gamma, uniform } from '../engine/random.ts';

export interface SimulationOptions {
  customers: number;
  seed: number;
  minT: number;
  maxT: number;
}

/** Streams of one customer: the gamma draws of traits 0, 1 and 2 use 64 streams each (random.ts), the purchase process the rest. */
const PROCESS_STREAM_START = 3 * 64;
/** A customer who buys more than this often in T is cut off (keeps pathological draws finite). */
const MAX_PURCHASES = 100_000;

export function simulateBgNbd(params: BgNbdParameters, options: SimulationOptions): RecencyFrequency & { frequency: Float64Array; recency: Float64Array; T: Float64Array } {
  const n = options.customers;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = n > 1 ? options.minT + ((options.maxT - options.minT) * i) / (n - 1) : options.maxT;
    const lambda = gamma(params.r, options.seed, i, 0) / params.alpha;
    const g1 = gamma(params.a, options.seed, i, 1);
    const g2 = gamma(params.b, options.seed, i, 2);
    const p = g1 / (g1 + g2);
    let t = 0;
    let x = 0;
    let last = 0;
    let stream = PROCESS_STREAM_START;
    while (x < MAX_PURCHASES) {
      t += -Math.log(uniform(options.seed, i, stream++)) / lambda;
      if (!(t <= age)) break;
      x++;
      last = t;
      if (uniform(options.seed, i, stream++) < p) break;
    }
    frequency[i] = x;
    recency[i] = last;
    T[i] = age;
  }
  return { frequency, recency, T };
}

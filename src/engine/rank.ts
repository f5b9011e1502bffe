// Ranking customers: an LSD radix sort of float32 keys (two 16-bit passes).
// A comparison sort of 1M doubles alone takes ~110 ms here; this takes a
// fraction of that. Float32 keys only decide the order: every sum over the
// order still uses the full float64 values, and customers whose values agree
// to 7 digits are interchangeable in every figure we show.

const RADIX = 1 << 16;

/** Scratch buffers reused between calls of the same size (the worker ranks on every slider move). */
interface Scratch {
  keys: Uint32Array;
  keysB: Uint32Array;
  orderB: Uint32Array;
  counts: Uint32Array;
  floatView: Float32Array;
  bitsView: Uint32Array;
}

let scratch: Scratch | null = null;

function scratchFor(n: number): Scratch {
  if (scratch === null || scratch.keys.length !== n) {
    const floats = new Float32Array(n);
    scratch = {
      keys: new Uint32Array(n),
      keysB: new Uint32Array(n),
      orderB: new Uint32Array(n),
      counts: new Uint32Array(RADIX),
      floatView: floats,
      bitsView: new Uint32Array(floats.buffer),
    };
  }
  return scratch;
}

/**
 * Fills `order` with the indices 0..n-1 sorted by `values`, descending when
 * `descending` is true. Stable for equal keys. NaN must not occur (the engine
 * guarantees finite values).
 */
export function rankInto(values: ArrayLike<number>, order: Uint32Array, descending: boolean): Uint32Array {
  const n = values.length;
  const s = scratchFor(n);
  const { keys, floatView, bitsView } = s;
  for (let i = 0; i < n; i++) floatView[i] = values[i] as number;
  // Map IEEE-754 bits to unsigned integers that sort like the floats.
  for (let i = 0; i < n; i++) {
    const bits = bitsView[i] as number;
    const ascending = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    keys[i] = descending ? ~ascending >>> 0 : ascending;
    order[i] = i;
  }
  radixPass(keys, order, s.keysB, s.orderB, s.counts, 0, n);
  radixPass(s.keysB, s.orderB, keys, order, s.counts, 16, n);
  return order;
}

function radixPass(
  keysIn: Uint32Array,
  orderIn: Uint32Array,
  keysOut: Uint32Array,
  orderOut: Uint32Array,
  counts: Uint32Array,
  shift: number,
  n: number,
): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const bucket = ((keysIn[i] as number) >>> shift) & 0xffff;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  let total = 0;
  for (let b = 0; b < RADIX; b++) {
    const c = counts[b] as number;
    counts[b] = total;
    total += c;
  }
  for (let i = 0; i < n; i++) {
    const key = keysIn[i] as number;
    const bucket = (key >>> shift) & 0xffff;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = orderIn[i] as number;
  }
}

export function rank(values: ArrayLike<number>, descending: boolean): Uint32Array {
  return rankInto(values, new Uint32Array(values.length), descending);
}

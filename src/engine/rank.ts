// Ranking customers: an LSD radix sort of float32 keys (three passes of 11, 11
// and 10 bits: 2,048 buckets stay in cache where 65,536 did not, which made two
// 16-bit passes slower at 1M on this machine, the more so under load).
// A comparison sort of 1M doubles alone takes ~110 ms here; this takes a
// fraction of that. Float32 keys only decide the order: every sum over the
// order still uses the full float64 values, and customers whose values agree
// to 7 digits are interchangeable in every figure we show.

const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;

/** Scratch buffers reused between calls of the same or a smaller size (the worker ranks on every slider move). */
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
  // At least n: ranking the kept customers after a drop reuses the whole portfolio's buffers.
  if (scratch === null || scratch.keys.length < n) {
    const floats = new Float32Array(n);
    scratch = {
      keys: new Uint32Array(n),
      keysB: new Uint32Array(n),
      orderB: new Uint32Array(n),
      counts: new Uint32Array(3 * RADIX),
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
  const counts = s.counts;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const bits = bitsView[i] as number;
    const ascending = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    const key = descending ? ~ascending >>> 0 : ascending;
    keys[i] = key;
    // All three digit histograms in the same pass.
    counts[key & DIGIT_MASK] = (counts[key & DIGIT_MASK] as number) + 1;
    const middle = RADIX + ((key >>> DIGIT_BITS) & DIGIT_MASK);
    counts[middle] = (counts[middle] as number) + 1;
    const high = 2 * RADIX + (key >>> (2 * DIGIT_BITS));
    counts[high] = (counts[high] as number) + 1;
  }
  for (let digit = 0; digit < 3; digit++) {
    let total = 0;
    for (let b = digit * RADIX; b < (digit + 1) * RADIX; b++) {
      const c = counts[b] as number;
      counts[b] = total;
      total += c;
    }
  }
  // The first pass places customer numbers themselves; the three passes end in `order`.
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const bucket = key & DIGIT_MASK;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    s.keysB[at] = key;
    order[at] = i;
  }
  radixPass(s.keysB, order, keys, s.orderB, counts, RADIX, DIGIT_BITS, n);
  radixPass(keys, s.orderB, s.keysB, order, counts, 2 * RADIX, 2 * DIGIT_BITS, n);
  return order;
}

/** Moves keys and order into their buckets of one digit; `counts[offset + digit]` holds each bucket's next slot. */
function radixPass(
  keysIn: Uint32Array,
  orderIn: Uint32Array,
  keysOut: Uint32Array,
  orderOut: Uint32Array,
  counts: Uint32Array,
  offset: number,
  shift: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const key = keysIn[i] as number;
    const bucket = offset + ((key >>> shift) & DIGIT_MASK);
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = orderIn[i] as number;
  }
}

export function rank(values: ArrayLike<number>, descending: boolean): Uint32Array {
  return rankInto(values, new Uint32Array(values.length), descending);
}

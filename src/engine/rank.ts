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

/** Customers whose float32 keys are made at a time: the conversion buffer stays in L1 instead of a pass over n. */
const CHUNK = 2048;

/** Scratch buffers reused between calls of the same or a smaller size (the worker ranks on every slider move). */
interface Scratch {
  /** The keys' bits as int32 (the passes read them with >>>): V8 keeps them in integer registers, where a uint32 above 2^31 would be a double. */
  keys: Int32Array;
  keysB: Int32Array;
  orderB: Uint32Array;
  counts: Int32Array;
  floatView: Float32Array;
  bitsView: Uint32Array;
  /** The values themselves moved along with their keys, only when the caller asks for them in rank order. */
  valuesA: Float64Array | null;
  valuesB: Float64Array | null;
}

let scratch: Scratch | null = null;

function scratchFor(n: number, withValues: boolean): Scratch {
  // At least n: ranking the kept customers after a drop reuses the whole portfolio's buffers.
  if (scratch === null || scratch.keys.length < n) {
    const floats = new Float32Array(CHUNK);
    scratch = {
      keys: new Int32Array(n),
      keysB: new Int32Array(n),
      orderB: new Uint32Array(n),
      counts: new Int32Array(3 * RADIX),
      floatView: floats,
      bitsView: new Uint32Array(floats.buffer),
      valuesA: null,
      valuesB: null,
    };
  }
  if (withValues && (scratch.valuesA === null || scratch.valuesA.length < n)) {
    scratch.valuesA = new Float64Array(scratch.keys.length);
    scratch.valuesB = new Float64Array(scratch.keys.length);
  }
  return scratch;
}

/**
 * Fills `order` with the indices 0..n-1 sorted by `values`, descending when
 * `descending` is true. Stable for equal keys. NaN must not occur (the engine
 * guarantees finite values). With `sorted`, also sorted[k] = values[order[k]]:
 * the values travel through the passes with their keys, so the caller reads them
 * in rank order without a gather (a cache miss per customer at 1M).
 */
export function rankInto(values: ArrayLike<number>, order: Uint32Array, descending: boolean, sorted?: Float64Array): Uint32Array {
  const n = values.length;
  const s = scratchFor(n, sorted !== undefined);
  s.counts.fill(0);
  keysOf(values, descending, s);
  for (let digit = 0; digit < 3; digit++) {
    let total = 0;
    for (let b = digit * RADIX; b < (digit + 1) * RADIX; b++) {
      const c = s.counts[b] as number;
      s.counts[b] = total;
      total += c;
    }
  }
  const { valuesA, valuesB } = s;
  if (sorted !== undefined && valuesA !== null && valuesB !== null) {
    // The same three passes, with the values as a payload.
    firstPassWithValues(values, n, s.keys, s.keysB, order, valuesB, s.counts);
    middlePassWithValues(n, s.keysB, s.keys, order, s.orderB, valuesB, valuesA, s.counts);
    lastPassWithValues(n, s.keys, s.orderB, order, valuesA, sorted, s.counts);
  } else {
    firstPass(n, s.keys, s.keysB, order, s.counts);
    middlePass(n, s.keysB, s.keys, order, s.orderB, s.counts);
    lastPass(n, s.keys, s.orderB, order, s.counts);
  }
  return order;
}

/*
 * The passes, each a function of its own that returns nothing: V8 compiles a long loop while it
 * runs and caches that code, and code after the loop that had not run by then threw the compiled
 * loop away on every later call (see focus.ts markSegments).
 */

/** Maps IEEE-754 bits to unsigned integers that sort like the floats, and counts all three digits. */
function keysOf(values: ArrayLike<number>, descending: boolean, s: Scratch): void {
  const n = values.length;
  const { keys, floatView, bitsView, counts } = s;
  const flip = descending ? -1 : 0;
  for (let from = 0; from < n; from += CHUNK) {
    const length = Math.min(CHUNK, n - from);
    for (let k = 0; k < length; k++) floatView[k] = values[from + k] as number;
    for (let k = 0; k < length; k++) {
      const bits = bitsView[k] as number;
      const ascending = bits & 0x80000000 ? ~bits : bits | 0x80000000;
      const key = ascending ^ flip;
      keys[from + k] = key;
      counts[key & DIGIT_MASK] = (counts[key & DIGIT_MASK] as number) + 1;
      const middle = RADIX + ((key >>> DIGIT_BITS) & DIGIT_MASK);
      counts[middle] = (counts[middle] as number) + 1;
      const high = 2 * RADIX + (key >>> (2 * DIGIT_BITS));
      counts[high] = (counts[high] as number) + 1;
    }
  }
}

/** The first pass places customer numbers themselves. */
function firstPass(n: number, keys: Int32Array, keysOut: Int32Array, orderOut: Uint32Array, counts: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const bucket = key & DIGIT_MASK;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = i;
  }
}

function middlePass(n: number, keys: Int32Array, keysOut: Int32Array, order: Uint32Array, orderOut: Uint32Array, counts: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const bucket = RADIX + ((key >>> DIGIT_BITS) & DIGIT_MASK);
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = order[i] as number;
  }
}

/** The last pass needs no keys written: nothing reads them afterwards. */
function lastPass(n: number, keys: Int32Array, order: Uint32Array, orderOut: Uint32Array, counts: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const bucket = 2 * RADIX + ((keys[i] as number) >>> (2 * DIGIT_BITS));
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    orderOut[at] = order[i] as number;
  }
}

function firstPassWithValues(
  values: ArrayLike<number>,
  n: number,
  keys: Int32Array,
  keysOut: Int32Array,
  orderOut: Uint32Array,
  valuesOut: Float64Array,
  counts: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const bucket = key & DIGIT_MASK;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = i;
    valuesOut[at] = values[i] as number;
  }
}

function middlePassWithValues(
  n: number,
  keys: Int32Array,
  keysOut: Int32Array,
  order: Uint32Array,
  orderOut: Uint32Array,
  values: Float64Array,
  valuesOut: Float64Array,
  counts: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const bucket = RADIX + ((key >>> DIGIT_BITS) & DIGIT_MASK);
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    keysOut[at] = key;
    orderOut[at] = order[i] as number;
    valuesOut[at] = values[i] as number;
  }
}

function lastPassWithValues(
  n: number,
  keys: Int32Array,
  order: Uint32Array,
  orderOut: Uint32Array,
  values: Float64Array,
  valuesOut: Float64Array,
  counts: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const bucket = 2 * RADIX + ((keys[i] as number) >>> (2 * DIGIT_BITS));
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    orderOut[at] = order[i] as number;
    valuesOut[at] = values[i] as number;
  }
}

export function rank(values: ArrayLike<number>, descending: boolean): Uint32Array {
  return rankInto(values, new Uint32Array(values.length), descending);
}

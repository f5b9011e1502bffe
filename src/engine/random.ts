// Seeded, counter-based random numbers (MODEL.md section 2: traits are drawn
// once from a seeded generator). Each draw is a pure function of
// (seed, customer index, stream), so customer i keeps its traits when N grows
// and a shape change moves every customer smoothly instead of reshuffling.

const TWO_POW_32 = 4294967296;

/** murmur3's 32-bit finaliser: a cheap, well-mixed bijection. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The part of a draw's hash that depends only on (seed, customer index): a
 * customer's many draws share it, so computing it once per customer saves two
 * of the three mixing rounds per draw (the draws stay bit for bit the same).
 */
export function customerHash(seed: number, index: number): number {
  const h = fmix32((seed ^ 0x9e3779b9) >>> 0);
  return fmix32((h ^ Math.imul(index + 1, 0x27d4eb2f)) >>> 0);
}

/** uniform(seed, index, stream) from customerHash(seed, index). */
export function uniformOf(hash: number, stream: number): number {
  return (fmix32((hash ^ Math.imul(stream + 1, 0x165667b1)) >>> 0) + 0.5) / TWO_POW_32;
}

/** Uniform in the open interval (0, 1): never 0, so logs and powers stay finite. */
export function uniform(seed: number, index: number, stream: number): number {
  return uniformOf(customerHash(seed, index), stream);
}

/** Normals draw their uniforms from a stream range of their own, apart from direct uniform draws. */
const NORMAL_STREAM_OFFSET = 1 << 20;

/** normal(seed, index, stream) from customerHash(seed, index). */
export function normalOf(hash: number, stream: number): number {
  const u1 = uniformOf(hash, NORMAL_STREAM_OFFSET + 2 * stream);
  const u2 = uniformOf(hash, NORMAL_STREAM_OFFSET + 2 * stream + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Standard normal by Box-Muller from two counter draws. */
export function normal(seed: number, index: number, stream: number): number {
  return normalOf(customerHash(seed, index), stream);
}

/** Streams per trait: room for the rejection attempts of one gamma draw. */
const STREAMS_PER_TRAIT = 64;

/** gamma(shape, seed, index, trait) from customerHash(seed, index). */
export function gammaOf(shape: number, hash: number, trait: number): number {
  const base = trait * STREAMS_PER_TRAIT;
  const boosted = shape < 1;
  const a = boosted ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  let candidate = d;
  for (let attempt = 0; attempt < STREAMS_PER_TRAIT / 2 - 1; attempt++) {
    const z = normalOf(hash, base + 2 * attempt);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    candidate = d * v;
    const u = uniformOf(hash, base + 2 * attempt + 1);
    if (Math.log(u) < 0.5 * z * z + d - candidate + d * Math.log(v)) break;
  }
  if (!boosted) return candidate;
  const u = uniformOf(hash, base + STREAMS_PER_TRAIT - 1);
  return candidate * Math.pow(u, 1 / shape);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for
 * shape < 1. Attempt j of trait t uses streams t*64 + 2j (normal) and + 2j+1
 * (uniform); acceptance is above 95 %, so the 32 attempts are never exhausted
 * in practice (the last candidate is returned if they were).
 */
export function gamma(shape: number, seed: number, index: number, trait: number): number {
  return gammaOf(shape, customerHash(seed, index), trait);
}

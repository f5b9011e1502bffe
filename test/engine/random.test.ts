// The counter-based stream (random.ts): each draw is a pure function of (seed, customer, stream).
// The per-customer hash shortcut must give the very draws of the plain three-round definition,
// so that no population, history or soft trait moves when the generator gets faster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerHash, gamma, gammaOf, normal, normalOf, uniform, uniformOf } from '../../src/engine/random.ts';

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The definition: seed, index and stream mixed in three murmur3 finaliser rounds. */
function referenceUniform(seed: number, index: number, stream: number): number {
  let h = fmix32((seed ^ 0x9e3779b9) >>> 0);
  h = fmix32((h ^ Math.imul(index + 1, 0x27d4eb2f)) >>> 0);
  h = fmix32((h ^ Math.imul(stream + 1, 0x165667b1)) >>> 0);
  return (h + 0.5) / 4294967296;
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const indices = fc.integer({ min: 0, max: 5_000_000 });
const streams = fc.integer({ min: 0, max: 10_000 });

describe('random stream with one hash per customer', () => {
  it('uniformOf(customerHash(seed, i), stream) is the three-round uniform, bit for bit', () => {
    fc.assert(
      fc.property(seeds, indices, streams, (seed, i, stream) => {
        expect(uniformOf(customerHash(seed, i), stream)).toBe(referenceUniform(seed, i, stream));
        expect(uniform(seed, i, stream)).toBe(referenceUniform(seed, i, stream));
      }),
      { numRuns: 500 },
    );
  });

  it('normals and gammas from the customer hash equal those from (seed, index)', () => {
    fc.assert(
      fc.property(seeds, indices, fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.05, max: 50, noNaN: true }), (seed, i, stream, shape) => {
        const hash = customerHash(seed, i);
        const u1 = referenceUniform(seed, i, (1 << 20) + 2 * stream);
        const u2 = referenceUniform(seed, i, (1 << 20) + 2 * stream + 1);
        expect(normalOf(hash, stream)).toBe(Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        expect(normal(seed, i, stream)).toBe(normalOf(hash, stream));
        expect(gamma(shape, seed, i, stream % 5)).toBe(gammaOf(shape, hash, stream % 5));
      }),
      { numRuns: 300 },
    );
  });
});

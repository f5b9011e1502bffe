// The decile table (MODEL.md section 2) sums revenue and contribution per value decile.
// It marks each customer's decile and sums in customer order; this checks it against the
// plain definition: walk the ranking and sum each tenth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixSums } from '../../src/engine/curve.ts';
import { valueDeciles } from '../../src/engine/deciles.ts';
import { rank } from '../../src/engine/rank.ts';
import { expectClose } from './close.ts';

const money = fc.double({ min: -1e5, max: 1e5, noNaN: true });

describe('valueDeciles', () => {
  it('equals the sums over each tenth of the value ranking, for any size (empty deciles included)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(money, money, money), { minLength: 1, maxLength: 300 }), (rows) => {
        const value = Float64Array.from(rows, (r) => r[0]);
        const revenue = Float64Array.from(rows, (r) => r[1]);
        const contribution = Float64Array.from(rows, (r) => r[2]);
        const order = rank(value, true);
        const deciles = valueDeciles(order, revenue, contribution, prefixSums(value, order));
        const n = rows.length;
        deciles.forEach((decile, d) => {
          const from = Math.floor((d * n) / 10);
          const to = Math.floor(((d + 1) * n) / 10);
          let rev = 0;
          let con = 0;
          for (let k = from; k < to; k++) {
            rev += revenue[order[k] as number] as number;
            con += contribution[order[k] as number] as number;
          }
          expect(decile.customers).toBe(to - from);
          // Sums of up to 300 amounts of 1e5 in another order: equal to rounding.
          expectClose(decile.revenue, rev, 1e-9 * 3e7);
          expectClose(decile.contribution, con, 1e-9 * 3e7);
        });
      }),
      { numRuns: 200 },
    );
  });
});

// The portfolio after the decision (issue 12, src/engine/after.ts): the
// Portfolio tab's curves and tables after a drop, fix or focus. Its customers'
// values must add up to decisionValue, and on identical customers (spread 0,
// the MODEL section-1 customer: m = 100, a = 3.393803) they are hand-computable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadStickyCost } from '../../src/engine/after.ts';
import { computeResults, createEngine } from '../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { expectClose } from './close.ts';

const q = 0.8 / 1.08;
const a = ((1 - q ** 10) / (1 - q)) / 1.08;
const SAME: Scenario = { ...DEFAULTS, customers: 100, spread: 0 };

describe('the portfolio after the decision', () => {
  it('is not computed when nothing is decided (the default scenario costs nothing extra)', () => {
    expect(computeResults(SAME).after).toBeUndefined();
    expect(computeResults({ ...DEFAULTS, customers: 1000 }).after).toBeUndefined();
  });

  it('applyDrop = 1: 90 customers remain, each (m - b) a minus a 90th of the sticky 1000 a', () => {
    const r = computeResults({ ...SAME, applyDrop: 1 });
    const after = r.after;
    if (!after) throw new Error('after missing');
    expect(after.totals.customers).toBe(90);
    expectClose(after.totals.value, 5300 * a, 1e-6);
    expectClose(after.totals.value, r.decision.value, 1e-9);
    expectClose(after.totals.meanClv, (5300 * a) / 90, 1e-6);
    // Identical customers: the whale curve of those who remain is a straight line, every decile a tenth.
    expectClose(after.top20ValueShare ?? NaN, 0.2, 1e-9);
    expect(after.deciles.reduce((sum, d) => sum + d.customers, 0)).toBe(90);
    expect(r.portfolio.totals.customers).toBe(100);
  });

  it('applyFix = 1: the 10 fixed customers gain 50 a + 30 a each and rank first', () => {
    const r = computeResults({ ...SAME, applyFix: 1 });
    const after = r.after;
    if (!after) throw new Error('after missing');
    expect(after.totals.customers).toBe(100);
    // 90 x 70 a + 10 x (70 + 50 + 30) a = 7800 a
    expectClose(after.totals.value, 7800 * a, 1e-6);
    expectClose(after.totals.value, r.decision.value, 1e-9);
    // Top 20 %: the 10 fixed (150 a) and 10 others (70 a).
    expectClose(after.top20ValueShare ?? NaN, 2200 / 7800, 1e-9);
    expectClose(after.worst10ValueShare ?? NaN, 700 / 7800, 1e-9);
  });

  it('focus 0.6 alone: everyone stays and the values add up to valueAtFocus', () => {
    const r = computeResults({ ...SAME, focus: 0.6 });
    const after = r.after;
    if (!after) throw new Error('after missing');
    expect(after.totals.customers).toBe(100);
    expectClose(after.totals.value, r.focus.valueAtFocus, 1e-9);
    expect(after.totals.value).not.toBeCloseTo(r.portfolio.totals.value, 0);
  });

  it('for any decision on a spread population its customers sum to decisionValue', () => {
    const engine = createEngine();
    fc.assert(
      fc.property(
        fc.record({
          focus: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
          dropShare: fc.integer({ min: 1, max: 50 }).map((k) => k / 100),
          applyDrop: fc.constantFrom(0, 1),
          applyFix: fc.constantFrom(0, 1),
          stickiness: fc.constantFrom(0, 0.5, 1),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (input) => {
          const s: Scenario = { ...DEFAULTS, customers: 2000, ...input };
          const r = engine.compute(s);
          if (input.focus === 0 && input.applyDrop === 0 && input.applyFix === 0) {
            expect(r.after).toBeUndefined();
            return;
          }
          const after = r.after;
          if (!after) throw new Error('after missing');
          // Summed in another order than the moment method: equal up to rounding (1e-12 relative).
          expectClose(after.totals.value, r.decision.value, 1e-12 * Math.abs(r.decision.value) + 1e-9);
          expect(after.totals.customers).toBe(r.decision.customers);
          expect(after.deciles.reduce((sum, d) => sum + d.customers, 0)).toBe(r.decision.customers);
          expect(after.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(r.decision.customers);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('spreadStickyCost: who carries the costs that stay after a drop', () => {
  it('each kept customer carries the sticky cost in proportion to their own cost to serve', () => {
    // 300 of sticky cost over costs 100, 200 and 0: 100 and 200 carried, the customer without cost carries none.
    const value = new Float64Array([1000, 1000, 1000]);
    spreadStickyCost(value, new Float64Array([100, 200, 0]), 3, 300);
    expect(Array.from(value)).toEqual([900, 800, 1000]);
  });

  it('per head when nobody left has any cost, and the total carried is always the sticky cost', () => {
    const value = new Float64Array([10, 20, 30, 40]);
    spreadStickyCost(value, new Float64Array([0, 0, 0, 0]), 4, 8);
    expect(Array.from(value)).toEqual([8, 18, 28, 38]);
  });
});

// Invariants over the whole slider ranges (fast-check), the portfolio kept
// small so that each run stays fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { singleCustomer } from '../../src/engine/customer.ts';
import { computeResults } from '../../src/engine/index.ts';
import { DEFAULTS, PARAMETERS, PARAMETER_KEYS, type ParameterKey, type Scenario } from '../../src/engine/parameters.ts';

function arbitraryFor(key: ParameterKey): fc.Arbitrary<number | null> {
  const spec = PARAMETERS[key];
  if (key === 'customers') return fc.integer({ min: spec.min, max: 1500 });
  if (key === 'horizon') return fc.option(fc.integer({ min: spec.min, max: spec.max }), { nil: null, freq: 4 });
  if (spec.integer) return fc.integer({ min: spec.min, max: Math.min(spec.max, 1000) });
  // Both the ends of every range and the inside.
  return fc.oneof(fc.constant(spec.min), fc.constant(spec.max), fc.double({ min: spec.min, max: spec.max, noNaN: true }));
}

const scenarios: fc.Arbitrary<Scenario> = fc
  .record(Object.fromEntries(PARAMETER_KEYS.map((key) => [key, arbitraryFor(key)])) as Record<ParameterKey, fc.Arbitrary<number | null>>)
  .map((values) => ({ ...DEFAULTS, ...values }) as Scenario)
  .filter((s) => s.focusShareA + s.focusShareB + s.focusShareC > 0);

function nonFiniteNumbers(value: unknown, path = 'results'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

const RUNS = { numRuns: 60 };

describe('engine invariants over every slider range', () => {
  it('never yields NaN or Infinity anywhere', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const { computeMs: _ignored, ...results } = computeResults(s);
        expect(nonFiniteNumbers(results)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the Lorenz curve rises and is convex from (0,0) to (1,1)', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const { lorenz } = computeResults(s).portfolio;
        expect(lorenz[0]).toEqual({ x: 0, y: 0 });
        expect(lorenz.at(-1)?.x).toBe(1);
        expect(lorenz.at(-1)?.y).toBeCloseTo(1, 12);
        for (let k = 1; k < lorenz.length; k++) {
          const [a, b] = [lorenz[k - 1], lorenz[k]];
          if (!a || !b) throw new Error('missing point');
          expect(b.y).toBeGreaterThanOrEqual(a.y - 1e-12);
          if (k >= 2) {
            const before = lorenz[k - 2];
            if (!before) throw new Error('missing point');
            // Slopes never fall (convexity). Ranks come from float32 keys, so customers whose
            // revenue agrees to about 7 digits may swap places: allow that much.
            const slope1 = (a.y - before.y) / (a.x - before.x);
            const slope2 = (b.y - a.y) / (b.x - a.x);
            expect(slope2).toBeGreaterThanOrEqual(slope1 - 1e-6 * Math.max(1, Math.abs(slope1)));
          }
        }
      }),
      RUNS,
    );
  });

  it('the whale curve ends at 100 % whenever the total value is positive', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const p = computeResults(s).portfolio;
        if (p.totals.value > 0) {
          expect(p.whale?.at(-1)?.y).toBeCloseTo(1, 9);
          expect(p.whalePeak).toBeGreaterThanOrEqual(1 - 1e-9);
        } else {
          expect(p.whale).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('raising the acquisition cost by x lowers the lifetime profit by exactly x', () => {
    fc.assert(
      fc.property(scenarios, fc.double({ min: 0, max: 1000, noNaN: true }), (s, x) => {
        const before = singleCustomer(s);
        const after = singleCustomer({ ...s, acquisitionCost: s.acquisitionCost + x });
        expect(after.clv).toBe(before.clv);
        // Exact up to the rounding of numbers of this size (CLV can reach millions).
        const scale = Math.max(1, Math.abs(before.clv), s.acquisitionCost + x);
        expect(Math.abs(before.lifetimeProfit - after.lifetimeProfit - x)).toBeLessThanOrEqual(4 * Number.EPSILON * scale);
      }),
      { numRuns: 200 },
    );
  });

  it('with stickiness 0 the drop gain equals minus the dropped customers value', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const { drop, portfolio } = computeResults({ ...s, stickiness: 0 });
        expect(drop.stickyCost).toBe(0);
        expect(drop.realisticGain).toBe(drop.naiveGain);
        // The dropped customers' value is what the kept ones do not have (sums of up to
        // millions of euros: compare relative to their size).
        const keptValue = drop.valueAfterNaive;
        const scale = Math.max(1, Math.abs(portfolio.totals.value), Math.abs(keptValue));
        expect(Math.abs(-drop.naiveGain - (portfolio.totals.value - keptValue))).toBeLessThanOrEqual(1e-9 * scale);
      }),
      RUNS,
    );
  });

  it('payback lies within the years counted, and the payback probability is a probability', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const c = singleCustomer(s);
        if (c.paybackYears !== null) {
          expect(c.paybackYears).toBeGreaterThanOrEqual(0);
          expect(c.paybackYears).toBeLessThanOrEqual(s.horizon ?? 100);
        }
        expect(c.paybackProbability).toBeGreaterThanOrEqual(0);
        expect(c.paybackProbability).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('a customer with positive margin is worth less the higher the churn', () => {
    fc.assert(
      fc.property(scenarios, fc.double({ min: 0, max: 0.5, noNaN: true }), (s, extra) => {
        const base = singleCustomer(s);
        // An unbounded (capped) sum is not comparable with a huge finite one.
        fc.pre(base.annualMargin > 0 && s.churnRate + extra <= 1 && !base.unbounded);
        expect(singleCustomer({ ...s, churnRate: s.churnRate + extra }).clv).toBeLessThanOrEqual(base.clv * (1 + 1e-12) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

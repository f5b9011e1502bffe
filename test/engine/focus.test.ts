import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetShares, focusBase, focusStrategy, MAX_MOMENT_HORIZON } from '../../src/engine/focus.ts';
import { computeResults } from '../../src/engine/index.ts';
import { DEFAULTS, PARAMETERS, type Scenario } from '../../src/engine/parameters.ts';
import { generatePopulation, populationKeysOf } from '../../src/engine/population.ts';
import { rank } from '../../src/engine/rank.ts';
import { sizeFactors, valuePortfolio } from '../../src/engine/valuation.ts';
import { expectClose } from './close.ts';

const focusAt = (overrides: Partial<Scenario>) => computeResults({ ...DEFAULTS, ...overrides }).focus;

describe('budgetShares (MODEL.md section 4)', () => {
  const counts = [2000, 3000, 5000] as const;
  it('f = 0 is the watering can: shares equal the segment sizes 20/30/50 %', () => {
    expect(budgetShares(0, counts, DEFAULTS)).toEqual([0.2, 0.3, 0.5]);
  });
  it('f = 1 is full focus: 60/30/10 %', () => {
    const shares = budgetShares(1, counts, DEFAULTS);
    expectClose(shares[0], 0.6, 1e-12);
    expectClose(shares[2], 0.1, 1e-12);
  });
  it('f = 0.5 lies half way: A gets (0.2 + 0.6) / 2 = 40 %, and the total budget is the same', () => {
    const shares = budgetShares(0.5, counts, DEFAULTS);
    expectClose(shares[0], 0.4, 1e-12);
    expectClose(shares[0] + shares[1] + shares[2], 1, 1e-12);
  });
});

describe('focus on the default portfolio: both lessons of MODEL.md section 4', () => {
  const sticky = focusAt({ stickiness: 0.5 });
  const free = focusAt({ stickiness: 0 });
  const allSticky = focusAt({ stickiness: 1 });

  it('focus pays: the best focus beats the watering can', () => {
    expect(sticky.valueAtBestFocus).toBeGreaterThan(sticky.valueAtNoFocus * 1.2);
  });

  it('over-focus backfires with sticky costs: the best focus lies inside (0, 1) and full focus earns less', () => {
    expect(sticky.bestFocus).toBeGreaterThan(0);
    expect(sticky.bestFocus).toBeLessThan(1);
    const full = sticky.sweep.at(-1);
    expect(full?.focus).toBe(1);
    expect(full?.value).toBeLessThan(sticky.valueAtBestFocus);
  });

  it('the best focus falls as stickiness rises', () => {
    expect(free.bestFocus).toBeGreaterThan(sticky.bestFocus);
    expect(sticky.bestFocus).toBeGreaterThanOrEqual(allSticky.bestFocus);
    expect(free.bestFocus).toBeGreaterThan(allSticky.bestFocus);
  });

  it('at f = 0 the value is the portfolio value less the care budget: sum CLV_i - b x annuity_i', () => {
    // With every customer at care intensity 1, only the spend b = 30 per year is new in m_i.
    const withoutCare = computeResults({ ...DEFAULTS, careBudgetPerCustomer: 0 });
    expect(withoutCare.focus.valueAtNoFocus).toBeCloseTo(withoutCare.portfolio.totals.value, 6);
    expect(sticky.valueAtNoFocus).toBeLessThan(withoutCare.focus.valueAtNoFocus);
  });

  it('segments hold 20/30/50 % of customers and their values add up to V(f)', () => {
    const r = focusAt({ focus: 0.5 });
    expect(r.segments.map((s) => s.customers)).toEqual([2000, 3000, 5000]);
    expectClose(
      r.segments.reduce((sum, s) => sum + s.value, 0),
      r.valueAtFocus,
      1e-6 * Math.abs(r.valueAtFocus),
    );
    expectClose(r.valueAtFocus, r.sweep[10]?.value ?? Number.NaN, 1e-6 * Math.abs(r.valueAtFocus));
  });

  it('care keeps customers: A customers stay longer and neglected C customers leave sooner under focus', () => {
    const r = focusAt({ focus: 1 });
    const a = r.segments[0];
    const c = r.segments[2];
    expect(a?.keptAfter3).toBeGreaterThan(r.segmentsAtNoFocus[0]?.keptAfter3 ?? 1);
    expect(c?.keptAfter3).toBeLessThan(r.segmentsAtNoFocus[2]?.keptAfter3 ?? 0);
    expectClose(a?.careIntensity, 3, 1e-9);
    expectClose(c?.careIntensity, 0.2, 1e-9);
  });

  it('no care at all (full-focus share 0 for C) means churn 1 for C, without NaN', () => {
    const r = focusAt({ focus: 1, focusShareA: 0.7, focusShareB: 0.3, focusShareC: 0 });
    expect(r.segments[2]?.keptAfter1).toBe(0);
    expect(Number.isFinite(r.valueAtFocus)).toBe(true);
  });
});

describe('the moment method of the focus sweep equals the direct sum over customers', () => {
  // Every focus figure comes from per-segment power moments of churn (focus.ts); the direct method
  // sums customer by customer. Both must agree to 1e-9 of the figure's size, across the slider ranges.
  const spec = (key: keyof typeof PARAMETERS) => PARAMETERS[key];
  const within = (key: keyof typeof PARAMETERS) => fc.double({ min: spec(key).min, max: spec(key).max, noNaN: true });
  const arbitrary = fc
    .record({
      churnRate: within('churnRate'),
      growthRate: within('growthRate'),
      discountRate: within('discountRate'),
      horizon: fc.integer({ min: 1, max: MAX_MOMENT_HORIZON }),
      stickiness: within('stickiness'),
      focus: within('focus'),
      careSaturation: within('careSaturation'),
      careChurnElasticity: within('careChurnElasticity'),
      careOrderElasticity: within('careOrderElasticity'),
      careGrowthElasticity: within('careGrowthElasticity'),
      focusShareA: within('focusShareA'),
      focusShareB: within('focusShareB'),
      focusShareC: within('focusShareC'),
      spread: within('spread'),
      seed: fc.integer({ min: 1, max: 1000 }),
    })
    .filter((o) => o.focusShareA + o.focusShareB + o.focusShareC > 0);
  const close = (a: number, b: number, scale: number) => expectClose(a, b, 1e-9 * Math.max(1, scale));

  it('for the sweep, the chosen focus and f = 0, segment by segment', () => {
    fc.assert(
      fc.property(arbitrary, (overrides) => {
        const s: Scenario = { ...DEFAULTS, customers: 700, ...overrides };
        const population = generatePopulation(populationKeysOf(s));
        const valuation = valuePortfolio(population, sizeFactors(population, s, null), s, null);
        const base = focusBase(valuation, rank(valuation.clv, true));
        const moments = focusStrategy(base, s);
        const direct = focusStrategy(base, s, 'direct');
        const scale = direct.sweep.reduce((m, p) => Math.max(m, Math.abs(p.value)), 0);
        direct.sweep.forEach((p, j) => close(moments.sweep[j]?.value ?? Number.NaN, p.value, scale));
        close(moments.valueAtFocus, direct.valueAtFocus, scale);
        for (const [mine, theirs] of [
          [moments.segments, direct.segments],
          [moments.segmentsAtNoFocus, direct.segmentsAtNoFocus],
        ] as const) {
          theirs.forEach((segment, g) => {
            const other = mine[g];
            expect(other?.customers).toBe(segment.customers);
            close(other?.value ?? Number.NaN, segment.value, scale);
            close(other?.revenue ?? Number.NaN, segment.revenue, Math.abs(segment.revenue));
            for (const key of ['keptAfter1', 'keptAfter3', 'keptAfter5'] as const) close(other?.[key] ?? Number.NaN, segment[key], 1);
          });
        }
      }),
      { numRuns: 80 },
    );
  });
});

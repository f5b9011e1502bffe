import { describe, expect, it } from 'vitest';
import { budgetShares } from '../../src/engine/focus.ts';
import { computeResults } from '../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
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

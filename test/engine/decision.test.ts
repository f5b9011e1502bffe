// decisionValue (issue 12): the value at the chosen focus after the drop or
// fix when applied. Hand-computed on a portfolio of identical customers
// (spread 0: every customer is the MODEL section-1 customer, m = 100,
// a = CLV / m = 3.393803 expected discounted years), where every sum of
// sections 3 and 4 is a count times one customer's figure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, computeResults, movedScenario } from '../../src/engine/index.ts';
import { DEFAULTS, MONEY_KEYS, PARAMETERS, type Scenario } from '../../src/engine/parameters.ts';
import { kpisOf } from '../../src/engine/results.ts';
import { expectClose } from './close.ts';

const q = 0.8 / 1.08;
/** Expected discounted years of the section-1 customer over 10 years. */
const a = ((1 - q ** 10) / (1 - q)) / 1.08;
const SAME: Scenario = { ...DEFAULTS, customers: 100, spread: 0 };

function decisionValue(s: Partial<Scenario>): number {
  return kpisOf(computeResults({ ...SAME, ...s })).decisionValue;
}

/** Expected discounted years with churn c, growth u over 10 years at d = 8 % (MODEL section 1). */
function annuity(c: number, u: number): number {
  const w = ((1 - c) * (1 + u)) / 1.08;
  return ((1 - w ** 10) / (1 - w)) / 1.08;
}

describe('decisionValue on identical customers (MODEL sections 3 and 4 by hand)', () => {
  it('the section-1 customer: m = 100 and a = 3.3938', () => {
    const k = kpisOf(computeResults(SAME));
    expectClose(k.dropValueBefore, 100 * 100 * a, 1e-6);
    expectClose(a, 3.393803, 1e-6);
  });

  it('without drop or fix it is the value at the chosen focus: V(0) = N (m - b) a', () => {
    const k = kpisOf(computeResults(SAME));
    expect(k.decisionValue).toBe(k.valueAtFocus);
    expectClose(k.decisionValue, 100 * (100 - 30) * a, 1e-6);
    const focused = kpisOf(computeResults({ ...SAME, focus: 0.6 }));
    expect(focused.decisionValue).toBe(focused.valueAtFocus);
    expect(focused.decisionValue).not.toBeCloseTo(k.decisionValue, 0);
  });

  it('f = 0 and applyDrop = 1 without a care budget is dropValueAfter: 100 m a - 10 m a - 0.5 x 10 x 200 a', () => {
    const k = kpisOf(computeResults({ ...SAME, applyDrop: 1, careBudgetPerCustomer: 0 }));
    expectClose(k.dropValueAfter, (10_000 - 1000 - 1000) * a, 1e-6);
    expectClose(k.decisionValue, k.dropValueAfter, 1e-6);
  });

  it('f = 0 and applyDrop = 1 with b = 30: the kept 90 customers still get b each', () => {
    // 90 (m - b) a - stickiness x 10 x (F s_o + s_y) a = 6300 a - 1000 a
    expectClose(decisionValue({ applyDrop: 1 }), 5300 * a, 1e-6);
    // = dropValueAfter - b x 90 a
    expectClose(decisionValue({ applyDrop: 1 }), kpisOf(computeResults({ ...SAME, applyDrop: 1 })).dropValueAfter - 30 * 90 * a, 1e-6);
  });

  it('applyFix = 1: V(f) + repricing + the non-sticky part of the service cut', () => {
    // 7000 a + 10 x 1000 x 0.05 a + (1 - 0.5) x 0.5 x 10 x 120 a
    expectClose(decisionValue({ applyFix: 1 }), (7000 + 500 + 300) * a, 1e-6);
    // Both switches on: the worst are fixed, not dropped.
    expect(decisionValue({ applyFix: 1, applyDrop: 1 })).toBe(decisionValue({ applyFix: 1 }));
  });

  it('drop and full focus: segments formed anew over the 90 kept, budget B = 90 b', () => {
    // Kept 90: A = 18, B = 27, C = 45; full focus 60/30/10 % of B = 90 b, so care
    // intensity x = 0.6 x 90 / 18 = 3 (saturated at 2), 0.3 x 90 / 27 = 1, 0.1 x 90 / 45 = 0.2.
    const segments: [number, number][] = [
      [18, 3],
      [27, 1],
      [45, 0.2],
    ];
    let expected = -0.5 * 10 * 200 * a; // the dropped customers' sticky costs
    for (const [count, x] of segments) {
      const eff = Math.min(x, 2);
      const churn = 0.2 * eff ** -0.3;
      const orders = 4 * eff ** 0.1;
      const annuityAfter = annuity(churn, 0.02 * Math.log(eff));
      const margin = orders * (250 * 0.3 - 20) - 120 - 30 * x;
      const cost = (orders * 20 + 120) * annuityAfter;
      expected += count * (margin * annuityAfter + 0.5 * (cost - 200 * a));
    }
    expectClose(decisionValue({ applyDrop: 1, focus: 1 }), expected, 1e-6);
  });
});

describe('decisionValue invariants', () => {
  const small = fc.record({
    customers: fc.integer({ min: 100, max: 800 }),
    seed: fc.integer({ min: 1, max: 1000 }),
    dropShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    stickiness: fc.double({ min: 0, max: 1, noNaN: true }),
    focus: fc.double({ min: 0, max: 1, noNaN: true }),
    churnRate: fc.double({ min: 0, max: 1, noNaN: true }),
    careBudgetPerCustomer: fc.double({ min: 0, max: 200, noNaN: true }),
    applyDrop: fc.integer({ min: 0, max: 1 }),
    applyFix: fc.integer({ min: 0, max: 1 }),
  });

  it('is finite, and applyDrop with dropShare 0 changes nothing', () => {
    fc.assert(
      fc.property(small, (input) => {
        const s = { ...DEFAULTS, ...input };
        const value = decisionValue(s);
        expect(Number.isFinite(value)).toBe(true);
        const none = kpisOf(computeResults({ ...s, dropShare: 0, applyDrop: 0, applyFix: 0 })).decisionValue;
        expect(kpisOf(computeResults({ ...s, dropShare: 0, applyDrop: 1, applyFix: 0 })).decisionValue).toBe(none);
      }),
      { numRuns: 40 },
    );
  });

  it('at f = 0 without a care budget, dropping gives dropValueAfter on any portfolio', () => {
    fc.assert(
      fc.property(small, (input) => {
        const k = kpisOf(computeResults({ ...DEFAULTS, ...input, focus: 0, careBudgetPerCustomer: 0, applyDrop: 1, applyFix: 0 }));
        expectClose(k.decisionValue, k.dropValueAfter, 1e-7 * Math.max(1, Math.abs(k.dropValueBefore)));
      }),
      { numRuns: 40 },
    );
  });

  it('the lightweight decisionValue (tornado) agrees with the full computation', () => {
    const engine = createEngine();
    for (const s of [{ ...DEFAULTS, customers: 2000 }, { ...DEFAULTS, customers: 2000, applyDrop: 1, focus: 0.6 }, { ...DEFAULTS, customers: 2000, applyFix: 1 }]) {
      const full = kpisOf(computeResults(s)).decisionValue;
      expectClose(engine.decisionValue(s), full, 1e-9 * Math.abs(full));
    }
  });
});

describe('tornado: decisionValue with each money slider moved by ±10 %', () => {
  it('lists every money slider once, sorted by effect, each end the full computation of the moved scenario', () => {
    const s = { ...DEFAULTS, customers: 2000, focus: 0.6 };
    const tornado = createEngine().tornado(s);
    expect(tornado.bars.map((b) => b.key).sort()).toEqual([...MONEY_KEYS].sort());
    expect(MONEY_KEYS).toContain('orderValue');
    const effects = tornado.bars.map((b) => b.effect);
    expect(effects).toEqual([...effects].sort((x, y) => y - x));
    for (const bar of tornado.bars) {
      const key = bar.key as (typeof MONEY_KEYS)[number];
      expect(bar.lowInput).toBeCloseTo((s[key] as number) * 0.9, 9);
      const low = kpisOf(computeResults(movedScenario(s, key, -0.1))).decisionValue;
      const high = kpisOf(computeResults(movedScenario(s, key, 0.1))).decisionValue;
      expectClose(bar.low, low, 1e-9 * Math.abs(low));
      expectClose(bar.high, high, 1e-9 * Math.abs(high));
    }
    // Acquisition cost is sunk for existing customers: it moves nothing.
    expect(tornado.bars.find((b) => b.key === 'acquisitionCost')?.effect).toBe(0);
    // Order value moves the result most with the defaults (revenue x margin).
    expect(tornado.bars[0]?.key).toBe('orderValue');
    expect(PARAMETERS.orderValue.unit).toBe('money');
  });
});

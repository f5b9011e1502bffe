import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clvConventions, monthlyTerms, monthlyValue, type ConventionId } from '../../src/engine/conventions.ts';
import { singleCustomer } from '../../src/engine/customer.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { expectClose } from './close.ts';

const valueOf = (s: Scenario, id: ConventionId): number => {
  const found = singleCustomer(s).conventions.find((c) => c.id === id);
  if (!found) throw new Error(`no convention ${id}`);
  return found.value;
};
const withDefaults = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULTS, ...overrides });

describe('why CLV calculators disagree, at the defaults (m = 100, r = 0.8, d = 8 %, u = 0, H = 10)', () => {
  it('this app (MODEL section 1): the CLV of the Kunde tab, 339.38', () => {
    expect(valueOf(DEFAULTS, 'model')).toBe(singleCustomer(DEFAULTS).clv);
    expectClose(valueOf(DEFAULTS, 'model'), 339.3803, 5e-5);
  });

  it('textbook m·r/(1+d−r), year t counted only if the customer stays through it: Σ 100·0.8^t/1.08^t = 0.8 × 339.38 = 271.50', () => {
    let sum = 0;
    for (let t = 1; t <= 10; t++) sum += (100 * 0.8 ** t) / 1.08 ** t;
    expectClose(valueOf(DEFAULTS, 'textbook'), sum, 1e-9);
    expectClose(valueOf(DEFAULTS, 'textbook'), 271.5043, 5e-5);
  });

  it('unlimited horizon: textbook 100 × 0.8 / (1.08 − 0.8) = 285.71 against this app 100 / (0.08 + 0.2) = 357.14', () => {
    const unlimited = withDefaults({ horizon: null });
    expectClose(valueOf(unlimited, 'textbook'), (100 * 0.8) / 0.28, 1e-6);
    expectClose(valueOf(unlimited, 'model'), 100 / 0.28, 1e-6);
  });

  it('undiscounted "annual margin × lifetime": 100 × min(1/0.2, 10) = 500', () => {
    expect(valueOf(DEFAULTS, 'undiscounted')).toBe(500);
    expect(valueOf(withDefaults({ churnRate: 0.05 }), 'undiscounted')).toBe(1000); // min(20, 10) = 10 years
  });

  it('monthly with 365.25/12-day months: Σ_{j=1..120} (100/12)·0.8^((j−1)/12)/1.08^(j/12) = 318.57', () => {
    let sum = 0;
    for (let j = 1; j <= 120; j++) sum += ((100 / 12) * 0.8 ** ((j - 1) / 12)) / 1.08 ** (j / 12);
    expectClose(valueOf(DEFAULTS, 'monthly'), sum, 1e-9);
    expectClose(valueOf(DEFAULTS, 'monthly'), 318.5708, 5e-5);
  });

  it('monthly with 30-day months: 120 months of 100·30/365.25 cover only 3,600 days, so 317.81', () => {
    const share = 30 / 365.25;
    let sum = 0;
    for (let j = 1; j <= 120; j++) sum += (100 * share * 0.8 ** ((j - 1) * share)) / 1.08 ** (j * share);
    expectClose(valueOf(DEFAULTS, 'monthly30'), sum, 1e-9);
    expectClose(valueOf(DEFAULTS, 'monthly30'), 317.8083, 5e-5);
  });
});

describe('what separates the conventions', () => {
  it('without churn and discounting every convention but the 30-day month is margin × horizon', () => {
    const flat = withDefaults({ churnRate: 0, discountRate: 0 });
    expectClose(valueOf(flat, 'model'), 1000, 1e-9);
    expectClose(valueOf(flat, 'textbook'), 1000, 1e-9);
    expectClose(valueOf(flat, 'undiscounted'), 1000, 1e-9);
    expectClose(valueOf(flat, 'monthly'), 1000, 1e-9);
    // 120 months × 100 × 30/365.25: the twelve 30-day months of a "year" miss 5.25 days of it.
    expectClose(valueOf(flat, 'monthly30'), (1000 * 360) / 365.25, 1e-9);
  });

  it('a monthly calculator turns yearly rates into monthly ones with the same effect over a year', () => {
    const t = monthlyTerms({ churnRate: 0.2, growthRate: 0.05, discountRate: 0.08, horizon: 10 }, 100, 365.25 / 12);
    expectClose(t.monthlyRetention ** 12, 0.8 * 1.05, 1e-12);
    expectClose(t.monthlyDiscount ** 12, 1.08, 1e-12);
    expectClose(t.monthlyMargin * 12, 100, 1e-12);
    expect(t.months).toBe(120);
    expect(Number.isFinite(monthlyValue(t))).toBe(true);
  });

  it('property: the textbook is always r times this app, and every figure is finite and scales with m', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(null)),
        fc.double({ min: -500, max: 5000, noNaN: true }),
        (churnRate, discountRate, growthRate, horizon, margin) => {
          const s = { churnRate, discountRate, growthRate, horizon };
          const model = margin * 3.5; // any CLV the caller hands in
          const all = clvConventions(s, margin, model);
          const byId = new Map(all.map((c) => [c.id, c.value]));
          const app = byId.get('model') ?? NaN;
          expectClose(byId.get('textbook'), (1 - churnRate) * app, 1e-9 * Math.max(1, Math.abs(app)));
          for (const c of all) expect(Number.isFinite(c.value)).toBe(true);
          for (const c of clvConventions(s, 2 * margin, 2 * model)) {
            expectClose(c.value, 2 * (byId.get(c.id) ?? NaN), 1e-6 * Math.max(1, Math.abs(c.value)));
          }
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { prefixSums } from '../../src/engine/curve.ts';
import { dropWorst } from '../../src/engine/drop.ts';
import { rank } from '../../src/engine/rank.ts';
import type { Valuation } from '../../src/engine/valuation.ts';
import { expectClose } from './close.ts';

/** Ten customers with annuity 2 (expected discounted years), so value and cost are twice the annual figures. */
function tenCustomers(): Valuation {
  const margin = [100, 80, 60, 40, 20, 10, 5, 0, -20, -60];
  const revenue = [1000, 900, 800, 700, 600, 500, 400, 300, 2000, 100];
  const serviceCost = [50, 50, 50, 50, 50, 50, 50, 50, 100, 150];
  const annualCost = serviceCost.map((s) => s + 30);
  const f = (xs: number[]): Float64Array => Float64Array.from(xs);
  return {
    size: 10,
    revenue: f(revenue),
    margin: f(margin),
    annualCost: f(annualCost),
    serviceCost: f(serviceCost),
    marginRate: f(revenue.map(() => 0.3)),
    churn: f(revenue.map(() => 0.2)),
    annuity: f(revenue.map(() => 2)),
    clv: f(margin.map((m) => 2 * m)),
    cost: f(annualCost.map((c) => 2 * c)),
    cappedCount: 0,
  };
}

function inputsOf(valuation: Valuation) {
  const valueOrder = rank(valuation.clv, true);
  const byRevenue = rank(valuation.revenue, true);
  const revenuePosition = new Uint32Array(valuation.size);
  byRevenue.forEach((i, k) => (revenuePosition[i] = k));
  return { valuation, valueOrder, valuePrefix: prefixSums(valuation.clv, valueOrder), revenuePosition };
}

describe('dropWorst (MODEL.md section 3)', () => {
  const valuation = tenCustomers();
  const base = { dropShare: 0.2, stickiness: 0.5, repriceMarginPoints: 0.05, serviceCutShare: 0.5 };
  const drop = dropWorst(inputsOf(valuation), base);

  it('drops the two worst by value: CLV -40 and -120, naive gain +160', () => {
    expect(drop.droppedCount).toBe(2);
    expect(drop.customersAfter).toBe(8);
    expectClose(drop.naiveGain, 160, 1e-9);
  });

  it('sticky costs: 0.5 x (2 x 130 + 2 x 180) = 310 stay behind, realistic gain 160 - 310 = -150', () => {
    expectClose(drop.stickyCost, 310, 1e-9);
    expectClose(drop.realisticGain, -150, 1e-9);
    // Total value 2 x 235 = 470.
    expectClose(drop.valueBefore, 470, 1e-9);
    expectClose(drop.valueAfter, 320, 1e-9);
    expectClose(drop.valueAfterNaive, 630, 1e-9);
  });

  it('the dilemma: the customer with revenue 2000 (top 30 % by revenue) is among the dropped', () => {
    expect(drop.importantCount).toBe(1);
    expectClose(drop.importantRevenue, 2000, 1e-9);
    expectClose(drop.revenueLost, 2100, 1e-9);
  });

  it('fix instead of drop: +5 points on 2100 revenue for 2 years = 210; service cut (1 - 0.5) x 0.5 x 2 x 250 = 125', () => {
    expectClose(drop.fix.repriceGain, 210, 1e-9);
    expectClose(drop.fix.serviceCutGain, 125, 1e-9);
  });

  it('with stickiness 0 the realistic gain equals minus the dropped value', () => {
    const free = dropWorst(inputsOf(valuation), { ...base, stickiness: 0 });
    expectClose(free.realisticGain, free.naiveGain, 1e-12);
  });

  it('dropping nobody changes nothing', () => {
    const none = dropWorst(inputsOf(valuation), { ...base, dropShare: 0 });
    expect(none.droppedCount).toBe(0);
    expect(none.realisticGain).toBe(-0);
  });
});
